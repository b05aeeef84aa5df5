# critnet deps --supplier: the reverse view (who hangs on one supplier), figures worked out by hand from
# tests/data/deps_supplier.json and, for the built-in data, from datasets/mcs2020/.
. "$CN_SRC/tests/cli/lib.sh"
D="$CN_SRC/tests/data/deps_supplier.json"

run deps --data "$D" --supplier CHN --format json
expect_rc 0
check "4 dependents of CHN" [ "$(json_get 'len(d["dependents"])')" = 4 ]
check "2 consumers" [ "$(json_get 'd["consumers"]')" = 2 ]
# ranked by exposure = NIR x share: JPN graphite .9*.8=.72, USA graphite 1*.6=.6 (the 2015-18 figure of .9
# is not the headline group), USA cobalt .5*.3=.15, JPN cobalt (rank only, no NIR) last
check "order" [ "$(json_get '" ".join(r["consumer"]+":"+r["mineral"] for r in d["dependents"])')" = \
    "JPN:graphite USA:graphite USA:cobalt JPN:cobalt" ]
check "JPN graphite exposure .72" near "$(json_get 'd["dependents"][0]["exposure"]')" 0.72
check "USA graphite share .6 (headline period)" near "$(json_get 'd["dependents"][1]["share"]')" 0.6
check "USA graphite exposure .6" near "$(json_get 'd["dependents"][1]["exposure"]')" 0.6
check "graphite world share .75 (year 2023)" near "$(json_get 'd["dependents"][1]["world_share"]')" 0.75
check "USA cobalt exposure .15" near "$(json_get 'd["dependents"][2]["exposure"]')" 0.15
check "USA cobalt rank 2, not top" [ "$(json_get 'd["dependents"][2]["rank"],d["dependents"][2]["top_supplier"]')" = "(2, False)" ]
check "cobalt world share unknown" [ "$(json_get 'd["dependents"][2]["world_share"]')" = None ]
check "JPN cobalt share unknown" [ "$(json_get 'd["dependents"][3]["share"]')" = None ]
check "JPN cobalt exposure unknown" [ "$(json_get 'd["dependents"][3]["exposure"]')" = None ]
check "JPN cobalt top by rank 1" [ "$(json_get 'd["dependents"][3]["top_supplier"]')" = True ]

# one consumer; names and any case
run deps --data "$D" --supplier chn --consumer usa --format json
expect_rc 0
check "USA only: 2 rows" [ "$(json_get '" ".join(r["mineral"] for r in d["dependents"])')" = "graphite cobalt" ]

# AUS: USA lithium 1*.5=.5 (only source), JPN graphite .9*.2=.18, JPN cobalt (rank 2) last
run deps --data "$D" --supplier AUS --format csv
expect_rc 0
check "CSV: header + 3 rows" [ "$(printf '%s\n' "$OUT" | wc -l)" -eq 4 ]
expect_out '^consumer,mineral,share,rank,top_supplier,sources,nir,nir_text,exposure,world_share,period'
expect_out '^USA,lithium,1\.0000,,1,1,0\.5000,,0\.5000,,2019-22'
expect_out '^JPN,graphite,0\.2000,,0,2,0\.9000,,0\.1800,,2019-22'

# text table: percentages; unknown said so
run deps --data "$D" --supplier CHN
expect_rc 0
expect_out '^Who hangs on CHN .*4 dependencies of 2 consumers'
expect_out '^JPN +graphite +80% +- +2 +top +90% +0\.72 +75% +2019-22'
expect_out '^JPN +cobalt +unknown +1 +2 +top +no data +- +-'
run deps --data "$D" --supplier CHN --format md
expect_out '^\| *CONSUMER *\| *MINERAL'

# an empty result explains itself; a country that is not in the net is a usage error
run deps --data "$D" --supplier DEU
expect_rc 0
expect_err 'no consumer in this dataset names DEU among its import sources'
run deps --data "$D" --supplier ZZZ
expect_rc 64
run deps --data "$D" --supplier CHN --consumer ZZZ
expect_rc 64

# built-in MCS 2020: graphite, China 33% of U.S. imports (2015-18), NIR 100% -> exposure .33, top source
run deps --dataset us-mcs2020 --supplier China --format json
expect_rc 0
row='[r for r in d["dependents"] if r["mineral"]=="graphite"][0]'
check "graphite USA share .33" near "$(json_get "$row[\"share\"]")" 0.33
check "graphite exposure .33" near "$(json_get "$row[\"exposure\"]")" 0.33
check "graphite: CHN top" [ "$(json_get "$row[\"top_supplier\"]")" = True ]
check "sorted by exposure" [ "$(json_get '[r["exposure"] for r in d["dependents"] if r["exposure"] is not None] == sorted([r["exposure"] for r in d["dependents"] if r["exposure"] is not None], reverse=True)')" = True ]
expect_err "--supplier 'China' is CHN"
finish
