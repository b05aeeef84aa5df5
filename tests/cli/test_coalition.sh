# critnet coalition: shares inside an alliance, worked out by hand from tests/data/scenario_small.json and
# the built-in us-mcs2020 data.
. "$CN_SRC/tests/cli/lib.sh"
D="$CN_SRC/tests/data/scenario_small.json"
row() { echo "[m for m in d['minerals'] if m['mineral']=='$1'][0]"; }

# allies USA, CAN, AUS; consumer USA
# ree: imports CHN .8, AUS .1, other .1 -> inside .1, a lower bound ('other' may hold allies);
#      world 2022: CHN .6, AUS .1, USA .15, BRA .05 -> inside .25, listed total .9 < 1 -> lower bound;
#      gap = 1 - min(.1, .25) = .9 -> BELOW .5
# cob: imports by rank only, CAN (an ally) listed -> unknown; world 2023 from t: AUS 10 + CAN 5 of 100 -> .15
#      (listed total .85) -> gap .85
# gra: CAN rank only, no production -> both unknown -> gap unknown, sorted last
run coalition --data "$D" --allies USA,CAN,AUS --format json
expect_rc 0
check "3 minerals" [ "$(json_get 'len(d["minerals"])')" = 3 ]
check "sorted by gap" [ "$(json_get '",".join(m["mineral"] for m in d["minerals"])')" = "ree,cob,gra" ]
check "ree imports .1" near "$(json_get "$(row ree)['imports_in_alliance']")" 0.1
check "ree imports at least" [ "$(json_get "$(row ree)['imports_at_least']")" = True ]
check "ree world .25" near "$(json_get "$(row ree)['world_production_in_alliance']")" 0.25
check "ree gap .9" near "$(json_get "$(row ree)['gap']")" 0.9
check "ree below" [ "$(json_get "$(row ree)['below_threshold']")" = True ]
check "cob imports unknown" [ "$(json_get "$(row cob)['imports_in_alliance']")" = None ]
check "cob world .15" near "$(json_get "$(row cob)['world_production_in_alliance']")" 0.15
check "cob gap .85" near "$(json_get "$(row cob)['gap']")" 0.85
check "gra gap unknown" [ "$(json_get "$(row gra)['gap']")" = None ]
check "gra not flagged" [ "$(json_get "$(row gra)['below_threshold']")" = False ]

# @quad = AUS IND JPN USA; consumer JPN: ree imports CHN .5, AUS .5 (complete) -> exactly .5;
# world AUS .1 + USA .15 = .25 -> gap .75; cob: no JPN imports, world AUS .1 -> gap .9
run coalition --data "$D" --allies @quad --consumer JPN --format json
check "quad expands" [ "$(json_get 'd["allies"]')" = "['AUS', 'IND', 'JPN', 'USA']" ]
check "JPN ree .5 exact" near "$(json_get "$(row ree)['imports_in_alliance']")" 0.5
check "JPN ree not a bound" [ "$(json_get "$(row ree)['imports_at_least']")" = False ]
check "JPN ree gap .75" near "$(json_get "$(row ree)['gap']")" 0.75
check "JPN cob gap .9 first" [ "$(json_get 'd["minerals"][0]["mineral"]')" = cob ]
run coalition --data "$D" --allies @quad --consumer JPN --threshold 0.2 --format json
check "threshold .2: ree not below" [ "$(json_get "$(row ree)['below_threshold']")" = False ]
check "threshold .2: cob below (.1)" [ "$(json_get "$(row cob)['below_threshold']")" = True ]

# built-in us-mcs2020, @g7 + AUS. uranium: U.S. purchases CAN .22 + AUS .11 = .33 (other .14: a bound);
# world 2019: no world total, only the listed producers (t U): (CAN 6938 + AUS 6613 + DEU 0) / 54568 =
# 24.8% of the listed output, which is not a world share: the world share stays unknown, the note says 24.8%
run coalition --dataset us-mcs2020 --allies @g7,AUS --format json
expect_rc 0
check "uranium imports .33" near "$(json_get "$(row uranium)['imports_in_alliance']")" 0.33
check "uranium world unknown" [ "$(json_get "$(row uranium)['world_production_in_alliance']")" = None ]
check "uranium note: listed producers' part" \
  grep -q "allies hold $(python3 -c 'print("%.1f" % (100*(6938+6613)/54568))')% of the listed" <<<"$(json_get "$(row uranium)['note']")"
