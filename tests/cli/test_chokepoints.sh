# critnet chokepoints: multi-stage chains whose dominators and minimum cuts are known by construction
# (tests/data/chains.json), exposure by hand, cut vertices and bridges against networkx.
. "$CN_SRC/tests/cli/lib.sh"
PY=/usr/bin/python3
D="$CN_SRC/tests/data/chains.json"

run chokepoints --data "$D" --consumer KON --format json
expect_rc 0
row() { json_get "[r for r in d['minerals'] if r['mineral']=='$1'][0]['$2']"; }
# cobalt: MNA,MNB -> ore@RFA -> RFA; MNB,MNC -> ore@RFB -> RFB; RFA .7 + RFB .3 -> refined@KON.
# Every source path passes RFA or RFB; no single node is on all of them; {MNB,RFA} misses MNC-RFB.
check "cobalt: min cut {RFA,RFB}" [ "$(row cobalt:refined min_cut)" = "['RFA', 'RFB']" ]
check "cobalt: no dominator" [ "$(row cobalt:refined dominators)" = "[]" ]
check "cobalt: two stages" [ "$(row cobalt:refined stages)" = 2 ]
check "cobalt: critical RFA (.7 >= .5)" [ "$(row cobalt:refined critical)" = "[{'country': 'RFA', 'share': 0.7}]" ]
# nickel: both mines sell only to RFA, RFA alone supplies KON: RFA and RFA's ore market dominate
check "nickel: dominators RFA, nickel:ore@RFA" [ "$(row nickel:refined dominators)" = "['RFA', 'nickel:ore@RFA']" ]
check "nickel: cut {RFA}" [ "$(row nickel:refined min_cut)" = "['RFA']" ]
check "nickel: complete" [ "$(row nickel:refined cut_status)" = complete ]
# lithium: RFB also mines lithium:ore itself (a produces edge), so its ore imports are not a dominator
check "lithium: dominators RFB only" [ "$(row lithium:refined dominators)" = "['RFB']" ]
# tin: an 'other' residual upstream of RFA does not block the cut at RFA
check "tin: cut {RFA}" [ "$(row tin:refined min_cut)" = "['RFA']" ]
check "tin: complete" [ "$(row tin:refined cut_status)" = complete ]
# copper: MNA feeds both refiners: the one-country cut is upstream, and MNA dominates
check "copper: cut {MNA}" [ "$(row copper:refined min_cut)" = "['MNA']" ]
check "copper: dominators MNA" [ "$(row copper:refined dominators)" = "['MNA']" ]
# zinc: SUP .6 plus 'other' .4: no supplier set removes all
check "zinc: other remains" [ "$(row zinc cut_status)" = other-remains ]
check "zinc: one stage" [ "$(row zinc stages)" = 1 ]
# exposure: RFA = .8 x .7 (cobalt) + .5 x 1 (nickel) = 1.06 (+ tin, copper: no reliance -> unknown 2)
ex() { json_get "[r for r in d['exposure'] if r['supplier']=='$1'][0]['$2']"; }
check "RFA exposure 1.06" near "$(ex RFA exposure)" 1.06
check "RFA unknown 2" [ "$(ex RFA unknown)" = 2 ]
check "RFB exposure .8 x .3" near "$(ex RFB exposure)" 0.24
check "SUP exposure 1 x .6" near "$(ex SUP exposure)" 0.6
check "exposure sorted" [ "$(json_get '[r["supplier"] for r in d["exposure"]]')" = "['RFA', 'SUP', 'RFB']" ]
printf '%s\n' "$OUT" >"$T_TMP/chains.out.json"
check "nx: cut vertices and bridges (chains)" $PY "$CN_SRC/tests/oracles/nx_cutvertices.py" "$T_TMP/chains.out.json" "$D"
# a reliance the source gives as a range stays a range: MCS 2020 prints lithium's NIR as ">25"
run chokepoints --dataset us-mcs2020
expect_out '^USA +lithium +>25% '
run chokepoints --dataset us-mcs2020 --format json
lith() { json_get "[r for r in d['minerals'] if r['mineral']=='lithium'][0].get('$1')"; }
check "lithium: nir_text >25" [ "$(lith nir_text)" = ">25" ]
check "lithium: nir is the lower bound .25" near "$(lith nir)" 0.25
check "niobium: a plain figure has no nir_text" [ "$(json_get "[r for r in d['minerals'] if r['mineral']=='niobium'][0].get('nir_text')")" = None ]
# a lower threshold: copper's two refiners at .5 become critical
run chokepoints --data "$D" --consumer KON --threshold 50% --format json
check "copper critical at 50%" [ "$(row copper:refined critical)" = "[{'country': 'RFA', 'share': 0.5}, {'country': 'RFB', 'share': 0.5}]" ]

