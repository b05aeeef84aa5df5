# critnet scenario (direct model): every figure worked out by hand from tests/data/scenario_small.json and
# the built-in us-mcs2020 data; the rule is in docs/scenarios.md.
. "$CN_SRC/tests/cli/lib.sh"
D="$CN_SRC/tests/data/scenario_small.json"
row() { echo "[r for r in d['rows'] if r['consumer']=='$1' and r['mineral']=='$2'][0]"; }
flow() { echo "[f for f in $(row "$1" "$2")['flows'] if f['country']=='$3'][0]"; }

# CHN withholds 50% of rare earths (ree); alternatives divert at most 50% of their output.
# USA: NIR .9; imports CHN .8, AUS .1, other .1. lost/imports = .8*.5 = .4; lost/supply = .9*.4 = .36.
# World 2022 (the latest year; 2021's CHN .7 is ignored): CHN .6, AUS .1, USA .15, BRA .05.
# withheld = .5*.6 = .3; alternatives (not CHN, not the consumer USA) = AUS .1 + BRA .05 = .15;
# coverage = min(1, .5*.15/.3) = .25; covered/imports = .4*.25 = .1 -> AUS .1*.1/.15 = .0666..,
# BRA .1*.05/.15 = .0333..; shortfall/imports = .3, /supply = .27; covered/supply = .09.
run scenario --data "$D" --restrict CHN:ree=0.5 --spare 0.5 --format json
expect_rc 0
check "2 rows (USA, JPN)" [ "$(json_get 'len(d["rows"])')" = 2 ]
R=$(row USA ree)
check "USA lost imports .4" near "$(json_get "$R['lost_imports']")" 0.4
check "USA lost supply .36" near "$(json_get "$R['lost_supply']")" 0.36
check "withheld .3" near "$(json_get "$R['world_withheld']")" 0.3
check "alternatives .15" near "$(json_get "$R['alternatives_world_share']")" 0.15
check "coverage .25" near "$(json_get "$R['coverage']")" 0.25
check "covered supply .09" near "$(json_get "$R['covered_supply']")" 0.09
check "shortfall imports .3" near "$(json_get "$R['shortfall_imports']")" 0.3
check "shortfall supply .27" near "$(json_get "$R['shortfall_supply']")" 0.27
check "production year 2022" [ "$(json_get "$R['production_year']")" = 2022 ]
check "AUS replaces .1/15" near "$(json_get "$(flow USA ree AUS)['replacement']")" 0.0666666666667
check "BRA replaces .05/15" near "$(json_get "$(flow USA ree BRA)['replacement']")" 0.0333333333333
check "BRA is not a current supplier" [ "$(json_get "$(flow USA ree BRA)['supplier']")" = False ]
check "CHN lost .4" near "$(json_get "$(flow USA ree CHN)['lost']")" 0.4
check "CHN remaining .4" near "$(json_get "$(flow USA ree CHN)['remaining']")" 0.4
check "CHN replaces nothing" near "$(json_get "$(flow USA ree CHN)['replacement']")" 0
check "the consumer is not its own alternative" \
  [ "$(json_get "[f for f in $R['flows'] if f['country']=='USA']")" = "[]" ]
# JPN: NIR 1; CHN .5, AUS .5 (complete list). lost = .25. Alternatives now include USA:
# .1 + .15 + .05 = .3; coverage = min(1, .5*.3/.3) = .5; covered = .125: USA .125*.15/.3 = .0625,
# AUS .125*.1/.3 = .041666.., BRA .125*.05/.3 = .0208333..; shortfall .125.
R=$(row JPN ree)
check "JPN lost .25" near "$(json_get "$R['lost_supply']")" 0.25
check "JPN coverage .5" near "$(json_get "$R['coverage']")" 0.5
check "JPN shortfall .125" near "$(json_get "$R['shortfall_supply']")" 0.125
check "USA replaces .0625 for JPN" near "$(json_get "$(flow JPN ree USA)['replacement']")" 0.0625
check "AUS replaces .041666 for JPN" near "$(json_get "$(flow JPN ree AUS)['replacement']")" 0.0416666666667

# the same scenario from a file gives the same numbers (consumer USA only)
run scenario --data "$D" --scenario "$CN_SRC/tests/data/scenario_ree.json" --format json
expect_rc 0
check "file: 1 row" [ "$(json_get 'len(d["rows"])')" = 1 ]
check "file: shortfall .27" near "$(json_get "$(row USA ree)['shortfall_supply']")" 0.27

# rank-only import sources (the us-mcs2024 shape): CHN's share is unknown -> the loss is unknown, said so;
# world production from quantities: CHN 70/100 = .7 withheld; alternatives AUS .1 + CAN .05 = .15;
# coverage = .15/.7 = .2142857.. (spare 1)
run scenario --data "$D" --restrict CHN:cob --format json
R=$(row USA cob)
check "rank-only: lost unknown" [ "$(json_get "$R['lost_imports']")" = None ]
check "rank-only: supply lost unknown" [ "$(json_get "$R['lost_supply']")" = None ]
check "rank-only: note says share unknown" grep -q "CHN: share unknown (rank 1)" <<<"$(json_get "$R['note']")"
check "rank-only: withheld .7" near "$(json_get "$R['world_withheld']")" 0.7
check "rank-only: coverage .15/.7" near "$(json_get "$R['coverage']")" 0.214285714286
check "rank-only: replacement unknown" [ "$(json_get "$(flow USA cob AUS)['replacement']")" = None ]

