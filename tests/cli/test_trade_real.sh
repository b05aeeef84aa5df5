# Trade tables as they are published (issue 12): regions, historical and unknown codes kept, --strict, UN Comtrade
# API and bulk rows (per-cell ISO/M49, breakdown rows, World totals), Atlas and OEC-style tables, zero-value
# rows, 4-digit HS codes, and `critnet import`'s accounting. Files: tests/data/real/trade (SOURCE.md). Figures of
# the hand-made files are worked out by hand in the comments; real rows are checked against
# tests/oracles/trade_real_oracle.py and tests/oracles/trade_oracle.py (python csv module, independent of critnet).
. "$CN_SRC/tests/cli/lib.sh"
D=$CN_SRC/tests/data/real/trade
ORACLE=$CN_SRC/tests/oracles/trade_real_oracle.py
edge() { json_get "[e['$1'] for e in d['edges'] if $2][0]"; }

# --- an unknown BACI code: kept as a supplier, one warning; --strict: an error at the row ---
run deps --data "$D/unknown_code.csv" --from baci --consumer DEU --format json
expect_rc 0
expect_one_line_err "^critnet: warning: unknown_code.csv: kept 1 supplier code that is no country.*'999' \(unmapped\)"
# DEU imports 30.5 from CHN and 1 from code 999: CHN 30.5/31.5
check "unknown code: CHN share 30.5/31.5" near "$(json_get 'd["minerals"][0]["top_share"]')" 0.968253968253968 1e-12
check "unknown code: two sources" [ "$(json_get 'd["minerals"][0]["sources"]')" = 2 ]
run deps --data "$D/unknown_code.csv" --from baci --consumer DEU --strict
expect_rc 65
expect_one_line_err "^critnet: unknown_code.csv:3:6: '999' is no country"

# --- UN Comtrade API rows (hand-made, format-exact; cobalt ores 260500, 2022) ---
F=$D/comtrade_api_cobalt_2022.csv
run import --from comtrade "$F" -o "$T_TMP/api.json"
expect_rc 0
# 15 rows: 4 breakdown rows: COD -> USA by motCode 1000 and 2000 beside its total row (dropped); CAN -> USA has
# no total row, only customsCode C01 and partner2Code 276 rows: the first dimension's row (C01, 20) is used, the
# other dropped. Also dropped: 1 re-import, 1 zero row, 1 exporter's World total. Used 9: USA, CHN, JPN World
# totals; COD, ZMB, Areas nes, CAN (C01) -> USA; DEU X; COD -> CHN
expect_err "comtrade_api_cobalt_2022.csv: 15 rows read, 9 used, 6 dropped, 0 malformed skipped"
expect_err "dropped 3: breakdown rows"
expect_err "dropped 1: zero value and quantity"
expect_err "dropped 1: re-exports, re-imports"
expect_err "kept 1 supplier code that is no country: region-areas-nes"
OUT=$(cat "$T_TMP/api.json")
# USA: World total 1200 (thousand USD); named COD 600 (total row, not its sea/air rows), ZMB 300 (ISO cells empty:
# M49 894), Areas nes 100, DEU 40 (only DEU reported it), CAN 20 (customs breakdown, no total row) = 1060;
# other 140
sup() { edge share "e['kind']=='supplies' and e['consumer']=='$1' and e['country']=='$2'"; }
check "API: USA from COD 600/1200" near "$(sup USA COD)" 0.5 1e-12
check "API: USA from ZMB (M49 894, empty ISO) 300/1200" near "$(sup USA ZMB)" 0.25 1e-12
check "API: USA from Areas nes 100/1200" near "$(sup USA region-areas-nes)" 0.0833333333333333 1e-12
check "API: USA from DEU (exporter-reported) 40/1200" near "$(sup USA DEU)" 0.0333333333333333 1e-12
check "API: USA from CAN (C01 only, not also its partner2 row) 20/1200" near "$(sup USA CAN)" 0.0166666666666667 1e-12
check "API: USA other 140/1200" near "$(sup USA '*other*')" 0.116666666666667 1e-12
check "API: no MEX (zero row)" [ "$(json_get "len([e for e in d['edges'] if e['country'] == 'MEX'])")" = 0 ]
# JPN: a World total of 250 and no named partner: one "other" supplier with share 1
check "API: JPN other share 1" near "$(sup JPN '*other*')" 1 0
check "API: JPN other value 250" near "$(edge value "e.get('consumer')=='JPN'")" 250 1e-9
# world exports: COD 600 + 5000, ZMB 300, Areas nes 100, DEU 40, CAN 20 = 6060
check "API: COD share of world exports 5600/6060" near \
  "$(edge share "e['kind']=='produces' and e['country']=='COD'")" 0.924092409240924 1e-12
