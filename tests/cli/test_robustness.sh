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
# the same seed gives the same curve; another seed another one
run robustness --data "$D/path.json" --runs 50 --seed 3 --format csv
a=$OUT
run robustness --data "$D/path.json" --runs 50 --seed 3 --format csv
check "same seed, same output" [ "$a" = "$OUT" ]
check "CSV header" [ "$(head -1 <<<"$OUT" | tr -d "\r")" = "q,removed,supply,supply_sd,lcc,lcc_sd" ]
check "CSV rows: Q = 0..3" [ "$(wc -l <<<"$OUT")" -eq 5 ]

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
