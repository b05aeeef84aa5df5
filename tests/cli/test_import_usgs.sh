# critnet import --from usgs-mcs: the real 2024 release (the corpus of broken releases, tests/bad/usgs/, is
# driven by test_bad_inputs.sh).
. "$CN_SRC/tests/cli/lib.sh"

run import --from usgs-mcs "$CN_SRC/datasets/usgs-mcs2024" -o "$T_TMP/us.json" --quiet
expect_rc 0
check "no stdout with -o" [ -z "$OUT" ]
check "--quiet hides warnings" [ -z "$ERR" ]
# the built-in dataset is the same importer's output on the same folder
run export --dataset us-mcs2024 -o "$T_TMP/builtin.json"
check "import == built-in us-mcs2024" cmp -s "$T_TMP/us.json" "$T_TMP/builtin.json"
run validate "$T_TMP/us.json"
expect_rc 0
# warnings name file:line of what is skipped
run import --from usgs-mcs "$CN_SRC/datasets/usgs-mcs2024" -o "$T_TMP/us2.json"
expect_rc 0
expect_err "^critnet: warning: .*mcs2024-cobal_salient.csv:1: no Commodity and Year columns"
expect_err "mcs2024-fluor_salient.csv:6: net import reliance '360' is above 100%"

# stdout, and values from the CSVs by hand (python's json module reads the output)
run import --from usgs-mcs "$CN_SRC/datasets/usgs-mcs2024" -q
expect_rc 0
# lithium 2023 (Prod_t_est_2023): Australia 86,000 of 180,000 t (T5 prints 48%)
check "lithium AUS share" near "$(json_get '[e["share"] for e in d["edges"] if e["kind"]=="produces" and e["mineral"]=="lithium" and e.get("country")=="AUS" and e["year"]==2023][0]')" 0.4777777778 1e-9
check "gallium first source JPN" [ "$(json_get '[e["country"] for e in d["edges"] if e["kind"]=="supplies" and e["mineral"]=="gallium" and e["rank"]==1][0]')" = JPN ]

# the broken releases (tests/bad/usgs, with tests/bad/usgs/EXPECTED) are driven by test_bad_inputs.sh

# usage
run import --from usgs-mcs
expect_rc 64
expect_err "expected one input DIR"
run import "$CN_SRC/datasets/usgs-mcs2024"
expect_rc 64
expect_err "expected --from FORMAT"
run import --from nope x
expect_rc 64
expect_err "unknown format"
run import --from usgs-mcs /nonexistent
expect_rc 66
expect_one_line_err
run import --from usgs-mcs "$CN_SRC/datasets/usgs-mcs2024/SOURCE.md"
expect_rc 66
expect_err "not a folder"
run import --help
expect_rc 0
expect_out "usgs-mcs"
finish
