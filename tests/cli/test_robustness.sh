# critnet robustness: R (Schneider et al. 2011) worked by hand on a star, a path and two suppliers
# (tests/data/risk/), and the random strategy's mean against the exact expectation over every removal order
# computed independently with networkx (tests/oracles/robustness_oracle.py).
. "$CN_SRC/tests/cli/lib.sh"
D="$CN_SRC/tests/data/risk"
O="$CN_SRC/tests/oracles/robustness_oracle.py"

# star: one mineral, AUS .1, BRA .2, CAN .3, CHN .4; 5 nodes.
# strength removes CHN, CAN, BRA, AUS: supply .6 .3 .1 0 -> R = 1.0/4 = .25; lcc 4/5 3/5 2/5 1/5 -> R = .5
run robustness --data "$D/star.json" --strategy strength --format json
expect_rc 0
check "star strength R supply" near "$(json_get "d['r_supply']")" 0.25 1e-12
check "star strength R lcc" near "$(json_get "d['r_lcc']")" 0.5 1e-12
check "star strength first removed CHN" [ "$(json_get "d['curve'][1]['removed']")" = CHN ]
# degree: all 1, ties by id: AUS, BRA, CAN, CHN: supply .9 .7 .4 0 -> R = 2.0/4 = .5
run robustness --data "$D/star.json" --strategy degree --format json
check "star degree R supply" near "$(json_get "d['r_supply']")" 0.5 1e-12
check "star degree tie order" [ "$(json_get "d['curve'][1]['removed']")" = AUS ]

# path AUS-m1-BRA-m2-CAN (shares .5): degree removes BRA (2) first, then AUS, CAN:
# supply .5 .25 0 -> R = .25; lcc 2/5 2/5 1/5 -> R = 1/3
for s in degree betweenness; do
  run robustness --data "$D/path.json" --strategy $s --adaptive --format json
  expect_rc 0
  check "path $s R supply" near "$(json_get "d['r_supply']")" 0.25 1e-12
  check "path $s R lcc" near "$(json_get "d['r_lcc']")" 0.3333333333333333 1e-12
  check "path $s removes BRA first" [ "$(json_get "d['curve'][1]['removed']")" = BRA ]
done

# two suppliers of FRA (CHN .7, AUS .3), with the consumer as a node (4 nodes): strength removes CHN then AUS:
# supply .3 0 -> R = .15; lcc 3/4 2/4 -> R = .625
run robustness --data "$D/two.json" --consumer FRA --strategy strength --format json
check "two strength R supply" near "$(json_get "d['r_supply']")" 0.15 1e-12
check "two strength R lcc" near "$(json_get "d['r_lcc']")" 0.625 1e-12