# the built-in data: graphite (China 33, Mexico 24, Canada 16, India 9, other 18): direct imports only
run chokepoints --dataset us-mcs2020 --consumer USA --format json
expect_rc 0
check "graphite: cut = the 4 named suppliers" [ "$(row graphite min_cut)" = "['CHN', 'MEX', 'CAN', 'IND']" ]
check "graphite: other remains" [ "$(row graphite cut_status)" = other-remains ]
check "lithium: ARG .53 critical" [ "$(row lithium critical)" = "[{'country': 'ARG', 'share': 0.53}]" ]
# potash: NRCan ranks Canada first, shares unknown: the cut {CAN} covers the listed supply only
check "potash: partial" [ "$(row potash cut_status)" = partial ]
printf '%s\n' "$OUT" >"$T_TMP/us.out.json"
check "nx: cut vertices and bridges (us-mcs2020)" $PY "$CN_SRC/tests/oracles/nx_cutvertices.py" "$T_TMP/us.out.json" "$CN_SRC/datasets/us-mcs2020.json"
run chokepoints --dataset us-mcs2020 --format table
expect_out '^USA +lithium +>25% +3 +100% +ARG 53%'
expect_out 'Articulation points'
run chokepoints --dataset us-mcs2020 --format csv
expect_out '^consumer,mineral,nir,suppliers,covered,critical,min_cut_size,min_cut,cut_status,stages,dominators'

# an edge list (no consumers): no per-mineral rows; the path A-x-B-y-C has cut vertices x, B, y and 4 bridges
printf 'country,mineral,share\nA,x,0.5\nB,x,0.5\nB,y,1\nC,y,\n' >"$T_TMP/path.csv"
run chokepoints --data "$T_TMP/path.csv" --format json
expect_rc 0
check "edge list: no rows" [ "$(json_get 'len(d["minerals"])')" = 0 ]
check "edge list: cut vertices B x y" [ "$(json_get 'd["articulation_points"]')" = "['B', 'x', 'y']" ]
check "edge list: 4 bridges" [ "$(json_get 'len(d["bridges"])')" = 4 ]
run profile B --data "$T_TMP/path.csv"
expect_rc 0
expect_out 'B supplies no consumer in the data'
run deps --data "$T_TMP/path.csv" --consumer A
expect_rc 0
run export --data "$T_TMP/path.csv"
expect_rc 0
expect_out '"kind":"produces","country":"B","mineral":"y","share":1'

# errors
run chokepoints --consumer ZZZ
expect_rc 64
expect_err "consumer 'ZZZ' is not a country"
expect_one_line_err
run chokepoints --threshold 0
expect_rc 64
run chokepoints --bogus
expect_rc 64
# validate reads edge lists too: countries A, B, C; minerals x, y; four rows
run validate "$T_TMP/path.csv"
expect_rc 0
expect_out 'path.csv: ok \(3 countries, 2 minerals, 4 edges\)'
printf 'country,mineral,share\nA,x,1.5\n' >"$T_TMP/badshare.csv"
run validate "$T_TMP/badshare.csv"
expect_rc 65
expect_one_line_err
finish
