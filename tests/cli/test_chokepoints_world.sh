# critnet chokepoints on a world trade table: countries ranked per product stage. Expected values by hand from
# tests/data/trade/world_stages.csv (9 flows; every market is one stage, so each importer's minimum supplier
# cut is all of its suppliers).
. "$CN_SRC/tests/cli/lib.sh"
D="$CN_SRC/tests/data/trade/world_stages.csv"
Q="$CN_SRC/tests/data/trade/world_stages_tons.csv"

run chokepoints --data "$D" --format json
expect_rc 0
g() { json_get "[s for s in d['stages'] if s['stage']==$1][0]$2"; }
c() { json_get "[r for r in [s for s in d['stages'] if s['stage']==$1][0]['countries'] if r['country']=='$2'][0]['$3']"; }
check "two stages: ore, then no stage" [ "$(json_get "[s['stage'] for s in d['stages']]")" = "['ore', None]" ]
check "ore products" [ "$(g "'ore'" "['products']")" = "['cobalt:ore']" ]
# cobalt ore: COD exports 80 + 30, ZMB 20 (thousand USD): 110/130, 20/130
check "COD share 110/130" near "$(c "'ore'" COD share)" "$(echo 'print(110/130)' | python3)" 1e-9
check "ZMB share 20/130" near "$(c "'ore'" ZMB share)" "$(echo 'print(20/130)' | python3)" 1e-9
check "by value" [ "$(g "'ore'" "['share_basis']")" = "world exports by value" ]
check "COD top exporter" [ "$(c "'ore'" COD top_exporter)" = 1 ]
# CHN's cut {COD, ZMB}, FIN's {COD}: COD is in both, ZMB not
check "COD in every cut" [ "$(c "'ore'" COD in_every_cut)" = 1 ]
check "ZMB not in every cut" [ "$(c "'ore'" ZMB in_every_cut)" = 0 ]
# COD: 80/100 of CHN's imports, 30/30 of FIN's (>= .5); ZMB .2 of CHN's
check "COD exposes CHN, FIN" [ "$(c "'ore'" COD consumers)" = "['CHN', 'FIN']" ]
check "ZMB exposes none" [ "$(c "'ore'" ZMB exposed)" = 0 ]
# no stage: 850440 CHN 60+10, DEU 40; 854140 CHN 10, MYS 90+50: total 260
check "ranked MYS CHN DEU" [ "$(g None "['countries']" | python3 -c "import sys,ast; print([r['country'] for r in ast.literal_eval(sys.stdin.read())])")" = "['MYS', 'CHN', 'DEU']" ]
check "MYS 140/260" near "$(c None MYS share)" "$(echo 'print(140/260)' | python3)" 1e-9
check "CHN 80/260" near "$(c None CHN share)" "$(echo 'print(80/260)' | python3)" 1e-9
check "CHN top of 850440" [ "$(c None CHN top_exporter)" = 1 ]
check "DEU top of none" [ "$(c None DEU top_exporter)" = 0 ]
# 850440: USA {CHN DEU}, FRA {CHN}; 854140: USA {CHN MYS}, DEU {MYS}
check "CHN in every cut of 850440 only" [ "$(c None CHN in_every_cut)" = 1 ]
check "MYS in every cut of 854140" [ "$(c None MYS in_every_cut)" = 1 ]
# critical (>= .5): CHN .6 of USA's 850440, 1 of FRA's; MYS .9 of USA's 854140, 1 of DEU's
check "CHN exposes FRA USA" [ "$(c None CHN consumers)" = "['FRA', 'USA']" ]
check "MYS exposes DEU USA" [ "$(c None MYS consumers)" = "['DEU', 'USA']" ]
# threshold .95: only the sole suppliers stay critical
run chokepoints --data "$D" --threshold 0.95 --format json
check "CHN at .95: FRA only" [ "$(c None CHN consumers)" = "['FRA']" ]

# tons only: never added across products; the mean over the stage's products of the shares by quantity
run chokepoints --data "$Q" --format json
expect_rc 0
check "quantity basis named" [ "$(g None "['share_basis']")" = "mean over products of world export shares by quantity" ]
check "CHN (7/11 + 2/15)/2" near "$(c None CHN share)" "$(echo 'print((7/11 + 2/15)/2)' | python3)" 1e-9
check "MYS (0 + 13/15)/2" near "$(c None MYS share)" "$(echo 'print((13/15)/2)' | python3)" 1e-9
check "ore alone: by quantity" [ "$(g "'ore'" "['share_basis']")" = "world exports by quantity" ]

# narrowing: --product 850440, --mineral cobalt
run chokepoints --data "$D" --product 850440 --format csv
expect_rc 0
check "one product: CHN 70/110" [ "$(sed -n 2p <<<"$OUT" | cut -d, -f3,4)" = "CHN,0.636364" ]
check "csv: 2 countries" [ "$(wc -l <<<"$OUT")" = 3 ]
run chokepoints --data "$D" --mineral cobalt --format json
check "cobalt: one stage" [ "$(json_get "[s['stage'] for s in d['stages']]")" = "['ore']" ]
run chokepoints --data "$D" --mineral nosuch
expect_rc 64
expect_one_line_err
# a wide list is cut with a count; --top keeps N countries
run chokepoints --dataset energy-chain-2018-2020 --mineral cobalt --top 3
expect_rc 0
expect_out '… \+[0-9]+$'
check "--top 3: three rows per stage" [ "$(grep -cE '^ +[0-9]+  [A-Z]{3} ' <<<"$OUT")" = 9 ]
expect_out '\(3 of [0-9]+ countries; --top 0 lists all\)'
run chokepoints --data "$D" --top x
expect_rc 64
# the per-consumer view keeps its rows
run chokepoints --data "$D" --consumer USA --format json
expect_rc 0
check "per consumer: USA rows" [ "$(json_get "sorted(r['mineral'] for r in d['minerals'])")" = "['hs:850440', 'hs:854140']" ]
# a long minimum cut in the per-consumer table: 8 named, the rest counted (ABW buys hs:850440 from 31 countries);
# JSON keeps all 31
run chokepoints --dataset energy-chain-2018-2020 --consumer ABW
expect_out '^ABW +hs:850440 .* 31: ([A-Z]{3} ){8}… \+23 '
run chokepoints --dataset energy-chain-2018-2020 --consumer ABW --format json
check "json: the whole cut" [ "$(json_get "len([r for r in d['minerals'] if r['mineral']=='hs:850440'][0]['min_cut'])")" = 31 ]
# --top with --consumer on a world table: the rows of each table, the rest counted
run chokepoints --data "$D" --consumer USA --top 1
expect_rc 0
expect_out '^… \+1 more products'
check "--top 1: one USA row shown" [ "$(grep -c '^USA  *hs:' <<<"$OUT")" = 1 ]
expect_out '^Articulation points and bridges: not computed on a world trade table'
run chokepoints --dataset us-mcs2020 --consumer USA --top 3
expect_rc 64
finish
