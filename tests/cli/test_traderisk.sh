# critnet traderisk: systemic trade risk (Klimek et al. 2015) on a five-country trade matrix (tests/data/risk/
# trade.json, Political Stability in wgi_pv.csv): a direct exposure by hand, and the largest eigenvalue (numpy),
# the largest SCC (networkx) and every TradeRisk (numpy's linear solve) from tests/oracles/traderisk_oracle.py.
. "$CN_SRC/tests/cli/lib.sh"
D="$CN_SRC/tests/data/risk"

run traderisk --data "$D/trade.json" --wgi "$D/wgi_pv.csv" --format json
expect_rc 0
# DEU imports .6 from CHN (u = (2.5 + .4)/5 = .58) and .4 from AUS (u = (2.5 - .9)/5 = .32): d = .348 + .128 = .476
row='[r for r in d["countries"] if r["country"]=="DEU"][0]'
check "DEU direct by hand" near "$(json_get "$row['direct']")" 0.476 1e-12
check "USA's 'other' share left out" near "$(json_get "d['matrices'][0]['import_share_without_pv']")" 0.1 1e-12
{ read -r lam; read -r scc; cat >"$T_TMP/rows"; } < <(/usr/bin/python3 "$CN_SRC/tests/oracles/traderisk_oracle.py" \
  "$D/trade.json" "$D/wgi_pv.csv" 2022 m)
check "lambda_max vs numpy" near "$(json_get "d['matrices'][0]['lambda_max']")" "$lam" 1e-10
check "largest SCC vs networkx" [ "$(json_get "d['matrices'][0]['largest_scc']")" = "$scc" ]
n=0
while read -r c direct tr; do
  row="[r for r in d['countries'] if r['country']=='$c'][0]"
  check "$c direct vs numpy" near "$(json_get "$row['direct']")" "$direct" 1e-12
  check "$c TradeRisk vs numpy" near "$(json_get "$row['traderisk']")" "$tr" 1e-10
  n=$((n + 1))
done <"$T_TMP/rows"
check "one row per importer" [ "$(json_get "len(d['countries'])")" = "$n" ]
# no propagation: TradeRisk = direct exposure
run traderisk --data "$D/trade.json" --wgi "$D/wgi_pv.csv" --damping 0 --format json
check "damping 0" [ "$(json_get "all(abs(r['traderisk']-r['direct'])<1e-15 for r in d['countries'])")" = True ]
# a WGI file without pv, bad options
run traderisk --data "$D/trade.json" --wgi "$D/wgi.csv"
expect_rc 64
expect_err "pv"
run traderisk --damping 1
expect_rc 64
# the built-in trade dataset and WGI run
run traderisk --dataset energy-chain-2018-2020 --mineral cobalt:ore --format csv
expect_rc 0
finish
