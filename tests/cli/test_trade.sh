# Trade tables (BACI, UN Comtrade, plain CSV) as --data, `critnet import` and the energy-chain-2018-2020 dataset
# (the malformed-row corpus tests/bad/trade is driven by test_bad_inputs.sh). Real-data figures come from
# tests/oracles/trade_oracle.py (python csv module, independent of critnet); fixture figures are worked out by
# hand in the comments.
. "$CN_SRC/tests/cli/lib.sh"
D=$CN_SRC/tests/data/trade
CODES=$CN_SRC/datasets/baci/country_codes_V202201.csv
oracle() { /usr/bin/python3 "$CN_SRC/tests/oracles/trade_oracle.py" "$@"; }
ora() { /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1" <<<"$ORA"; }

# --- real BACI rows (HS 850650, 2019), detected from the header t,i,j,k,v,q ---
ORA=$(oracle baci "$D/baci_hs12_850650_2019.csv" "$CODES" DEU)
run deps --data "$D/baci_hs12_850650_2019.csv" --consumer DEU --format json
expect_rc 0
row='d["minerals"][0]'
check "BACI: lithium:product" [ "$(json_get "$row[\"mineral\"]")" = lithium:product ]
check "BACI: top supplier" [ "$(json_get "$row[\"top_supplier\"]")" = "$(ora 'd["top"]')" ]
check "BACI: top share" near "$(json_get "$row[\"top_share\"]")" "$(ora 'd["top_share"]')" 1e-9
check "BACI: HHI" near "$(json_get "$row[\"hhi\"]")" "$(ora 'd["hhi"]')" 1e-9
check "BACI: sources" [ "$(json_get "$row[\"sources\"]")" = "$(ora 'd["n"]')" ]
check "BACI: basis is value" [ "$(json_get "$row[\"basis\"]")" = "imports by value" ]
# import: world exports as the production layer
run import --from baci "$D/baci_hs12_850650_2019.csv" -o -
expect_rc 0
check "import: CHN share of world exports" near \
  "$(json_get '[e["share"] for e in d["edges"] if e["kind"]=="produces" and e["country"]=="CHN"][0]')" \
  "$(ora 'd["export_shares"]["CHN"]')" 1e-9
check "import: world exports (thousand USD)" near \
  "$(json_get '[e["value"] for e in d["edges"] if e["country"]=="*world*"][0]')" "$(ora 'd["world"]')" 1e-6
check "import: DEU imports sum to the oracle total" near \
  "$(json_get 'sum(e["value"] for e in d["edges"] if e["kind"]=="supplies" and e["consumer"]=="DEU")')" \
  "$(ora 'd["total"]')" 1e-6
check "import: produce shares sum to 1" near \
  "$(json_get 'sum(e["share"] for e in d["edges"] if e["kind"]=="produces" and "share" in e)')" 1 1e-9

# --- the built-in energy-chain dataset (BACI quantities 2018-2020, names -> ISO3) ---
run deps --dataset energy-chain-2018-2020 --consumer DEU --format json
expect_rc 0
ORA=$(oracle names "$CN_SRC/datasets/baci/all_2018_2020_data.csv" "$CODES" DEU 260500)
row='[m for m in d["minerals"] if m["mineral"]=="cobalt:ore"][0]'
check "energy chain: cobalt ore top" [ "$(json_get "$row[\"top_supplier\"]")" = "$(ora 'd["top"]')" ]
check "energy chain: cobalt ore top share" near "$(json_get "$row[\"top_share\"]")" "$(ora 'd["top_share"]')" 1e-9
check "energy chain: cobalt ore HHI" near "$(json_get "$row[\"hhi\"]")" "$(ora 'd["hhi"]')" 1e-9
check "energy chain: by quantity" [ "$(json_get "$row[\"basis\"]")" = "imports by quantity" ]
check "energy chain: period" [ "$(json_get "$row[\"period\"]")" = "2018-2020" ]
# cobalt:refined is 282200 alone: the baskets 282739 and 283329 have no published weight and are left out
# (datasets/hs_minerals.csv; tests/cli/test_hs_baskets.sh)
ORA=$(oracle names "$CN_SRC/datasets/baci/all_2018_2020_data.csv" "$CODES" DEU 282200)
row='[m for m in d["minerals"] if m["mineral"]=="cobalt:refined"][0]'
check "energy chain: refined cobalt top" [ "$(json_get "$row[\"top_supplier\"]")" = "$(ora 'd["top"]')" ]
check "energy chain: refined cobalt HHI" near "$(json_get "$row[\"hhi\"]")" "$(ora 'd["hhi"]')" 1e-9
run export --dataset energy-chain-2018-2020
check "energy chain: stages ore, intermediate, refined, product" [ \
  "$(json_get 'sorted({m.get("stage") for m in d["minerals"] if m.get("stage")})')" = \
  "['intermediate', 'ore', 'product', 'refined']" ]

# --- UN Comtrade (tests/data/trade/comtrade_small.csv), by hand ---
# DEU 2022 cobalt ore: World total 1,000,000 USD; COD 500,000 and AUS 200,000 reported by DEU; AUS's own
# export report (250,000) is ignored (importer first); ZMB 100,000 only exporter-reported -> used. RX row and
# "TOTAL" commodity left out. Shares of the World total: COD .5, AUS .2, ZMB .1, other .2; HHI .25+.04+.01=.30.
run deps --data "$D/comtrade_small.csv" --consumer DEU --format json
expect_rc 0
row='d["minerals"][0]'
check "comtrade: COD top .5" near "$(json_get "$row[\"top_share\"]")" 0.5
check "comtrade: HHI .30" near "$(json_get "$row[\"hhi\"]")" 0.30 1e-12
check "comtrade: other .2" near "$(json_get "$row[\"other_share\"]")" 0.2 1e-12
run import --from comtrade "$D/comtrade_small.csv"
e='[e for e in d["edges"] if e["kind"]=="supplies" and e["consumer"]=="DEU" and e["country"]=="AUS"][0]'
check "comtrade: netWgt 0 is missing, not 0" [ "$(json_get "$e.get(\"quantity\")")" = None ]
check "comtrade: USD -> thousand USD" near "$(json_get "$e[\"value\"]")" 200
e='[e for e in d["edges"] if e["kind"]=="supplies" and e["consumer"]=="DEU" and e["country"]=="COD"][0]'
check "comtrade: kg -> t" near "$(json_get "$e[\"quantity\"]")" 6
# world exports: COD 500+900, AUS 200, ZMB 100 (thousand USD) -> COD 1400/1700
check "comtrade: COD share of world exports" near \
  "$(json_get '[e["share"] for e in d["edges"] if e["kind"]=="produces" and e["country"]=="COD"][0]')" 0.8235294117647058
check "comtrade: latest year 2022" [ "$(json_get 'd["edges"][0]["year"]')" = 2022 ]
run deps --data "$D/comtrade_small.csv" --consumer DEU --year 2021 --format json
check "comtrade: --year 2021: COD only" near "$(json_get 'd["minerals"][0]["top_share"]')" 1

# --- plain CSV with --columns: US 2020 rare-earth metals CHN 70, EST 20, JPN 10 -> .7/.2/.1, HHI .54 ---
COLS=exporter=from,importer=to,product=hs,year=yr,value=usd,quantity=tons
run deps --data "$D/plain.csv" --from csv --columns $COLS --consumer USA --format json
expect_rc 0
check "csv: mineral from hs_minerals" [ "$(json_get 'd["minerals"][0]["mineral"]')" = rare_earths:refined ]
check "csv: HHI .54" near "$(json_get 'd["minerals"][0]["hhi"]')" 0.54 1e-12
run deps --data "$D/plain.csv" --columns $COLS --consumer USA --year 2019 --format json
check "csv: --year 2019: CHN 100%" near "$(json_get 'd["minerals"][0]["top_share"]')" 1
run deps --data "$D/plain.csv" --from csv --columns exporter=from,importer=nope --consumer USA
expect_rc 65
expect_err "plain.csv:1: no column 'nope'"
run deps --data "$D/plain.csv" --from csv --columns exporter=from,importer=to --consumer USA
expect_rc 65
expect_err "no product column"

# --- CRLF, gzip, stdin: DEU imports CHN 30.5, AFG 10 -> CHN 30.5/40.5 ---
run deps --data "$D/crlf.csv" --consumer DEU --format json
expect_rc 0
check "CRLF: CHN share" near "$(json_get 'd["minerals"][0]["top_share"]')" 0.7530864197530864 1e-12
gzip -c "$D/crlf.csv" >"$T_TMP/crlf.csv.gz"
run deps --data "$T_TMP/crlf.csv.gz" --consumer DEU --format json
check ".gz: CHN share" near "$(json_get 'd["minerals"][0]["top_share"]')" 0.7530864197530864 1e-12
OUT=$("$CRITNET" deps --data - --from baci --consumer DEU --format json <"$D/crlf.csv")
check "stdin: CHN share" near "$(json_get 'd["minerals"][0]["top_share"]')" 0.7530864197530864 1e-12

# --- --products: HS prefixes and minerals ---
run import --data x --from csv "$CN_SRC/datasets/baci/all_2018_2020_data.csv"
expect_rc 64
run import --from csv --columns exporter=sources,importer=targets,product=k,quantity=q_total --products cobalt \
  "$CN_SRC/datasets/baci/all_2018_2020_data.csv"
expect_rc 0
check "--products cobalt: cobalt stages only" [ "$(json_get 'sorted(m["id"] for m in d["minerals"])')" = \
  "['cobalt:intermediate', 'cobalt:ore', 'cobalt:refined']" ]
run import --from csv --columns exporter=sources,importer=targets,product=k,quantity=q_total --products 8418 \
  "$CN_SRC/datasets/baci/all_2018_2020_data.csv"
check "--products 8418: 8 refrigeration codes" [ "$(json_get 'len(d["minerals"])')" = 8 ]
run import --from baci --products unobtainium "$D/crlf.csv"
expect_rc 64
expect_err "unobtainium': not an HS code or a mineral"
run import --from bogus "$D/crlf.csv"
expect_rc 64
run deps --data "$D/plain.csv" --from csv --consumer USA
expect_rc 65
expect_err "CSV header has no exporter column; name it with --columns"

# --- malformed rows: the corpus tests/bad/trade (tests/bad/trade/EXPECTED) is driven by test_bad_inputs.sh ---

# deps on a trade table keeps only the consumer's rows (and sums world exports from every row): the same
# report as on the whole network written by import
run import --from baci "$CN_SRC/tests/data/trade/baci_hs12_850650_2019.csv" -o "$T_TMP/whole.json"
expect_rc 0
for k in DEU USA CHN; do
  run deps --data "$T_TMP/whole.json" --consumer $k --format csv
  whole=$OUT
  run deps --data "$CN_SRC/tests/data/trade/baci_hs12_850650_2019.csv" --consumer $k --format csv
  check "deps $k: consumer's rows only = whole network" [ "$OUT" = "$whole" ]
  run scenario --data "$T_TMP/whole.json" --consumer $k --restrict CHN:lithium:product=0.5 --format csv
  whole=$OUT
  run scenario --data "$CN_SRC/tests/data/trade/baci_hs12_850650_2019.csv" --consumer $k \
    --restrict CHN:lithium:product=0.5 --format csv
  check "scenario $k: consumer's rows only = whole network" [ "$OUT" = "$whole" ]
done

# validate reads trade tables as --data does (its messages on the malformed rows: test_bad_inputs.sh)
# the energy-chain table with its columns
run validate --columns exporter=sources,importer=targets,product=k,quantity=q_total \
  "$CN_SRC/datasets/baci/all_2018_2020_data.csv"
expect_rc 0
expect_out "all_2018_2020_data.csv: ok"
# issue 17 #11: rows whose sum overflows (1e308 + 1e308 is not finite) are refused at the row that holds the huge
# number, naming file:line:column, not later as "$.edges[1]" of the built network; a single such row too
OVF="$T_TMP/overflow.csv"
printf 't,i,j,k,v,q\n2019,156,276,850650,1e308,1\n2019,156,276,850650,1e308,1\n2019,4,276,850650,12,1\n' >"$OVF"
run import --from baci "$OVF" -o "$T_TMP/overflow.json"
expect_rc 65
expect_one_line_err
expect_err "overflow.csv:2:21: value '1e308': expected a number >= 0 and at most 1e\+280"
printf 'exporter,importer,product,year,value,quantity\nCHN,USA,810520,2022,5,1\nCOD,USA,810520,2022,7,1e281\n' >"$OVF"
run import --from csv --columns exporter=exporter,importer=importer,product=product,year=year,value=value,quantity=quantity "$OVF"
expect_rc 65
expect_one_line_err
expect_err "overflow.csv:3:[0-9]+: quantity '1e281': expected a number >= 0 and at most 1e\+280"
finish
