# HS basket codes (n.e.s. chemicals that hold a mineral among many others): datasets/hs_minerals.csv gives each
# mapping a weight (1 for a specific code, a published fraction with its source, or none: left out by default);
# a basket left out stays a product of its own ("hs:282739"), --include-baskets maps it with weight 1, and
# concentration and import name them in one line on stderr. Expected shares computed with pandas from the
# shared BACI extract itself (datasets/baci/all_2018_2020_data.csv, the energy-chain dataset's source).
. "$CN_SRC/tests/cli/lib.sh"
PY=/usr/bin/python3

# the table: every specific code weighs 1; every basket (note "basket: ...") has no weight and says why (a
# published fraction would need the importer to scale flows by it, which it does not do yet: none is allowed)
check "hs_minerals.csv: weights are 1, or none for a basket" $PY - "$CN_SRC/datasets/hs_minerals.csv" <<'PY'
import csv, sys
ok = True
for r in csv.DictReader(open(sys.argv[1])):
    basket = r['note'].startswith('basket:')
    if not basket and r['weight'] != '1':
        ok = False; print('specific code without weight 1:', r['hs6'])
    if basket and r['weight'] not in ('', '0'):
        ok = False; print('basket with a weight (fractions are not applied yet):', r['hs6'])
    if basket and not r['weight'] and 'no published share' not in r['weight_source']:
        ok = False; print('basket left out without saying why:', r['hs6'])
sys.exit(0 if ok else 1)
PY

# expected: per exporter, share of world tons of cobalt:refined (exporter != importer), with and without baskets
shares() {
  $PY - "$CN_SRC" "$1" <<'PY'
import sys
import pandas as pd
src, codes = sys.argv[1], [int(c) for c in sys.argv[2].split(',')]
iso = pd.read_csv(src + '/datasets/baci/country_codes_V202201.csv', encoding='latin-1')
name = dict(zip(iso.country_name_full, iso.iso_3digit_alpha))
d = pd.read_csv(src + '/datasets/baci/all_2018_2020_data.csv')
d = d[d.k.isin(codes) & (d.sources != d.targets)]
s = d.groupby('sources').q_total.sum()
s = (s / s.sum()).sort_values(ascending=False).head(3)
print(' '.join(f'{name.get(c, c)}={v:.6f}' for c, v in s.items()))
PY
}
compare() { # $1: expected "ISO=share ...", $OUT: chokepoints --mineral cobalt:refined --format csv
  local kv got
  for kv in $1; do
    got=$(awk -F, -v c="${kv%%=*}" '$3 == c {print $4}' <<<"$OUT")
    check "$2: ${kv%%=*} share ${kv#*=} (got $got)" near "${got:-nan}" "${kv#*=}" 1e-6
  done
}

want=$(shares 282200)
run chokepoints --dataset energy-chain-2018-2020 --mineral cobalt:refined --format csv
expect_rc 0
compare "$want" "refined cobalt without baskets (HS 282200)"
check "without baskets: COD first, CHN second (pandas: $want)" [ "$(cut -d' ' -f1,2 <<<"$want" | sed 's/=[0-9.]*//g')" = "COD CHN" ]
run concentration --dataset energy-chain-2018-2020 --mineral cobalt:refined
expect_err '^critnet: concentration: HS basket codes left out \(no published share of the mineral in them; --include-baskets maps them with weight 1\): 282739 \(cobalt:refined\), 283329 \(cobalt:refined\)$'
check "one line on stderr" [ "$(wc -l <<<"$ERR")" = 1 ]
run concentration --dataset energy-chain-2018-2020 --mineral cobalt:refined --quiet
check "--quiet: no note" [ -z "$ERR" ]

want=$(shares 282200,282739,283329)
run chokepoints --dataset energy-chain-2018-2020 --mineral cobalt:refined --include-baskets --format csv
compare "$want" "refined cobalt with baskets weighted 1"
run concentration --dataset energy-chain-2018-2020 --mineral cobalt:refined --include-baskets
expect_err 'HS basket codes weighted 1 \(--include-baskets: the whole basket counts as the mineral; no published share\): 282739 \(cobalt:refined\), 283329 \(cobalt:refined\)'
expect_out '^cobalt:refined .* CHN '

# a BACI file: the basket code stays a product of its own; import names it; --products cobalt leaves it out
csv=$T_TMP/b.csv
printf 't,i,j,k,v,q\n2020,156,276,282739,10,1\n2020,180,276,282200,30,3\n2020,156,276,282200,10,1\n' >"$csv"
run import --from baci "$csv" -o "$T_TMP/b.json"
expect_rc 0
expect_err 'HS basket codes left out .*: 282739 \(cobalt:refined\)$'
check "the basket is hs:282739" grep -q '"hs:282739"' "$T_TMP/b.json"
run concentration --data "$csv" --format csv
check "cobalt:refined = 282200 only: COD 30/40" [ "$(awk -F, '$1 == "cobalt:refined" {print $6, $8}' <<<"$OUT")" = "COD 0.7500" ]
run concentration --data "$csv" --format csv --include-baskets
check "--include-baskets: COD 30/50" [ "$(awk -F, '$1 == "cobalt:refined" {print $6, $8}' <<<"$OUT")" = "COD 0.6000" ]
run concentration --data "$csv" --format csv --products cobalt
check "--products cobalt: no basket read" [ "$(grep -c 'hs:282739' <<<"$OUT")" = 0 ]
finish
