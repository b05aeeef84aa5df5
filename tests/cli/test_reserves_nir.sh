# concentration --layer reserves and deps --years: hand-worked figures on tests/data/reserves_nir.json, and the
# built-in MCS 2026 / MCS 2024 datasets against tests/oracles/reserves_nir.py (csv module, straight from the
# USGS release files in datasets/).
. "$CN_SRC/tests/cli/lib.sh"
D="$CN_SRC/tests/data/reserves_nir.json"

# lithium 2023: reserves CHL 50, AUS 30, ARG 10, other 10 of a printed world total 100 (2022's AUS 999 is an
# older year): shares .5 .3 .1, HHI .25 + .09 + .01 = .35, other .1
run concentration --layer reserves --data "$D" --format json
expect_rc 0
li='[r for r in d["minerals"] if r["mineral"]=="lithium"][0]'
check "lithium HHI .35" near "$(json_get "$li[\"hhi\"]")" 0.35
check "lithium top CHL" [ "$(json_get "$li[\"top\"]")" = CHL ]
check "lithium top share .5" near "$(json_get "$li[\"top_share\"]")" 0.5
check "lithium other .1" near "$(json_get "$li[\"other_share\"]")" 0.1
check "lithium of the world total 100" [ "$(json_get "($li[\"shares_of\"], $li[\"world_reserves\"], $li[\"year\"])")" = "('world total', 100, 2023)" ]
# cobalt: no world total; CHN 30, AUS 10 of the listed 40 (USA produces, reserves unknown): .75, .25, HHI .625
co='[r for r in d["minerals"] if r["mineral"]=="cobalt"][0]'
check "cobalt HHI .625" near "$(json_get "$co[\"hhi\"]")" 0.625
check "cobalt top share .75 of the listed figures" [ "$(json_get "($co[\"top\"], $co[\"top_share\"], $co[\"shares_of\"], $co[\"share_unknown\"])")" = "('CHN', 0.75, 'listed figures', 1)" ]
# gallium: production, no reserves: a row that says "no data", no figure made up
ga='[r for r in d["minerals"] if r["mineral"]=="gallium"][0]'
check "gallium no data" [ "$(json_get "($ga[\"status\"], $ga[\"hhi\"], $ga[\"top\"])")" = "('no data', None, None)" ]
run concentration --layer reserves --data "$D"
expect_out "^lithium +2023 +3 +CHL +50% +90% +0\.3500"
expect_out "^cobalt +2023 +2/3 +CHN +75%"
expect_out "^gallium .*no data"
run concentration --layer reserves --data "$D" --format csv
expect_out "^gallium,,0,0,,,,,,,,,,,,no data"
run concentration --layer reserves --data "$D" --mineral gallium
expect_err "no reserves figures for gallium"
run concentration --layer reserves --data "$D" --year 1999
expect_err "no figures for 1999: the data has years 2022 to 2023"
run concentration --layer nonsense --data "$D"
expect_rc 64
expect_err "expected production, imports or reserves"

# deps --years: lithium >50 (2020), E (2021), 40 (2022e); cobalt .7 in 2022 only
run deps --years --data "$D" --list all
expect_rc 0
expect_out "^MINERAL +2020 +2021 +2022e$"
expect_out "^cobalt +no data +no data +70%$"
expect_out "^lithium +>50% +E +40%$"
run deps --years 2019-2022 --data "$D" --format csv
expect_out "^lithium,2020,,0\.5000,1\.0000,>,>50,0,0,,,"
expect_out "^lithium,2021,,,,,E,1,0,,,"
expect_out "^lithium,2019,,,,,,0,0,no data,,"
run deps --years=2021 --data "$D" --format json
check "one year asked, one year given" [ "$(json_get 'd["years"]')" = "[2021]" ]
check "2021: E, no number" [ "$(json_get '[(p["text"], p["net_exporter"], p["nir"]) for m in d["minerals"] for p in m["nir"] if m["mineral"]=="lithium"]')" = "[('E', True, None)]" ]
run deps --years 2025-2021 --data "$D"
expect_rc 64
expect_err "the first year is after the last"
run deps --years=20x1 --data "$D"
expect_rc 64
expect_err "expected a year or FROM-TO"
run deps --years --supplier CHN --data "$D"
expect_rc 64
# no figure in the years asked: the note says so (exit 0); a consumer without relies edges: no rows, a note
run deps --years 1990-1991 --data "$D" --list all
expect_rc 0
expect_err "no net import reliance figures for USA in those years"
run deps --years --consumer CHN --data "$D" --list all --format csv
expect_err "no net import reliance figures for CHN"
check "no rows" [ "$(printf '%s\n' "$OUT" | wc -l)" -eq 1 ]

# the built-in datasets against the release files
run concentration --layer reserves --dataset us-mcs2026 --format json -o "$T_TMP/r26.json"
expect_rc 0
run concentration --layer reserves --dataset us-mcs2024 --format json -o "$T_TMP/r24.json"
expect_rc 0
run deps --years --dataset us-mcs2026 --list all --format json -o "$T_TMP/y26.json"
expect_rc 0
check "oracle (csv module) agrees" /usr/bin/python3 "$CN_SRC/tests/oracles/reserves_nir.py" "$CN_SRC" "$T_TMP/r26.json" \
  "$T_TMP/r24.json" "$T_TMP/y26.json"
finish
