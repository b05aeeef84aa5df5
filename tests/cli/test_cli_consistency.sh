#!/bin/bash
# tests/cli/test_cli_consistency.sh: one command line (issue 16): countries by name or code in any case,
# minerals in any case, "did you mean", -o's extension picks the format, --format everywhere, empty results
# say why, and `critnet minerals` / `critnet countries` against counts computed from the exported JSON.
. "$(dirname "$0")/lib.sh"

# countries: names, aliases and codes in any case give the same answer as the ISO3 code
run deps --consumer USA --format json; want=$OUT
for spelling in usa "United States" "united states of america" US; do
  run deps --consumer "$spelling" --format json
  expect_rc 0
  check "deps --consumer '$spelling' = USA" test "$OUT" = "$want"
done
run deps --consumer "china"
expect_rc 0
expect_out '^Import dependencies of CHN '
expect_err "--consumer 'china' is CHN \\(China\\)"
run profile "congo (kinshasa)" --format json
expect_rc 0
check "profile: Congo (Kinshasa) is COD" test "$(json_get 'd["country"]')" = COD
run chokepoints --consumer "Korea, Republic of" --format json
expect_rc 0
run deps --consumer Germny
expect_rc 64
expect_one_line_err
expect_err "did you mean 'DEU' \\(Germany\\)"
run deps --consumer Narnia
expect_rc 64
expect_err "not a country of this network \\('critnet countries' lists them\\)"
run deps --consumer Iceland --dataset us-mcs2020  # a real country this network does not hold
expect_rc 64
expect_err "consumer 'ISL' is not a country of this network"

# minerals: any case, names, stages; suggestions
run concentration --mineral COBALT --format json
expect_rc 0
check "--mineral COBALT finds cobalt" test "$(json_get 'd["minerals"][0]["mineral"]')" = cobalt
run concentration --mineral "Aluminum (bauxite)" --dataset us-mcs2024 --format json
expect_rc 0
check "--mineral by name" test "$(json_get 'sorted(r["mineral"] for r in d["minerals"])')" = "['aluminum:bauxite']"
run concentration --mineral coblt
expect_rc 64
expect_one_line_err
expect_err "did you mean 'cobalt' \\(Cobalt\\)\\?"
run concentration --dataset energy-chain-2018-2020 --mineral Cobalt --format json
expect_rc 0
check "a base id selects every stage" test "$(json_get 'sorted(r["mineral"] for r in d["minerals"])')" = \
  "['cobalt:intermediate', 'cobalt:ore', 'cobalt:refined']"

# -o FILE picks the format from its extension; pictures are refused by table commands
run deps -o "$T_TMP/d.json"
expect_rc 0
check "deps -o x.json writes JSON" /usr/bin/python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$T_TMP/d.json"
run concentration -o "$T_TMP/c.csv"
expect_rc 0
check "concentration -o x.csv writes CSV" grep -q '^mineral,year,' "$T_TMP/c.csv"
run chokepoints -o "$T_TMP/c.md"
expect_rc 0
check "chokepoints -o x.md writes Markdown" grep -q '^| ' "$T_TMP/c.md"
run deps -o "$T_TMP/d.json" --format csv  # --format wins
check "--format beats the extension" grep -q '^mineral,' "$T_TMP/d.json"
run deps -o "$T_TMP/d.svg"
expect_rc 64
expect_one_line_err
check "no file left behind" test ! -e "$T_TMP/d.svg"

# --format on export and validate
run export --format json
expect_rc 0
run export --format csv
expect_rc 64
run validate --format json "$CN_SRC/datasets/us-mcs2020.json" "$CN_SRC/tests/bad/json/blank.json"
expect_rc 65
check "validate --format json: one object per file" test "$(json_get '[f["ok"] for f in d]')" = "[True, False]"
check "validate --format json: counts" test "$(json_get 'd[0]["minerals"]')" = \
  "$(/usr/bin/python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["minerals"]))' "$CN_SRC/datasets/us-mcs2020.json")"

# shares: fractions in JSON and CSV, percentages in tables (gallium: CHN 98.36% of world production, USGS MCS 2024)
run concentration --mineral gallium --dataset us-mcs2024 --format json
check "JSON share is a fraction" near "$(json_get 'd["minerals"][0]["top_share"]')" 0.9836 0.0001
run concentration --mineral gallium --dataset us-mcs2024
expect_out 'gallium .* CHN +98\.4% '

# empty results say why, exit 0
run deps --consumer CHN
expect_rc 0
expect_err "no import figures for CHN in this dataset \\(consumers with import figures: USA\\)"
run concentration --year 1999
expect_rc 0
expect_err "no figures for 1999: the data has years"

# minerals and countries: counts from the exported network (an independent reading with python3)
run export
printf '%s\n' "$OUT" >"$T_TMP/net.json"
run minerals --format json
expect_rc 0
check "minerals lists every mineral" test "$(json_get 'len(d["minerals"])')" = \
  "$(/usr/bin/python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["minerals"]))' "$T_TMP/net.json")"
# distinct producers of gallium and distinct minerals CHN supplies, counted from the edges
py_count() {
  /usr/bin/python3 - "$T_TMP/net.json" "$@" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); what, key = sys.argv[2], sys.argv[3]
e = d["edges"]
if what == "producers":
    print(len({x["country"] for x in e if x["kind"] == "produces" and x["mineral"] == key and x.get("country") not in (None, "other", "world")
               and any(c["id"] == x["country"] for c in d["countries"])}))
elif what == "supplies":
    print(len({x["mineral"] for x in e if x["kind"] == "supplies" and x.get("country") == key}))
elif what == "list2022":
    print(sum(1 for m in d["minerals"] if "2022" in m.get("lists", [])))
PY
}
check "gallium producers" test "$(json_get '[m["producers"] for m in d["minerals"] if m["id"]=="gallium"][0]')" = "$(py_count producers gallium)"
run minerals --list 2022 --format csv
check "minerals --list 2022" test "$(($(printf '%s\n' "$OUT" | wc -l) - 1))" = "$(py_count list2022 x)"
run countries --format json
expect_rc 0
check "CHN supplies" test "$(json_get '[c["supplies"] for c in d["countries"] if c["id"]=="CHN"][0]')" = "$(py_count supplies CHN)"
check "countries are named" test "$(json_get '[c["name"] for c in d["countries"] if c["id"]=="KOR"][0]')" = "South Korea"

finish