run deps --data "$F" --consumer JPN --format json
expect_rc 0
check "API: deps JPN other 1" near "$(json_get 'd["minerals"][0]["other_share"]')" 1 0
run deps --data "$F" --consumer USA --strict
expect_rc 65
expect_one_line_err "^critnet: comtrade_api_cobalt_2022.csv:7:[0-9]+: '_X' is no country"

# --- UN Comtrade legacy bulk rows (hand-made, format-exact; DEU imports of 750110 in 1990) ---
run import --from comtrade "$D/comtrade_bulk_nickel_1990.csv" -o "$T_TMP/bulk.json"
expect_rc 0
expect_err "dropped 1: zero value and quantity"
expect_err "kept 2 historical countries"
expect_err "kept 2 supplier codes that are no country: region-areas-nes .*'999' \(unmapped\)"
OUT=$(cat "$T_TMP/bulk.json")
# World 1000; USSR 400 (M49 810, ISO empty), CAN 300, Yugoslavia 100, Areas nes 50, code 999 30; other 120
check "bulk: DEU from USSR 0.4" near "$(sup DEU SUN)" 0.4 1e-12
check "bulk: DEU from Yugoslavia 0.1" near "$(sup DEU YUG)" 0.1 1e-12
check "bulk: DEU from Areas nes 0.05" near "$(sup DEU region-areas-nes)" 0.05 1e-12
check "bulk: DEU from unknown 999 0.03" near "$(sup DEU code-999)" 0.03 1e-12
check "bulk: DEU other 0.12" near "$(sup DEU '*other*')" 0.12 1e-12
check "bulk: USSR named" [ "$(json_get "[c['name'] for c in d['countries'] if c['id']=='SUN'][0]")" = USSR ]
check "bulk: no Czechoslovakia (zero row)" [ "$(json_get "len([c for c in d['countries'] if c['id']=='CSK'])")" = 0 ]

# --- real UN Comtrade API rows (battery-chain, nickel ores): every share against the oracle ---
for y in 2020 2000; do
  run import --from comtrade "$D/comtrade_nickel_excerpt.csv" --year $y -o "$T_TMP/nickel$y.json"
  expect_rc 0
  check "real Comtrade $y: every share as the oracle computes it" \
    /usr/bin/python3 "$ORACLE" comtrade "$D/comtrade_nickel_excerpt.csv" $y "$T_TMP/nickel$y.json"
done
expect_err "kept 1 supplier code that is no country: region-areas-nes"

# --- real BACI rows by ISO3 (battery-chain, HS17 2024, lithium carbonate; Taiwan as S19) ---
run import --from csv --columns exporter=i,importer=j,product=cmd,value=value "$D/baci_hs17_2024_283691.csv" \
  -o "$T_TMP/li.json"
expect_rc 0
check "BACI by ISO3: every share as the oracle computes it" \
  /usr/bin/python3 "$ORACLE" iso "$D/baci_hs17_2024_283691.csv" i j cmd value "$T_TMP/li.json"

# --- real BACI rows, numeric codes (energy-chain, HS12 850650, 2018, DEU's imports) ---
ORA=$(/usr/bin/python3 "$CN_SRC/tests/oracles/trade_oracle.py" baci "$D/baci_hs12_850650_2018_deu.csv" \
  "$CN_SRC/datasets/baci/country_codes_V202201.csv" DEU)
