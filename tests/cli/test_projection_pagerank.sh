# PageRank, degree, edges and components of the one-mode projections: over --max-edges the projection is never
# materialised (bitset rows, PageRank by power iteration on them, algorithms/projection_bits.c); both that path
# and igraph's on the materialised projection must equal networkx's from the CSV (tests/oracles/projection_pagerank.py)
. "$CN_SRC/tests/cli/lib.sh"
oracle=$CN_SRC/tests/oracles/projection_pagerank.py

# compare OUT (csv: id,type,component,degree,pagerank) with the oracle's lines, every vertex, to 1e-9
compare() {
  /usr/bin/python3 - "$1" "$T_TMP/got.csv" <<'PY'
import csv, sys
want = {}
for line in open(sys.argv[1]):
    f = line.split()
    if not line.startswith('#'):
        want[f[0]] = (int(f[1]), float(f[2]))
got = {r['id']: (int(r['degree']), float(r['pagerank'])) for r in csv.DictReader(open(sys.argv[2]))}
bad = [v for v in want if v not in got or got[v][0] != want[v][0] or abs(got[v][1] - want[v][1]) > 1e-9]
bad += [v for v in got if v not in want]
print(len(bad), bad[:5], sum(g[1] for g in got.values()))
sys.exit(1 if bad else 0)
PY
}

# small: 8 countries, 12 products (sparse rows); medium: 60 countries, 400 products (a mix of sparse and dense
# rows; the countries projection complete); both with an isolated country and product (dangling vertices)
for size in "small 8 12" "medium 60 400"; do
  set -- $size
  csv=$T_TMP/$1.csv
  /usr/bin/python3 "$oracle" gen "$csv" "$CN_SRC" 11 "$2" "$3"
  for onto in countries minerals; do
    /usr/bin/python3 "$oracle" oracle "$csv" "$CN_SRC" $onto >"$T_TMP/want.txt"
    for limit in 0 1000000; do
      what="$1 $onto --max-edges $limit"
      run centrality --projection $onto --measure degree --measure pagerank --max-edges $limit --data "$csv" --format csv
      expect_rc 0
      printf '%s\n' "$OUT" >"$T_TMP/got.csv"
      check "$what: degree and PageRank of every vertex = networkx's to 1e-9 ($(compare "$T_TMP/want.txt"))" \
        compare "$T_TMP/want.txt"
      run centrality --projection $onto --measure pagerank --max-edges $limit --data "$csv" --format json
      e=$(json_get 'd["edges"]') c=$(json_get 'd["components"]')
      check "$what: edges $e = networkx's" [ "#edges $e" = "$(sed -n 1p "$T_TMP/want.txt")" ]
      check "$what: components $c = networkx's" [ "#components $c" = "$(sed -n 2p "$T_TMP/want.txt")" ]
    done
  done
done

# over the limit, other measures and weights stop with one line naming the size (exit 64)
csv=$T_TMP/small.csv
run centrality --projection minerals --max-edges 5 --data "$csv"
expect_rc 64
expect_one_line_err
expect_err 'the minerals projection has [0-9]+ edges, over the limit of 5: only degree, strength and pagerank'
run centrality --projection countries --measure pagerank --weights share --max-edges 5 --data "$csv"
expect_rc 64
expect_err 'countries projection has [0-9]+ edges, over the limit of 5'
run centrality --projection minerals --measure pagerank --max-edges -1 --data "$csv"
expect_rc 64
expect_err "max-edges '-1'"
# strength is the degree on an unweighted projection, as igraph's on the materialised one
run centrality --projection minerals --measure strength --max-edges 0 --data "$csv" --format csv
a=$OUT
run centrality --projection minerals --measure strength --data "$csv" --format csv
check "strength over the limit = igraph's on the materialised projection" [ "$a" = "$OUT" ]
finish