# NIR given as a bound (">50"): the lower bound .5 is used and said so; no production data: said so
run scenario --data "$D" --restrict CHN:gra --format json
R=$(row USA gra)
check "bound NIR .5 used" near "$(json_get "$R['nir']")" 0.5
check "bound flagged" [ "$(json_get "$R['nir_is_lower_bound']")" = True ]
check "bound note" grep -q "lower bound is used" <<<"$(json_get "$R['note']")"
check "no production data note" grep -q "no world production data" <<<"$(json_get "$R['note']")"
check "coverage unknown" [ "$(json_get "$R['coverage']")" = None ]

# a restricted country not listed: unknown where an 'other' residual could hide it (USA), 0 where the
# list is complete (JPN)
run scenario --data "$D" --restrict BRA:ree --format json
check "BRA vs USA unknown" [ "$(json_get "$(row USA ree)['lost_imports']")" = None ]
check "BRA vs JPN zero" near "$(json_get "$(row JPN ree)['lost_imports']")" 0

# remove AUS: USA ree loses .1 of imports (.09 of supply); withheld .1; alternatives CHN .6 + BRA .05 = .65
# -> coverage 1; CHN replaces .1*.6/.65 = .0923..; JPN loses .5
run scenario --data "$D" --remove-country AUS --format json
R=$(row USA ree)
check "remove AUS: USA lost .09" near "$(json_get "$R['lost_supply']")" 0.09
check "remove AUS: coverage 1" near "$(json_get "$R['coverage']")" 1
check "remove AUS: CHN replaces .06/.65" near "$(json_get "$(flow USA ree CHN)['replacement']")" 0.0923076923077
check "remove AUS: JPN lost .5" near "$(json_get "$(row JPN ree)['lost_supply']")" 0.5

# built-in us-mcs2020: graphite, China restricted fully: lost = NIR 1.00 x share .33 = .33 of U.S. supply;
# no world production of graphite in that dataset: replacement unknown
run scenario --dataset us-mcs2020 --restrict CHN:graphite
expect_rc 0
expect_out '^USA +graphite +100% +33% +33% +unknown +unknown'
expect_out 'MEX 24%'
# lithium: NIR ">25" (lower bound .25), China 3% of imports, half restricted: .25 x .03 x .5 = .00375
run scenario --dataset us-mcs2020 --restrict CHN:lithium=50% --format json
check "lithium .25*.03*.5" near "$(json_get "$(row USA lithium)['lost_supply']")" 0.00375
# uranium: Russia 16% of U.S. purchases; no NIR edge -> supply loss unknown; world shares from the
# listed 2019 producers (t U): KAZ 22808 CAN 6938 AUS 6613 NAM 5476 UZB 3500 NER 2983 RUS 2911
# CHN 1885 UKR 800 ZAF 346 IND 308 BRA 0 DEU 0, total 54568. withheld 2911/54568; with spare .05:
# coverage = .05*(54568-2911)/2911 = .887298..; KAZ replaces .16*.887298*22808/51657
run scenario --dataset us-mcs2020 --restrict RUS:uranium --spare 0.05 --format json
R=$(row USA uranium)
check "uranium lost imports .16" near "$(json_get "$R['lost_imports']")" 0.16
check "uranium supply unknown" [ "$(json_get "$R['lost_supply']")" = None ]
check "uranium withheld" near "$(json_get "$R['world_withheld']")" "$(python3 -c 'print(2911/54568)')"
check "uranium coverage" near "$(json_get "$R['coverage']")" "$(python3 -c 'print(.05*(54568-2911)/2911)')"
check "uranium basis" [ "$(json_get "$R['production_basis']")" = "listed producers" ]
check "KAZ replacement" near "$(json_get "$(flow USA uranium KAZ)['replacement']")" \
  "$(python3 -c 'print(.16*(.05*(54568-2911)/2911)*22808/(54568-2911))')"

# rare earths: nothing readable in the 2020 data; the one consumer of the dataset is used without
# --consumer, and the row says what is unknown instead of guessing
run scenario --dataset us-mcs2020 --restrict CHN:rare_earths --format json
expect_rc 0
check "rare earths row" [ "$(json_get 'len(d["rows"])')" = 1 ]
check "rare earths lost unknown" [ "$(json_get "$(row USA rare_earths)['lost_supply']")" = None ]
check "rare earths says no import sources" grep -q "no import sources" <<<"$(json_get "$(row USA rare_earths)['note']")"
# a real country that this network does not list: nothing to lose, no rows, no crash
run scenario --data "$D" --remove-country FRA --format json
expect_rc 0
check "FRA: no rows" [ "$(json_get 'len(d["rows"])')" = 0 ]