run deps --data "$D/baci_hs12_850650_2018_deu.csv" --consumer DEU --format json
expect_rc 0
check "BACI 2018: DEU top share" near "$(json_get 'd["minerals"][0]["top_share"]')" \
  "$(/usr/bin/python3 -c 'import json,sys; print(json.loads(sys.argv[1])["top_share"])' "$ORA")" 1e-9

# --- Atlas of Economic Complexity bilateral rows (hand-made, format-exact; 4-digit HS, ANS) ---
run import --from csv "$D/atlas_cobalt_2019.csv" -o "$T_TMP/atlas.json"
expect_rc 0
expect_err "dropped 2: zero value and quantity"
# the mapping stated, with the HS 1992 name (../shared/data/hs/harmonized-system.csv: 2605, 8105)
expect_err "product 2605 -> cobalt:ore through 260500 \(Cobalt ores and concentrates\)"
expect_err "product 8105 -> hs:8105 \(Cobalt; mattes and other intermediate products"
OUT=$(cat "$T_TMP/atlas.json")
# HS 2605 -> cobalt:ore through 260500. CHN: COD 2000, ZMB 150, ANS 50 (millions USD) = 2200
check "Atlas: 2605 is cobalt:ore" [ "$(json_get "len([m for m in d['minerals'] if m['id']=='cobalt:ore'])")" = 1 ]
check "Atlas: CHN from COD 2000/2200" near "$(sup CHN COD)" 0.909090909090909 1e-12
check "Atlas: CHN from ANS 50/2200" near "$(sup CHN region-areas-nes)" 0.0227272727272727 1e-12
# world exports of 2605: COD 2000 + 100 + 10, ZMB 150, ANS 50 = 2310
check "Atlas: COD share of world exports 2110/2310" near \
  "$(edge share "e['kind']=='produces' and e['country']=='COD' and e['mineral']=='cobalt:ore'")" \
  0.913419913419913 1e-12
check "Atlas: 8105 (cobalt of two stages) stays hs:8105" \
  [ "$(json_get "len([m for m in d['minerals'] if m['id']=='hs:8105'])")" = 1 ]
run import --from csv --products cobalt "$D/atlas_cobalt_2019.csv" -o -
expect_rc 0
check "Atlas --products cobalt: the 4-digit 2605 rows stay, 2604 and 8105 go" \
  [ "$(json_get "sorted(m['id'] for m in d['minerals'])")" = "['cobalt:ore']" ]

# --- OEC-style exporter-only rows (hand-made; historical codes, OEC ids) ---
F=$D/oec_nickel_exporters_1990.csv
run concentration --data "$F" --layer production --format json
expect_rc 0
# world exports 1000: USSR 500, CAN 300, YUG 100, ANT 50, AUS 50; the eudeu and csk rows export nothing
check "OEC: top exporter USSR" [ "$(json_get 'd["minerals"][0]["top"]')" = SUN ]
check "OEC: HHI .25+.09+.01+.0025+.0025" near "$(json_get 'd["minerals"][0]["hhi"]')" 0.355 1e-12
run import --from csv "$F" -o /dev/null
expect_rc 0
expect_err "exporter-only table"
expect_err "kept 3 historical countries"
run deps --data "$F" --consumer DEU
expect_rc 65
expect_one_line_err "^critnet: oec_nickel_exporters_1990.csv:1: an exporter-only table"

# --- honest small figures: most of USA's imports are "other" (World 1,000,000; COD 100 -> share 1e-4) ---
printf 'exporter,importer,product,year,value\nWorld,USA,260500,2022,1000000\nCOD,USA,260500,2022,100\n' \
  >"$T_TMP/dominated.csv"
run concentration --data "$T_TMP/dominated.csv" --layer imports --consumer USA --format json
expect_rc 0
check "residual .9999: effective number unknown, not 1/1e-8" [ "$(json_get 'd["minerals"][0]["effective"]')" = None ]
run concentration --data "$T_TMP/dominated.csv" --layer imports --consumer USA
# the bound: 1/hhi_max = 1/(1e-8 + .9999 * 1e-4) = 1/1e-4
expect_out "cobalt:ore .* >=10000\.00 "

finish
