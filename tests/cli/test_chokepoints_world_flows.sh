# critnet chokepoints on a BACI table without --consumer: the markets summed from the flows (cn_trade_choke_world,
# no network of every flow) must rank exactly as the whole network does (the same table imported to native JSON,
# whose minimum cuts come from cn_chokepoints_run), and match tests/oracles/choke_world_oracle.py, which reads the
# CSV itself. The table has mapped minerals (cobalt ore, intermediate, refined), a repeated row (summed), a
# country's trade with itself, an importer that never exports (ISL), unknown values and quantities, a product
# known by quantity only, two suppliers of exactly half a market, and a sole supplier of every market of a product.
. "$CN_SRC/tests/cli/lib.sh"

csv=$T_TMP/baci.csv
/usr/bin/python3 - "$csv" <<'PY'
import random, sys
random.seed(11)
codes = {'AUS': 36, 'BRA': 76, 'CAN': 124, 'CHN': 156, 'COD': 180, 'FRA': 251, 'DEU': 276, 'JPN': 392, 'USA': 842,
         'ZMB': 894}
products = ['260500', '810520', '282200', '100190', '720110', '854140']
with open(sys.argv[1], 'w') as f:
    f.write('t,i,j,k,v,q\n')
    for t in (2018, 2019):
        for k in products:
            for e in codes:
                for i in list(codes) + ['ISL']:
                    if e == i or random.random() < 0.55 or (k == '260500' and i == 'COD'):
                        continue
                    v = 'NA' if k == '720110' or random.random() < 0.05 else f'{random.lognormvariate(3, 2):.3f}'
                    q = 'NA' if random.random() < 0.1 else f'{random.lognormvariate(2, 1.5):.3f}'
                    f.write(f'{t},{codes[e]},{352 if i == "ISL" else codes[i]},{k},{v},{q}\n')
        for i in list(codes) + ['ISL']:  # COD supplies every importer of cobalt ore (none of it): in every cut
            if i != 'COD':
                f.write(f'{t},180,{352 if i == "ISL" else codes[i]},260500,5.000,1.000\n')
        f.write(f'{t},156,156,282200,10.000,1.000\n')  # trade with itself: never part of any share
        f.write(f'{t},392,352,282200,3.000,1.000\n{t},392,352,282200,2.000,1.000\n')  # one key twice: summed
        f.write(f'{t},124,352,999999,10.000,1.000\n{t},842,352,999999,10.000,2.000\n')  # two halves of ISL's market
PY
run import --from baci "$csv" -o "$T_TMP/full.json" --quiet
expect_rc 0
"$CRITNET" import --from baci "$csv" --year 2018 -o "$T_TMP/full2018.json" --quiet
for args in "--format csv --top 0" "--format json --top 0" "--top 0" "--threshold 0.3 --format csv --top 0" \
    "--threshold 1 --format json --top 0" "--threshold 0.5 --format csv --top 0" "--mineral cobalt --format json" \
    "--product 999999 --format csv" "--top 2" "--year 2018 --format csv --top 0"; do
  json=$T_TMP/full.json
  case $args in *--year*) json=$T_TMP/full2018.json ;; esac
  # shellcheck disable=SC2086
  run chokepoints $args --data "$csv"
  a=$OUT
  expect_rc 0
  # shellcheck disable=SC2086
  run chokepoints ${args/--year 2018/} --data "$json"
  check "chokepoints $args: the markets from the flows rank as the whole network" [ "$a" = "$OUT" ] && [ -n "$a" ]
done

# the oracle, from the CSV alone: countries in every cut, consumers exposed, per stage
for thr in 0.5 0.3 1; do
  run chokepoints --data "$csv" --threshold $thr --format csv --top 0
  got=$(tail -n +2 <<<"$OUT" | tr -d '\r' | while IFS=, read -r stage _ country _ _ _ cuts _ consumers; do
          [ "$cuts" = 0 ] && [ -z "$consumers" ] && continue
          echo "${stage:--} $country $cuts $(tr ' ' '\n' <<<"$consumers" | sort | tr '\n' ' ')"; done | sed 's/ *$//' | sort)
  want=$(/usr/bin/python3 "$CN_SRC/tests/oracles/choke_world_oracle.py" "$csv" "$CN_SRC" 2019 $thr)
  check "threshold $thr: in every cut and consumers exposed = the oracle" [ "$got" = "$want" ] && [ -n "$want" ]
done
check "COD in every cut of cobalt ore" grep -q '^ore COD 1' <<<"$want"
run chokepoints --data "$csv" --format json --top 0
check "ISL's halves: CAN and USA both critical" [ "$(json_get "sorted(r['country'] for r in d['stages'][-1]['countries'] if 'ISL' in r['consumers'] and r['country'] in ('CAN','USA'))")" = "['CAN', 'USA']" ]

# a supplier whose world exports of a base are all zero (quantity 0: ISL exports refined cobalt once) and who
# imports of it is no source of the flow network: the whole network is built (the answer is the same)
printf '2019,352,251,282200,4.000,0.000\n' >>"$csv"
run chokepoints --data "$csv" --format csv --top 0
a=$OUT
"$CRITNET" import --from baci "$csv" -o "$T_TMP/zero.json" --quiet
run chokepoints --data "$T_TMP/zero.json" --format csv --top 0
check "a zero exporter: the whole network's answer" [ "$a" = "$OUT" ] && [ -n "$a" ]
finish
