# The analysis commands on the built-in world trade network (energy-chain-2018-2020), whose minerals exist
# only as stages (cobalt:ore, cobalt:refined, ...): a base id selects all its stages.
. "$CN_SRC/tests/cli/lib.sh"
ds=energy-chain-2018-2020

# a base id must select exactly the cobalt stages (datasets/hs_minerals.csv) that the source file shows the
# USA importing (computed here with Python's csv module from the shipped BACI extract)
run render --mineral cobalt --consumer USA --dataset $ds
expect_rc 0
want=$(/usr/bin/python3 - "$CN_SRC" <<'PY'
import csv, sys
src = sys.argv[1]
stage = {r['hs6']: r['stage'] for r in csv.DictReader(open(src + '/datasets/hs_minerals.csv')) if r['mineral'] == 'cobalt'}
got = {stage[r['k']] for r in csv.DictReader(open(src + '/datasets/baci/all_2018_2020_data.csv'))
       if r['targets'] == 'USA, Puerto Rico and US Virgin Islands' and r['k'] in stage and float(r['q_total'] or 0) > 0}
print(' '.join('mineral:cobalt:' + s for s in sorted(got)) + ' ')
PY
)
got=$(grep -o '"mineral:cobalt[^"]*"' <<<"$OUT" | tr -d '"' | sort -u | tr '\n' ' ')
check "render --mineral cobalt draws the cobalt stages ($want)" [ "$got" = "$want" ]
run render --mineral nope --dataset $ds
expect_rc 64
expect_err "mineral 'nope' is not a mineral of this network"
for cmd in "deps --consumer DEU" concentration "chokepoints --consumer DEU" "centrality --measure degree"; do
  run $cmd --dataset $ds --format json
  expect_rc 0
  /usr/bin/python3 -c "import json,sys; json.loads(sys.argv[1])" "$OUT" 2>/dev/null
  check "$cmd: JSON" [ $? -eq 0 ]
done
finish
