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

# world reserves printed as a bound (tests/data/reserves_bounds.json): niobium's world is ">100": at least 100 and
# at least the listed 60 + 20 + 5 = 85, so shares of 100 are upper bounds: BRA <= .6, CAN <= .2, USA <= .05
# (USA has reserves and no production figure: kept), HHI <= .36 + .04 + .0025 = .4025, EFF.N >= 1/.4025 = 2.48.
# nickel's world is ">50" but the listed figures sum to at least 40 + 20 + 10 = 70 (other ">10"): shares of 70,
# IDN <= 4/7, AUS <= 2/7, HHI <= 20/49; the share of "other" (a bound over a bound) is unknown
B="$CN_SRC/tests/data/reserves_bounds.json"
run concentration --layer reserves --data "$B" --format json
expect_rc 0
nb='[r for r in d["minerals"] if r["mineral"]=="niobium"][0]'
ni='[r for r in d["minerals"] if r["mineral"]=="nickel"][0]'
check "niobium: world at least 100, shares upper bounds" [ "$(json_get "($nb[\"world_reserves\"], $nb[\"world_reserves_at_least\"], $nb[\"shares_are_upper_bounds\"], $nb[\"shares_of\"])")" = "(100, True, True, 'world total')" ]
check "niobium: BRA <= .6" [ "$(json_get "($nb[\"top\"], $nb[\"top_share\"], $nb[\"listed\"], $nb[\"share_unknown\"])")" = "('BRA', 0.6, 3, 0)" ]
check "niobium: HHI <= .4025" near "$(json_get "$nb[\"hhi\"]")" 0.4025
check "nickel: shares of the listed 70 (above the bound 50)" near "$(json_get "$ni[\"top_share\"]")" "$(python3 -c 'print(4/7)')"
check "nickel: HHI <= 20/49" near "$(json_get "$ni[\"hhi\"]")" "$(python3 -c 'print(20/49)')"
check "nickel: other (a bound) unknown" [ "$(json_get "($ni[\"other_share\"], $ni[\"shares_are_upper_bounds\"])")" = "(None, True)" ]
run concentration --layer reserves --data "$B"
expect_out "^niobium +2025 +3 +BRA +<=60% +<=85% +<=0\.4025 +>=2\.48 +- +>100 +t +world total"
expect_out "^nickel +2025 +2 +IDN +<=57\.1% "
expect_out "shares upper bounds \(<=\)"
run concentration --layer reserves --data "$B" --format csv
expect_out "^mineral,.*,world_reserves_at_least,shares_are_upper_bounds"
expect_out "^niobium,2025,3,0,BRA,0\.6000,.*,world total,,1,1"
run profile BRA --data "$B" --format json
check "profile BRA: niobium 60, <= .6 of the world" [ "$(json_get '[(r["reserves"], r["reserves_share"], r["reserves_share_upper_bound"], r["reserves_at_least"]) for r in d["production"] if r["mineral"]=="niobium"]')" = "[(60, 0.6, True, False)]" ]
run profile BRA --data "$B"
expect_out "^niobium +2025 +90 +t .* 60 +<=60%"
expect_out "^<=: a share of world reserves printed as a lower bound"
run profile USA --data "$B"
expect_out "^niobium +2025 +unknown +t +unknown +5 +<=5%"
# a bound without a figure is no bound: one line naming the JSON path, exit 65
sed 's/"quantity": 100, "reserves": 100, "reserves_at_least"/"quantity": 100, "reserves_at_least"/' "$B" >"$T_TMP/nobound.json"
run validate "$T_TMP/nobound.json"
expect_rc 65
expect_err 'edges\[3\]\.reserves_at_least: a lower bound of reserves needs a produces edge with "reserves"'

# the importer keeps a printed bound (">X" in the cell, or in Reserves_notes when the cell says NA, as MCS 2024
# niobium prints it) and the reserves of a country without a production figure (empty cell)
mkdir -p "$T_TMP/rel/world"
printf '%s\n' 'Source,Country,Type,Prod_t_2022,Prod_t_est_2023,Prod_notes,Reserves_t,Reserves_notes' \
  'MCS2024,United States,"Mine production, niobium content",,,,"210,000",' \
  'MCS2024,Brazil,"Mine production, niobium content","75,600","75,000",,"16,000,000",' \
  'MCS2024,Other countries,"Mine production, niobium content",100,100,,">1,000",' \
  'MCS2024,World total (rounded),"Mine production, niobium content","83,700","83,000",,NA,">17,000,000. In addition"' \
  >"$T_TMP/rel/world/mcs2024-niobi_world.csv"
run import --from usgs-mcs "$T_TMP/rel" -o "$T_TMP/rel.json" --quiet
expect_rc 0
OUT=$(cat "$T_TMP/rel.json")
check "import: USA reserves kept, production unknown" [ "$(json_get '[(e.get("quantity"), e["reserves"]) for e in d["edges"] if e["country"]=="USA" and "reserves" in e]')" = "[(None, 210000)]" ]
check "import: world >17,000,000 from the note" [ "$(json_get '[(e["reserves"], e.get("reserves_at_least")) for e in d["edges"] if e["country"]=="*world*" and "reserves" in e]')" = "[(17000000, True)]" ]
check "import: other >1,000 a bound" [ "$(json_get '[(e["reserves"], e.get("reserves_at_least")) for e in d["edges"] if e["country"]=="*other*" and "reserves" in e]')" = "[(1000, True)]" ]
check "import: USA 2022 without a figure: no edge" [ "$(json_get 'len([e for e in d["edges"] if e["country"]=="USA" and e["year"]==2022])')" = 0 ]

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
run deps --years --dataset us-mcs2024 --list all --format json -o "$T_TMP/y24.json"
expect_rc 0
check "oracle (csv module) agrees" /usr/bin/python3 "$CN_SRC/tests/oracles/reserves_nir.py" "$CN_SRC" "$T_TMP/r26.json" \
  "$T_TMP/r24.json" "$T_TMP/y26.json" "$T_TMP/y24.json"
# where the series comes from, said under the table; the one-year rows named
run deps --years --dataset us-mcs2024 --list all
expect_out "^Series: each row is one series"
expect_out "^One year only in their series .*cesium.*cobalt"
check "antimony 2019-2023 from its salient table" grep -Eq "^antimony +84% +84% +86% +84% +82%$" <<<"$OUT"
check "zinc: refined (NIR_Refined_pct), not ores (E)" grep -Eq "^zinc +88% +79% +76% +77% +77%$" <<<"$OUT"
finish
