# The commands that read only part of a trade table (centrality: world exports summed while reading;
# projection and weighted centrality: per exporter and product group the flows to the importer of its largest
# share, cn_trade_keep_strongest; coalition: one consumer's rows; render --mineral: that mineral's products)
# must answer exactly as the full network does (the same table imported whole to native JSON, then read back),
# and PageRank on the country projection must match networkx computed from the CSV itself.
. "$CN_SRC/tests/cli/lib.sh"

# a BACI table, two years: cobalt:refined is 282200 (the baskets 282739, 283329 are products of their own), an importer that never exports (ISL),
# a country's trade with itself, unknown values and quantities, and a product known by quantity only
csv=$T_TMP/baci.csv
/usr/bin/python3 - "$csv" <<'PY'
import random, sys
random.seed(7)
codes = {'AUS': 36, 'BRA': 76, 'CAN': 124, 'CHN': 156, 'FRA': 251, 'DEU': 276, 'JPN': 392, 'KOR': 410, 'IND': 699,
         'USA': 842}
products = ['282200', '282739', '283329', '260500', '100190', '720110', '854140']
with open(sys.argv[1], 'w') as f:
    f.write('t,i,j,k,v,q\n')
    for t in (2018, 2019):
        for k in products:
            for e in codes:
                for i in list(codes) + ['ISL']:
                    if e == i or random.random() < 0.45:
                        continue
                    v = 'NA' if k == '720110' or random.random() < 0.05 else f'{random.lognormvariate(3, 2):.3f}'
                    q = 'NA' if random.random() < 0.1 else f'{random.lognormvariate(2, 1.5):.3f}'
                    f.write(f'{t},{codes[e]},{352 if i == "ISL" else codes[i]},{k},{v},{q}\n')
        f.write(f'{t},156,156,282200,10.000,1.000\n')  # trade with itself: never part of any share
PY
run import --from baci "$csv" -o "$T_TMP/full.json" --quiet
expect_rc 0
for args in "centrality" "centrality --measure pagerank --projection countries" "centrality --projection minerals" \
    "centrality --measure pagerank --projection minerals" "centrality --measure pagerank --projection minerals --max-edges 0" \
    "centrality --weights share" "centrality --weights share --projection countries" "centrality --kinds supplies" \
    "centrality --measure hub --weights share" "centrality --year 2018" "projection --onto countries" \
    "projection --onto minerals" "projection --onto countries --kinds supplies" "projection --onto minerals --year 2018" \
    "coalition --allies CHN,KOR --consumer DEU" "coalition --allies USA --consumer ISL"; do
  # --year selects the year of both: the table's, and the one the JSON network was imported for
  json=$T_TMP/full.json
  case $args in *--year*)
    "$CRITNET" import --from baci "$csv" --year 2018 -o "$T_TMP/full2018.json" --quiet
    json=$T_TMP/full2018.json
    args=${args% --year 2018} ;;
  esac
  yr=; [ "$json" = "$T_TMP/full.json" ] || yr="--year 2018"
  # shellcheck disable=SC2086
  run $args $yr --data "$csv" --format csv
  a=$OUT
  # shellcheck disable=SC2086
  run $args --data "$json" --format csv
  check "$args $yr: the partial read answers as the full network" [ "$a" = "$OUT" ] && [ -n "$a" ]
done
for m in cobalt cobalt:refined hs:100190; do
  run render --mineral $m --top 3 --data "$csv" --format dot
  a=${OUT//$csv/DATA}
  run render --mineral $m --top 3 --data "$T_TMP/full.json" --format dot
  check "render --mineral $m: only its products read, the same picture" [ "$a" = "${OUT//$T_TMP\/full.json/DATA}" ]
done

# networkx: the country projection of the 2019 exporter-product pairs (a group per mineral:stage), every
# country of the year's flows a vertex, PageRank (alpha 0.85) on it
run centrality --measure pagerank --projection countries --data "$csv" --format csv
want=$(/usr/bin/python3 - "$csv" "$CN_SRC" <<'PY'
import csv, sys
import networkx as nx
from networkx.algorithms import bipartite
iso = {int(r[0]): r[4] for r in csv.reader(open(sys.argv[2] + '/datasets/baci/country_codes_V202201.csv',
                                                 encoding='latin-1')) if r[0].isdigit()}
group = {r['hs6']: r['mineral'] + ':' + r['stage'] for r in csv.DictReader(open(sys.argv[2] + '/datasets/hs_minerals.csv'))
         if r['weight']}  # a basket without a published weight is left out: a product of its own
g = nx.Graph()
for r in csv.DictReader(open(sys.argv[1])):
    if r['t'] != '2019' or r['i'] == r['j']:
        continue
    e, i = iso[int(r['i'])], iso[int(r['j'])]
    g.add_node(e, side=0)
    g.add_node(i, side=0)
    p = group.get(r['k'], 'hs:' + r['k'])
    g.add_node(p, side=1)
    g.add_edge(e, p)
countries = [v for v, d in g.nodes(data=True) if d['side'] == 0]
pr = nx.pagerank(bipartite.projected_graph(g, countries), alpha=0.85, tol=1e-12)
print(' '.join(f'{c}={pr[c]:.9f}' for c in sorted(countries)))
PY
)
for kv in $want; do
  c=${kv%%=*}
  got=$(awk -F, -v c="$c" '$1 == c {print $4}' <<<"$OUT")
  check "pagerank of $c on the country projection = networkx ${kv#*=} (got $got)" near "${got:-nan}" "${kv#*=}" 1e-6
done
check "every country of the flows is a vertex (ISL imports only)" grep -q '^ISL,' <<<"$OUT"
# chokepoints --consumer reads only the consumer's rows (and world exports): the same rows as the full network,
# and each market's minimum supplier cut equals networkx's on the WHOLE multi-stage network built from the CSV
for cons in DEU ISL CHN; do
  run chokepoints --consumer $cons --data "$csv" --format csv
  a=$OUT
  run chokepoints --consumer $cons --data "$T_TMP/full.json" --format csv
  check "chokepoints --consumer $cons: the partial read answers as the full network" [ "$a" = "$OUT" ] && [ -n "$a" ]
  want=$(/usr/bin/python3 "$CN_SRC/tests/oracles/choke_consumer_oracle.py" "$csv" "$CN_SRC" $cons 2019)
  got=$(tail -n +2 <<<"$a" | while IFS=, read -r _ m _ _ _ _ n cut _; do
          echo "$m $n $(tr ' ' '\n' <<<"$cut" | sort | tr '\n' ' ')"; done | sed 's/ *$//' | sort)
  check "chokepoints --consumer $cons: minimum cuts = networkx on the whole network" [ "$got" = "$want" ] && [ -n "$want" ]
done
run chokepoints --consumer DEU --data "$csv" --top 2
check "world consumer: the rows with a critical supplier counted" grep -qE '^[0-9] of 7 products have a critical supplier' <<<"$OUT"
check "world consumer: --top 2 shows 2 rows and counts 5" grep -q '+5 more products' <<<"$OUT"
check "world consumer: no cut vertices, and why" grep -q '^Articulation points and bridges: not computed on a world trade table' <<<"$OUT"
run chokepoints --consumer DEU --data "$csv" --format json
check "world consumer JSON: articulation_points null" grep -q '"articulation_points":[[:space:]]*null' <<<"$OUT"
finish