# Canada removed: aluminum metal's only source is NRCan's rank (Canada first, datasets/forms.csv), so the loss
# is unknown and the note says why
run scenario --dataset us-mcs2020 --remove-country CAN --format json
check "CAN removed: aluminum:metal unknown" [ "$(json_get "$(row USA aluminum:metal)['lost_imports']")" = None ]
check "CAN removed: NRCan rank noted" grep -q "CAN: share unknown (rank 1)" <<<"$(json_get "$(row USA aluminum:metal)['note']")"
# graphite: Canada 16% of imports, NIR 1 -> .16 of supply
check "CAN removed: graphite .16" near "$(json_get "$(row USA graphite)['lost_supply']")" 0.16

# CSV and Markdown
run scenario --data "$D" --restrict CHN:ree=0.5 --spare 0.5 --format csv
expect_out '^consumer,mineral,nir,nir_is_lower_bound,lost_imports,lost_supply'
expect_out '^USA,ree,0\.9000,0,0\.4000,0\.3600,0\.3000,0\.1500,0\.2500,0\.1000,0\.0900,0\.3000,0\.2700,2022,'
run scenario --data "$D" --restrict CHN:ree=0.5 --format markdown
expect_out '^\| CONSUMER'

# bad scenarios: one line, exit 64 (command line) or 65 (file)
run scenario --data "$D" --restrict XXX:ree
expect_rc 64; expect_one_line_err; expect_err "unknown country 'XXX'"
run scenario --data "$D" --restrict CHN:unobtainium
expect_rc 64; expect_one_line_err; expect_err "'unobtainium' is not a mineral of this network"
run scenario --data "$D" --restrict CHN:ree=1.5
expect_rc 64; expect_one_line_err; expect_err "must be a number in \[0,1\]"
run scenario --data "$D" --restrict CHN:ree=-0.1
expect_rc 64; expect_one_line_err
run scenario --data "$D" --restrict CHN
expect_rc 64; expect_one_line_err; expect_err "expected COUNTRY:MINERAL"
run scenario --data "$D"
expect_rc 64; expect_one_line_err; expect_err "empty scenario"
run scenario --data "$D" --restrict CHN:ree --consumer ZZZ
expect_rc 64; expect_one_line_err
run scenario --data "$D" --restrict CHN:ree --spare 2
expect_rc 64; expect_one_line_err
run scenario --data "$D" --remove-country Atlantis
expect_rc 64; expect_one_line_err; expect_err "unknown country 'Atlantis'"
S="$T_TMP/s.json"
printf '{"format":"critnet-scenario","version":1,"restrict":[{"country":"CHN","mineral":"ree","fraction":2}]}' >"$S"
run scenario --data "$D" --scenario "$S"
expect_rc 65; expect_one_line_err; expect_err 's\.json: \$\.restrict\[0\]\.fraction: expected a number in \[0,1\]'
printf '{"format":"critnet-scenario","version":1,"restrict":[{"country":"CHN","mineral":"ree"},{"country":"XYZ","mineral":"ree"}]}' >"$S"
run scenario --data "$D" --scenario "$S"
expect_rc 65; expect_one_line_err; expect_err "\\\$\.restrict\[1\]\.country: unknown country 'XYZ'"
printf '{"format":"critnet-scenario","version":1,"remove":["CHN", 3]}' >"$S"
run scenario --data "$D" --scenario "$S"
expect_rc 65; expect_one_line_err; expect_err '\$\.remove\[1\]: expected a country'
printf '{"format":"critnet-scenario","version":1,"restrict":[{"country":"CHN","mineral":"ree",}]}' >"$S"
run scenario --data "$D" --scenario "$S"
expect_rc 65; expect_one_line_err; expect_err 's\.json:1:[0-9]+: JSON syntax error'
printf '{"format":"critnet-scenario","version":1}' >"$S"
run scenario --data "$D" --scenario "$S"
expect_rc 65; expect_one_line_err; expect_err 'expected "restrict" or "remove"'
printf '{"format":"critnet-scenario","version":1,"restrict":[],"colour":"red"}' >"$S"
run scenario --data "$D" --scenario "$S"
expect_rc 65; expect_one_line_err; expect_err '\$\.colour: unknown field'
printf '{"format":"critnet-scenario","version":1,"consumer":"ZZZ","restrict":[{"country":"CHN","mineral":"ree"}]}' >"$S"
run scenario --data "$D" --scenario "$S"
expect_rc 65; expect_one_line_err; expect_err "\\\$\.consumer: consumer 'ZZZ'"
run scenario --data "$D" --scenario "$T_TMP/missing.json"
expect_rc 66; expect_one_line_err
# no output file is left on failure
run scenario --data "$D" --restrict XXX:ree -o "$T_TMP/out.txt"
check "no output file on failure" [ ! -e "$T_TMP/out.txt" ]
run scenario --help
expect_rc 0; expect_out 'usage: critnet scenario'
finish
