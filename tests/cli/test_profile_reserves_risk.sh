# profile: reserves and the share of world reserves beside production (hand-worked on tests/data/reserves_nir.json,
# the same reading as concentration --layer reserves), and --with-risk: the EU SR of each mineral the country relies
# on, the figure 'critnet risk --consumer' gives for it (one computation, shown in two places).
. "$CN_SRC/tests/cli/lib.sh"
D="$CN_SRC/tests/data/reserves_nir.json"

# CHL holds 50 of lithium's printed world reserves 100 (2023): .5 of the world total
run profile CHL --data "$D" --format json
expect_rc 0
check "CHL lithium reserves 50, .5 of the world total" [ "$(json_get '[(r["reserves"], r["reserves_share"], r["reserves_share_of"], r["reserves_year"]) for r in d["production"] if r["mineral"]=="lithium"]')" = "[(50, 0.5, 'world total', 2023)]" ]
# CHN: cobalt 30 of the listed 40 (no world total); gallium produced without a reserves figure: unknown
run profile CHN --data "$D" --format json
check "CHN cobalt .75 of the listed figures" [ "$(json_get '[(r["reserves"], r["reserves_share"], r["reserves_share_of"]) for r in d["production"] if r["mineral"]=="cobalt"]')" = "[(30, 0.75, 'listed figures')]" ]
check "CHN gallium: reserves unknown" [ "$(json_get '[(r["quantity"], r["reserves"], r["reserves_share"]) for r in d["production"] if r["mineral"]=="gallium"]')" = "[(7, None, None)]" ]
run profile CHN --data "$D"
expect_out "^cobalt +2023 +5 +t .* 30 +75%"
expect_out "^gallium +2023 +7 +t .* no data +-"
# AUS's 2022 figure (999) is not the latest: 30 of 100 in 2023
run profile AUS --data "$D" --format json
check "AUS lithium 30 (2023), not 999 (2022)" [ "$(json_get '[r["reserves"] for r in d["production"] if r["mineral"]=="lithium"]')" = "[30]" ]

# --with-risk: the same SR per mineral as 'critnet risk --consumer USA' (built-in WGI and EU CRM 2023 data)
run risk --consumer USA --format json -o "$T_TMP/risk.json"
expect_rc 0
run profile USA --with-risk --format json -o "$T_TMP/profile.json"
expect_rc 0
check "profile SR == risk's, every relies row" /usr/bin/python3 -c '
import json, math, sys
risk = {r["mineral"]: r for r in json.load(open(sys.argv[1]))["minerals"]}
rows = json.load(open(sys.argv[2]))["relies_on"]
bad = [r["mineral"] for r in rows if (r["supply_risk"] is None) != (risk.get(r["mineral"], {}).get("risk") is None)
       or (r["supply_risk"] is not None and (abs(r["supply_risk"] - risk[r["mineral"]]["risk"]) > 1e-12
           or r["supply_risk_over_threshold"] != (risk[r["mineral"]]["risk"] >= 1.0)))]
known = [r for r in rows if r["supply_risk"] is not None]
sys.exit(1 if bad or len(known) < 10 else 0)' "$T_TMP/risk.json" "$T_TMP/profile.json"
run profile USA --with-risk
expect_out "SR: EU supply risk"
expect_out "^MINERAL +NIR +TOP SUPPLIER +SHARE +SR +SR>=1"
run profile USA
check "no SR column without --with-risk" bash -c '! grep -q "SR>=1" <<<"$0"' "$OUT"
run profile USA --wgi /dev/null
expect_rc 64
expect_err "go with --with-risk"
finish
