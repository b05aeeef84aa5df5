# critnet scenario --cascade: fixed points derived in closed form (docs/scenarios.md has the model):
#   m[j,p] = sum_i x[i,j,p] e[i,p] / I[j,p]                       (share of j's imports of p lost)
#   e[j,q] = 1 - (1 - f[j,q]) (1 - min(1, b * max(dI[j,q] / max(I[j,q], X[j,q]), max_{p->q} m[j,p])))
. "$CN_SRC/tests/cli/lib.sh"
CH="$CN_SRC/tests/data/cascade_chain.json"
LOOP="$CN_SRC/tests/data/cascade_loop.json"
cty() { echo "[c for c in d['countries'] if c['country']=='$1'][0]"; }

# 3-stage chain ore -> refined -> cell (stages from the ids bat:ore, bat:refined, bat:cell in data order):
#   ore:     AAA->BBB 60, GGG->BBB 40     refined: BBB->CCC 30, HHH->CCC 70     cell: CCC->DDD 50
# AAA withholds a fraction f of its ore; pass-through b. Nothing loops, so the fixed point is one pass:
#   m_BBB = 60 f / 100 = .6 f;  e_BBB(refined) = b m_BBB
#   m_CCC = 30 e_BBB / 100 = .3 b .6 f;  e_CCC(cell) = b m_CCC
#   m_DDD = 50 e_CCC / 50 = .18 b^2 f
# f = 1, b = 1: m = .6, .18, .18; lost values 60, 18, 9; rounds 3 (one per stage); DDD is hit in round 3.
run scenario --cascade --data "$CH" --restrict AAA:bat:ore --format json
expect_rc 0
check "converged" [ "$(json_get 'd["converged"]')" = True ]
check "3 rounds" [ "$(json_get 'd["rounds"]')" = 3 ]
check "BBB loses .6" near "$(json_get "$(cty BBB)['loss']")" 0.6
check "CCC loses .18" near "$(json_get "$(cty CCC)['loss']")" 0.18
check "DDD loses .18" near "$(json_get "$(cty DDD)['loss']")" 0.18
check "DDD lost value 9" near "$(json_get "$(cty DDD)['lost_imports']")" 9
check "BBB exports cut 30*.6 = 18" near "$(json_get "$(cty BBB)['lost_exports']")" 18
check "BBB hit in round 1" [ "$(json_get "$(cty BBB)['first_hit_round']")" = 1 ]
check "CCC hit in round 2" [ "$(json_get "$(cty CCC)['first_hit_round']")" = 2 ]
check "DDD hit in round 3" [ "$(json_get "$(cty DDD)['first_hit_round']")" = 3 ]
check "BBB hit directly" [ "$(json_get "$(cty BBB)['hit_indirectly']")" = False ]
check "DDD hit indirectly" [ "$(json_get "$(cty DDD)['hit_indirectly']")" = True ]
check "GGG not hit" [ "$(json_get "$(cty GGG)['first_hit_round']")" = None ]
check "AAA restricts" [ "$(json_get "$(cty AAA)['restricts']")" = True ]
check "flow BBB->CCC loses 18" near \
  "$(json_get "[f for f in d['flows'] if f['exporter']=='BBB'][0]['lost']")" 18
# f = .5, b = .5: m_BBB = .3, m_CCC = .3*.5*.3 = .045, m_DDD = .18*.25*.5 = .0225
run scenario --cascade --data "$CH" --restrict AAA:bat:ore=0.5 --pass-through 50% --format json
check "b=.5 f=.5: BBB .3" near "$(json_get "$(cty BBB)['loss']")" 0.3
check "b=.5 f=.5: CCC .045" near "$(json_get "$(cty CCC)['loss']")" 0.045
check "b=.5 f=.5: DDD .0225" near "$(json_get "$(cty DDD)['loss']")" 0.0225
# an explicit chain that skips the refined stage: BBB's refined exports are not linked to its ore, so the
# shock stops at BBB
run scenario --cascade --data "$CH" --restrict AAA:bat:ore --chain bat:ore,bat:cell --format json
check "explicit chain: CCC not hit" near "$(json_get "$(cty CCC)['loss']")" 0

