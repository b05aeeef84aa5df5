# critnet deps on the built-in us-mcs2020 data: figures worked out by hand from datasets/mcs2020/.
. "$CN_SRC/tests/cli/lib.sh"

run deps --dataset us-mcs2020 --format json
expect_rc 0
check "35 minerals of the 2018 list" [ "$(json_get 'len(d["minerals"])')" = 35 ]
row='[m for m in d["minerals"] if m["mineral"]=="graphite"][0]'
# graphite (MCS 2020, 2015-18): China 33%, Mexico 24%, Canada 16%, India 9%, other 18%; NIR 100% (2019e)
check "graphite top is China" [ "$(json_get "$row[\"top_supplier\"]")" = CHN ]
check "graphite top share .33" near "$(json_get "$row[\"top_share\"]")" 0.33
check "graphite HHI .2002" near "$(json_get "$row[\"hhi\"]")" 0.2002
check "graphite other .18" near "$(json_get "$row[\"other_share\"]")" 0.18
check "graphite effective 1/.2002" near "$(json_get "$row[\"effective_suppliers\"]")" 4.995004995 1e-6
check "graphite NIR 1" near "$(json_get "$row[\"nir\"]")" 1
check "graphite severity 1*.33" near "$(json_get "$row[\"severity\"]")" 0.33
check "graphite not single-source at .5" [ "$(json_get "$row[\"single_source\"]")" = False ]
# lithium: Argentina 53% >= 50% -> single-source; NIR printed ">25"
row='[m for m in d["minerals"] if m["mineral"]=="lithium"][0]'
check "lithium single-source" [ "$(json_get "$row[\"single_source\"]")" = True ]
check "lithium top ARG" [ "$(json_get "$row[\"top_supplier\"]")" = ARG ]
check "lithium NIR text >25" [ "$(json_get "$row[\"nir_text\"]")" = ">25" ]
check "lithium NIR low bound .25" near "$(json_get "$row[\"nir_low\"]")" 0.25
check "lithium severity uses the bound: .25*.53" near "$(json_get "$row[\"severity\"]")" 0.1325
# cobalt: the 4th source's name is blank in the source: kept as an unnamed supplier (4 sources)
row='[m for m in d["minerals"] if m["mineral"]=="cobalt"][0]'
check "cobalt 4 sources incl. unnamed" [ "$(json_get "$row[\"sources\"]")" = 4 ]
check "cobalt HHI .17^2+.13^2+.11^2+.11^2" near "$(json_get "$row[\"hhi\"]")" 0.0700
# rare earths: nothing readable in the 2020 reference data -> no data, never a guess
row='[m for m in d["minerals"] if m["mineral"]=="rare_earths"][0]'
check "rare earths no NIR" [ "$(json_get "$row[\"nir\"]")" = None ]
check "rare earths no top" [ "$(json_get "$row[\"top_supplier\"]")" = None ]
check "rare earths says no data" [ "$(json_get "$row[\"note\"]")" = "no data" ]
# potash: NRCan names Canada the largest supplier (rank 1), share unknown: not "the only source"
row='[m for m in d["minerals"] if m["mineral"]=="potash"][0]'
check "potash top CAN" [ "$(json_get "$row[\"top_supplier\"]")" = CAN ]
check "potash share unknown" [ "$(json_get "$row[\"top_share\"]")" = None ]
check "potash not flagged" [ "$(json_get "$row[\"single_source\"]")" = False ]

# a lower threshold flags graphite (.33 >= .3)
run deps --dataset us-mcs2020 --threshold 30% --format json
check "graphite flagged at 30%" [ "$(json_get '[m for m in d["minerals"] if m["mineral"]=="graphite"][0]["single_source"]')" = True ]

# table and CSV
run deps --dataset us-mcs2020
expect_rc 0
expect_out '^graphite +100% +4 +CHN +33% +0\.2002 +5\.00 +18%'
expect_out 'rare_earths +no data'
run deps --dataset us-mcs2020 --format csv
expect_out '^mineral,nir,nir_text,sources,top_supplier,top_share,hhi'
check "CSV has 36 lines" [ "$(printf '%s\n' "$OUT" | wc -l)" -eq 36 ]

# options
run deps --consumer ZZZ
expect_rc 64
expect_err "consumer 'ZZZ' is not a country"
run deps --threshold 2
expect_rc 64
run deps --bogus
expect_rc 64
expect_err "unrecognized option '--bogus'"
run deps --dataset nope
expect_rc 64
expect_err "no built-in dataset 'nope'"
finish
