# critnet import --from usgs-chapters and the built-in us-mcs2026 dataset: the importer on the reference MCS 2026
# chapter tables (datasets/usgs-mcs2026/) against tests/oracles/mcs2026.py (pandas, straight from the CSVs and
# datasets/forms.csv), each handled fault reported, and broken folders refused with one line.
. "$CN_SRC/tests/cli/lib.sh"
D="$CN_SRC/datasets/usgs-mcs2026"

run import --from usgs-chapters "$D" -o "$T_TMP/us.json" --quiet
expect_rc 0
check "--quiet hides warnings" [ -z "$ERR" ]
run export --dataset us-mcs2026 -o "$T_TMP/builtin.json"
expect_rc 0
check "import == built-in us-mcs2026" cmp -s "$T_TMP/us.json" "$T_TMP/builtin.json"
run validate "$T_TMP/us.json"
expect_rc 0
check "oracle (pandas) agrees" /usr/bin/python3 "$CN_SRC/tests/oracles/mcs2026.py" "$D" "$CN_SRC/datasets/forms.csv" \
  "$T_TMP/us.json"

# every fault of ARTEFACTS.md handled on purpose is said, with its file (and line where there is one)
run import --from usgs-chapters "$D" -o "$T_TMP/us2.json"
expect_rc 0
expect_err "import_sources.csv: indium, \(one list\): import shares sum to 78%: the missing 22% stays unknown"
expect_err "import_sources.csv:327: 'Chile and Turkey' 5% is one entry for two countries: not assigned"
expect_err "manganese, Manganese ore: import shares sum to 101% \(rounding\)"
expect_err "world_production.csv:2: abrasives: the world table holds production capacity"
expect_err "copper: the world table's production columns are refinery output"
expect_err "bismuth: no year columns; read as 2024 and 2025e"
expect_err "molybdenum: world reserves not kept"
expect_err "zirconium-and-hafnium: world production without a unit"
expect_err "tin: the units note names no unit"
expect_err "cesium: the record holds no tables: no figures"
check "no mineral left without a headline" bash -c "! grep -q 'no headline' <<<\"\$0\"" "$ERR"

# the dataset as commands see it: shares known (deps), indium's missing 22% not spread
run deps --dataset us-mcs2026 --format json
expect_rc 0
check "scandium top source JPN 89%" near "$(json_get '[r for r in d["minerals"] if r["mineral"]=="scandium"][0]["top_share"]')" 0.89
run export --dataset us-mcs2026
check "indium: named shares sum to .48 + other .30" near "$(json_get 'sum(e["share"] for e in d["edges"] if e["kind"]=="supplies" and e["mineral"]=="indium")')" 0.78

# broken folders: one line naming file:line, exit 65 (66 when missing). broken FILE SED-EXPR EXPECTED-STDERR
mk() { rm -rf "$T_TMP/bad"; cp -r "$D" "$T_TMP/bad"; }
broken() {
  mk; sed -i "$2" "$T_TMP/bad/$1"
  run import --from usgs-chapters "$T_TMP/bad" -q
  expect_rc 65
  expect_one_line_err
  expect_err "$3"
}
broken import_sources.csv '2s/,92,/,x92,/' "import_sources.csv:2: share_pct 'x92'; expected a percentage 0-100"
broken import_sources.csv '1s/share_pct/pct/' "import_sources.csv:1: no column 'share_pct'"
broken import_sources.csv '2s/^abrasives,/abrasive,/' "import_sources.csv:2: chapter 'abrasive' is not in commodities.csv"
# an unknown supplier name is kept as an unmapped supplier with one warning; --strict makes it an error
mk; sed -i '2s/,China,/,Atlantis,/' "$T_TMP/bad/import_sources.csv"
run import --from usgs-chapters "$T_TMP/bad" -o "$T_TMP/atlantis.json"
expect_rc 0
expect_err "1 supplier name is not a country or a known region, kept as unmapped suppliers \\('code-NAME'\\): 'Atlantis'"
check "Atlantis kept as code-Atlantis" grep -q '"code-Atlantis"' "$T_TMP/atlantis.json"
run import --strict --from usgs-chapters "$T_TMP/bad" -q
expect_rc 65
expect_one_line_err
expect_err "import_sources.csv:2: unknown country 'Atlantis'"
broken nir.csv '2s/,>95,/,>195,/' "nir.csv:2: net import reliance '>195'"
broken world_production.csv '2s/,2024,60000,/,1024,60000,/' "world_production.csv:2: year 1024"
mk; printf 'zirconium-and-hafnium,99,Canada,,2024,,2025,,,,abc,1,,,,,\n' >>"$T_TMP/bad/world_production.csv"
run import --from usgs-chapters "$T_TMP/bad" -o "$T_TMP/bad.json"
expect_rc 0
expect_err "world_production.csv:505: zirconium-and-hafnium, Canada 2024: 'abc' is not a figure: production unknown"
mk; rm "$T_TMP/bad/nir.csv"
run import --from usgs-chapters "$T_TMP/bad" -q
expect_rc 66
expect_one_line_err
run import --from usgs-chapters "$D/SOURCE.md"
expect_rc 66
expect_err "not a folder"
run import --help
expect_out "usgs-chapters"
finish