# a re-export loop: AAA->BBB 60, CCC->BBB 40, BBB->CCC 50; AAA withholds all, b = .5.
# I_BBB = 100 >= X_BBB = 50 and I_CCC = 50 >= X_CCC = 40, so e = b m on both:
#   e_BBB = .5 (60 + 40 e_CCC) / 100,  e_CCC = .5 (50 e_BBB) / 50 = .5 e_BBB
#   => e_BBB = .3 + .1 e_BBB => e_BBB = 1/3, e_CCC = 1/6; m_BBB = (60 + 40/6)/100 = 2/3, m_CCC = 1/3.
# The iteration approaches it geometrically (error x .1 every two rounds): about 2*log10(.33/1e-12) = 23
# rounds to the tolerance 1e-12.
run scenario --cascade --data "$LOOP" --restrict AAA:p --pass-through 0.5 --format json
check "loop converged" [ "$(json_get 'd["converged"]')" = True ]
check "loop rounds 20..30" [ "$(json_get '20 <= d["rounds"] <= 30')" = True ]
check "loop BBB 2/3" near "$(json_get "$(cty BBB)['loss']")" 0.666666666667 1e-9
check "loop CCC 1/3" near "$(json_get "$(cty CCC)['loss']")" 0.333333333333 1e-9
check "loop CCC exports cut 40/6" near "$(json_get "$(cty CCC)['lost_exports']")" 6.66666666667 1e-8
check "loop CCC indirect" [ "$(json_get "$(cty CCC)['hit_indirectly']")" = True ]

# table and CSV
run scenario --cascade --data "$CH" --restrict AAA:bat:ore
expect_out 'fixed point after 3 rounds'
expect_out '^DDD +50\.0 +9\.0 +18% .* 3 +indirectly'
run scenario --cascade --data "$CH" --restrict AAA:bat:ore --format csv
expect_out '^country,imports,lost_imports,loss,exports,lost_exports,first_hit_round,restricts,hit_indirectly'
expect_out '^CCC,100\.0000,18\.0000,0\.1800,50\.0000,9\.0000,2,0,1.?$'

# errors
run scenario --cascade --dataset us-mcs2020 --restrict CHN:graphite
expect_rc 65; expect_one_line_err; expect_err 'needs trade flows'
run scenario --cascade --data "$CH" --restrict AAA:bat:ore --chain bat:ore,nope
expect_rc 64; expect_one_line_err; expect_err "unknown mineral 'nope'"
run scenario --cascade --data "$CH" --restrict AAA:bat:ore --pass-through 1.5
expect_rc 64; expect_one_line_err
# like with like (tests/data/trade/world_stages*.csv): USA imports hs:850440 (CHN 60, DEU 40) and hs:854140
# (CHN 10, MYS 90) by value; in tons 6 + 4 and 2 + 8. MYS withholds hs:854140.
W="$CN_SRC/tests/data/trade/world_stages.csv"
run scenario --cascade --data "$W" --restrict MYS:hs:854140 --format json
expect_rc 0
check "by value" [ "$(json_get 'd["basis"]')" = value ]
check "USA value-weighted loss 90/200" near "$(json_get "$(cty USA)['loss']")" 0.45
check "USA 1 of 2 products hit" [ "$(json_get "[$(cty USA)['products_hit'], $(cty USA)['products']]")" = "[1, 2]" ]
check "USA worst hs:854140 .9" near "$(json_get "$(cty USA)['worst_product_loss']")" 0.9
check "USA worst product" [ "$(json_get "$(cty USA)['worst_product']")" = hs:854140 ]
check "hs codes are no chain: 850440 not hit" near \
  "$(json_get "[n for n in d['nodes'] if n['country']=='USA' and n['mineral']=='hs:850440'][0]['import_loss']")" 0
run scenario --cascade --data "${W%.csv}_tons.csv" --restrict MYS:hs:854140 --format json
check "tons: basis quantity" [ "$(json_get 'd["basis"]')" = quantity ]
check "tons: no country total" [ "$(json_get "[$(cty USA)['loss'], $(cty USA)['imports']]")" = "[None, None]" ]
check "tons: USA worst 8/10" near "$(json_get "$(cty USA)['worst_product_loss']")" 0.8
run scenario --cascade --data "${W%.csv}_tons.csv" --restrict MYS:hs:854140
expect_out 'tons of different products are never'
expect_out '^USA +hs:854140 +10\.0 +8\.0 +80% '
finish