# random: the mean over runs against the exact expectation over all orders (networkx), within 4 standard errors
runs=4000
for c in "star.json:" "path.json:" "two.json:FRA"; do
  f=${c%%:*}; k=${c#*:}
  read -r rs rl sd < <(/usr/bin/python3 "$O" "$D/$f" $k)
  run robustness --data "$D/$f" ${k:+--consumer $k} --runs $runs --seed 7 --format json
  expect_rc 0
  tol=$(/usr/bin/python3 -c "print(4 * $sd / $runs ** 0.5 + 1e-12)")
  check "$f random mean R supply vs networkx" near "$(json_get "d['r_supply']")" "$rs" "$tol"
  check "$f random R lcc vs networkx" near "$(json_get "d['r_lcc']")" "$rl" "$(/usr/bin/python3 -c "print(max($tol, 0.02))")"
  check "$f random sd vs networkx" near "$(json_get "d['r_supply_sd']")" "$sd" 0.01
done
# the fast path (running sums, union-find adding suppliers back in reverse) against the state recomputed after
# every removal with networkx, for the same seeded orders (tests/oracles/robustness_oracle.py --seeded): every point of the
# mean curves and R, on a mesh with shared suppliers and an "*other*" share, world production and a consumer
for k in "" FRA; do
  /usr/bin/python3 "$O" "$D/mesh.json" $k --seeded 5 7 >"$T_TMP/oracle.txt"
  run robustness --data "$D/mesh.json" ${k:+--consumer $k} --runs 7 --seed 5 --format json
  expect_rc 0
  printf '%s\n' "$OUT" >"$T_TMP/mesh.json"
  check "mesh${k:+ $k}: seeded curves and R equal networkx's recomputation" /usr/bin/python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
rows = [l.split() for l in open(sys.argv[2])]
pts = [r for r in rows if r[0] != 'R']
assert len(pts) == len(d['curve']), (len(pts), len(d['curve']))
for (q, s, l), p in zip(pts, d['curve']):
    assert abs(float(s) - p['supply']) < 1e-12 and abs(float(l) - p['lcc']) < 1e-12, (q, s, l, p)
r = rows[-1]
assert abs(float(r[1]) - d['r_supply']) < 1e-12 and abs(float(r[2]) - d['r_lcc']) < 1e-12, (r, d['r_supply'])
" "$T_TMP/mesh.json" "$T_TMP/oracle.txt"
done
# adaptive degree and strength give the same order as the static ones (a supplier's degree and strength do not
# depend on the others)
for s in degree strength; do
  run robustness --data "$D/mesh.json" --strategy $s --format csv
  a=$OUT
  run robustness --data "$D/mesh.json" --strategy $s --adaptive --format csv
  check "mesh: adaptive $s = $s" [ "$a" = "$OUT" ]
done

# the same seed gives the same curve; another seed another one
run robustness --data "$D/path.json" --runs 50 --seed 3 --format csv
a=$OUT
run robustness --data "$D/path.json" --runs 50 --seed 3 --format csv
check "same seed, same output" [ "$a" = "$OUT" ]
check "CSV header" [ "$(head -1 <<<"$OUT" | tr -d "\r")" = "q,removed,supply,supply_sd,lcc,lcc_sd" ]
check "CSV rows: Q = 0..3" [ "$(wc -l <<<"$OUT")" -eq 5 ]

# adaptive betweenness on 100 suppliers x 150 minerals costs about 250 * 15,150 * 100 = 3.8e8 steps (> 2.5e8):
# refused in one line naming the size; the static betweenness (3.8e6 steps) runs
/usr/bin/python3 - "$CN_SRC/datasets/iso_3166-1.json" >"$T_TMP/big.json" <<'PY'
import json, sys
iso = sorted(c["alpha_3"] for c in json.load(open(sys.argv[1], encoding="utf-8"))["3166-1"])[:100]
ms = [f"m{i}" for i in range(150)]
edges = [{"kind": "produces", "mineral": m, "country": c, "share": 0.01, "year": 2022} for m in ms for c in iso]
print(json.dumps({"format": "critnet", "version": 1, "name": "big", "countries": [{"id": c} for c in iso],
                  "minerals": [{"id": m} for m in ms], "edges": edges}))
PY
run robustness --data "$T_TMP/big.json" --strategy betweenness --adaptive
expect_rc 64
check "adaptive betweenness refused, naming the size" grep -q "betweenness on 250 nodes and 15000 links costs about 3.8e+08 steps" <<<"$ERR"
check "refusal is one line" [ "$(wc -l <<<"$ERR")" -eq 1 ]
run robustness --data "$T_TMP/big.json" --strategy betweenness --format json
expect_rc 0
check "static betweenness runs" near "$(json_get "d['suppliers']")" 100 0
# the chart leaves the refused betweenness curve out, says so on stderr, and draws the other three
run render --robustness --data "$T_TMP/big.json" --runs 5 -o "$T_TMP/big.svg"
expect_rc 0
check "chart without betweenness: note on stderr" grep -q "betweenness left out of the chart: betweenness on 250 nodes" <<<"$ERR"
check "chart without betweenness: written" [ -s "$T_TMP/big.svg" ]

# usage errors
run robustness --strategy bogus
expect_rc 64
run robustness --adaptive
expect_rc 64
run robustness --runs 0
expect_rc 64
run robustness --data "$D/star.json" --mineral nothing
expect_rc 64

# render --robustness: an SVG chart (cairo) of the four strategies; well-formed, deterministic, SVG only
run render --robustness --data "$D/path.json" -o "$T_TMP/r.svg"
expect_rc 0
check "chart is well-formed SVG" /usr/bin/python3 -c "
import sys, xml.etree.ElementTree as ET
r = ET.parse(sys.argv[1]).getroot()
assert r.tag.endswith('svg') and r.get('width') == '780pt', r.attrib" "$T_TMP/r.svg"
run render --robustness --data "$D/path.json" -o "$T_TMP/r2.svg"
check "chart is deterministic" cmp -s "$T_TMP/r.svg" "$T_TMP/r2.svg"
run render --robustness --data "$D/path.json" --format png -o "$T_TMP/r.png"
expect_rc 64
check "no file on a usage error" [ ! -e "$T_TMP/r.png" ]
finish