# graphite with @usmca: MEX .24 + CAN .16 = .40 of imports, a bound (other .18); no production data
run coalition --dataset us-mcs2020 --allies @usmca --format json
check "graphite usmca .40" near "$(json_get "$(row graphite)['imports_in_alliance']")" 0.40
check "graphite world unknown" [ "$(json_get "$(row graphite)['world_production_in_alliance']")" = None ]
# names work as well as codes
run coalition --dataset us-mcs2020 --allies "Canada, Mexico" --format json
check "names: graphite .40" near "$(json_get "$(row graphite)['imports_in_alliance']")" 0.40

# aluminum (bauxite): the headline MCS sources are unnamed (a residual that may hold Canada): ">= 0";
# NRCan's rank (Canada first for aluminum) is aluminum metal's (datasets/forms.csv), a rank without a share
run coalition --dataset us-mcs2020 --allies CAN --format json
check "aluminum:bauxite at least 0" near "$(json_get "$(row aluminum:bauxite)['imports_in_alliance']")" 0
check "aluminum:bauxite bound" [ "$(json_get "$(row aluminum:bauxite)['imports_at_least']")" = True ]
check "aluminum:metal: NRCan rank, share unknown" [ "$(json_get "$(row aluminum:metal)['imports_in_alliance']")" = None ]
check "aluminum:metal note" grep -q "CAN: import share unknown" <<<"$(json_get "$(row aluminum:metal)['note']")"

# table and CSV
run coalition --data "$D" --allies USA,CAN,AUS
expect_out '^ree +>=10% +>=25% +2022 +90% +BELOW'
run coalition --data "$D" --allies USA,CAN,AUS --format csv
expect_out '^mineral,imports_in_alliance,imports_at_least,world_production_in_alliance'
expect_out '^ree,0\.1000,1,0\.2500,1,2022,0\.9000,1,'

# errors: one line, exit 64
run coalition --data "$D"
expect_rc 64; expect_one_line_err; expect_err 'empty alliance'
run coalition --data "$D" --allies ""
expect_rc 64; expect_one_line_err; expect_err 'empty item'
run coalition --data "$D" --allies USA,,CAN
expect_rc 64; expect_one_line_err
run coalition --data "$D" --allies USA,XYZ
expect_rc 64; expect_one_line_err; expect_err "unknown country 'XYZ' in the alliance"
run coalition --data "$D" --allies @nato
expect_rc 64; expect_one_line_err; expect_err "unknown group '@nato'"
run coalition --data "$D" --allies USA --threshold 0
expect_rc 64; expect_one_line_err
run coalition --data "$D" --allies USA --consumer ZZZ
expect_rc 64; expect_one_line_err
run coalition --help
expect_rc 0; expect_out '@g7 '
# a world share is unknown where the world total is unknown: nototal CAN 60 t, CHN 40 t, no world total ->
# unknown (60% of the listed producers is said in the note, not as a world share); total: the same with a
# world total of 200 t -> CAN 60/200 = .3, at least (the listed producers hold 100/200)
run coalition --data "$CN_SRC/tests/data/coalition_no_world.json" --allies CAN --format json
expect_rc 0
check "no world total: world share unknown" [ "$(json_get "$(row nototal)['world_production_in_alliance']")" = None ]
check "no world total: said in the note" grep -q "world total unknown" <<<"$(json_get "$(row nototal)['note']")"
check "with a world total: .3" near "$(json_get "$(row total)['world_production_in_alliance']")" 0.3
check "with a world total: at least" [ "$(json_get "$(row total)['world_at_least']")" = True ]
finish
