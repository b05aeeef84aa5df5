# critnet diff and critnet merge on two hand-made networks (tests/data/diff_then.json, diff_now.json) with every
# kind of change; the expected values are read off the two files by hand (comments).
. "$CN_SRC/tests/cli/lib.sh"
A=$CN_SRC/tests/data/diff_then.json
B=$CN_SRC/tests/data/diff_now.json

run diff "$A" "$B" --format json
expect_rc 0
check "then 4 minerals" [ "$(json_get 'd["minerals_then"]')" = 4 ]
check "now 4 minerals" [ "$(json_get 'd["minerals_now"]')" = 4 ]
check "5 rows: widget gadget sprocket doohickey gizmo, by id" \
  [ "$(json_get '",".join(m["mineral"] for m in d["minerals"])')" = "doohickey,gadget,gizmo,sprocket,widget" ]
r() { json_get "[m for m in d['minerals'] if m['mineral']=='$1'][0]['$2']"; }
# widget: NIR .8 -> .9; top CAN .5 -> CHN .6; gained CHN, lost MEX and DEU; single-source both sides (.5, .6 >=
# .5); world production CHN .4 -> .7: concentrated-supply gained
check "widget nir then .8" near "$(r widget nir_then)" 0.8
check "widget nir now .9" near "$(r widget nir_now)" 0.9
check "widget top then CAN" [ "$(r widget top_supplier_then)" = CAN ]
check "widget top now CHN" [ "$(r widget top_supplier_now)" = CHN ]
check "widget share then .5" near "$(r widget top_share_then)" 0.5
check "widget share now .6" near "$(r widget top_share_now)" 0.6
check "widget gained CHN" [ "$(r widget gained)" = CHN ]
check "widget lost MEX,DEU" [ "$(r widget lost)" = MEX,DEU ]
check "widget single-source then and now" [ "$(r widget single_source_then)$(r widget single_source_now)" = TrueTrue ]
check "widget concentrated now only" [ "$(r widget concentrated_supply_then)$(r widget concentrated_supply_now)" = FalseTrue ]
check "widget changes" [ "$(r widget changes)" = "nir,top,share,sources,concentrated-supply" ]
check "widget editions" [ "$(r widget edition_then)/$(r widget edition_now)" = 2020/2026 ]
check "widget periods" [ "$(r widget period_then)/$(r widget period_now)" = 2015-18/2021-24 ]
# gadget: NIR .5 both; CAN .7 -> .4 (top stays CAN); KOR gained; single-source lost (.4 < .5, three sources)
check "gadget changes" [ "$(r gadget changes)" = "share,sources,single-source" ]
check "gadget gained KOR" [ "$(r gadget gained)" = KOR ]
check "gadget single-source lost" [ "$(r gadget single_source_then)$(r gadget single_source_now)" = TrueFalse ]
# gizmo: new (CAN 100%, the only source); sprocket: gone
check "gizmo new" [ "$(r gizmo changes)" = new ]
check "gizmo single-source now" [ "$(r gizmo single_source_now)" = True ]
check "gizmo no figures then" [ "$(r gizmo nir_then)" = None ]
check "sprocket gone" [ "$(r sprocket changes)" = gone ]
check "sprocket lost list empty (the mineral is gone)" [ "$(r sprocket lost)" = "" ]
# doohickey: NIR none -> .4; ranks only: CAN 1 -> MEX 1; same sources
check "doohickey changes" [ "$(r doohickey changes)" = "nir,top" ]
check "doohickey share unknown" [ "$(r doohickey top_share_now)" = None ]
check "doohickey rank 1 now MEX" [ "$(r doohickey top_supplier_now)/$(r doohickey top_rank_now)" = MEX/1 ]
# suppliers: CAN is a source of widget gadget sprocket doohickey then (first in all 4), of widget gadget gizmo
# doohickey now (first: gadget .4, gizmo 1.0; second: widget .4 after CHN .6, doohickey rank 2)
s() { json_get "[x for x in d['suppliers'] if x['supplier']=='$1'][0]['$2']"; }
check "CAN 4 then" [ "$(s CAN minerals_then)" = 4 ]
check "CAN 4 now" [ "$(s CAN minerals_now)" = 4 ]
check "CAN first in 4 then" [ "$(s CAN first_in_then)" = "doohickey,gadget,sprocket,widget" ]
check "CAN first in 2 now" [ "$(s CAN first_in_now)" = "gadget,gizmo" ]
check "CAN second in 2 now" [ "$(s CAN second_in_now)" = "doohickey,widget" ]
check "CAN second in none then" [ "$(s CAN second_then)" = 0 ]
check "DEU 1 then 0 now" [ "$(s DEU minerals_then)/$(s DEU minerals_now)" = 1/0 ]
check "KOR 0 then 1 now" [ "$(s KOR minerals_then)/$(s KOR minerals_now)" = 0/1 ]
# filters and the sentence
run diff "$A" "$B" --mineral widget --supplier CAN
expect_rc 0
expect_out '^widget +80% +90% +CAN +50% +CHN +60% +CHN +MEX,DEU'
expect_out 'CAN supplies 1 of 1 minerals then and 1 of 1 now; first in 1 then \(widget\) and 0 now \(none\); second in 0 then \(none\) and 1 now \(widget\)'
run diff "$A" "$B" --format csv
expect_rc 0
check "csv: header and 5 rows" [ "$(printf '%s\n' "$OUT" | wc -l)" = 6 ]
check "csv header" [ "$(printf '%s\n' "$OUT" | head -1 | cut -d, -f1-3)" = "mineral,nir_then,nir_now" ]
run diff "$A" "$B" --format markdown
expect_out '^\| widget'
# usage and bad input
run diff "$A"
expect_rc 64
run diff "$A" "$B" --mineral unobtainium
expect_rc 64
expect_err "unobtainium"
run diff "$A" nosuchfile
expect_rc 66
expect_one_line_err
run diff "$A" "$B" --consumer CHN
expect_rc 0
run diff "$A" "$B" --consumer ZZZ
expect_rc 64
expect_err "consumer 'ZZZ' is not a country of then"
# profile --diff: the same as diff --supplier; KOR is a source of gadget only (now), DEU of widget only (then)
run profile KOR --diff "$A,$B" --format json
expect_rc 0
check "profile --diff KOR: one mineral" [ "$(json_get '",".join(m["mineral"] for m in d["minerals"])')" = gadget ]
check "profile --diff KOR: one supplier row" [ "$(json_get 'len(d["suppliers"])')/$(s KOR minerals_now)" = 1/1 ]
run profile DEU --diff "$A,$B"
expect_out 'DEU supplies 1 of 4 minerals then and 0 of 4 now; first in 0 then \(none\) and 0 now \(none\); second in 0 then \(none\)'
run profile DEU --diff "$A"
expect_rc 64
# built-in datasets by name: the 2020 view against the 2024 release, Canada's role
run diff us-mcs2020 us-mcs2024 --supplier CAN --format json
expect_rc 0
check "35 minerals then and now (2018 list)" [ "$(json_get 'd["minerals_then"]')/$(json_get 'd["minerals_now"]')" = 35/35 ]

# merge: now over then. widget, gadget, doohickey: now's imports and NIR; sprocket: then's; gizmo: now's.
# widget's world production: now's (CHN .7) replaces then's (CHN .4).
run merge "$B" "$A" -o "$T_TMP/m.json"
expect_rc 0
run deps --data "$T_TMP/m.json" --format json
expect_rc 0
g() { json_get "[m for m in d['minerals'] if m['mineral']=='$1'][0]['$2']"; }
check "merged: 5 minerals" [ "$(json_get 'len(d["minerals"])')" = 5 ]
check "merged widget top CHN .6 (now)" [ "$(g widget top_supplier)/$(g widget top_share)" = CHN/0.6 ]
check "merged widget world CHN .7 (now)" near "$(g widget top_producer_share)" 0.7
check "merged sprocket CAN .6 (then)" [ "$(g sprocket top_supplier)/$(g sprocket top_share)" = CAN/0.6 ]
check "merged sprocket NIR .3 (then)" near "$(g sprocket nir)" 0.3
check "merged doohickey NIR .4 (now)" near "$(g doohickey nir)" 0.4
check "merged gadget 3 sources (now's whole list, not then's)" [ "$(g gadget sources)" = 3 ]
check "merged name" [ "$(json_get 'd["dataset"]')" = "diff-now+diff-then" ]
check "merged sources keep their editions" \
  [ "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(",".join(sorted(s["id"] for s in d["sources"])))' "$T_TMP/m.json")" = "now-src,then-src" ]
run merge "$B"
expect_rc 64
run merge "$B" nosuchfile
expect_rc 66
finish
