# The native format round-trips: export -> validate -> export gives the same bytes, and deps on the
# exported file equals deps on the built-in dataset. The committed us-mcs2020.json is the transcription
# script's output from datasets/mcs2020/ (so the shipped data and its sources cannot drift apart).
. "$CN_SRC/tests/cli/lib.sh"

for ds in $("$CRITNET" datasets --format csv | tail -n +2 | cut -d, -f1); do
  run export --dataset "$ds" -o "$T_TMP/$ds.json"
  expect_rc 0
  run validate "$T_TMP/$ds.json"
  expect_rc 0
  expect_out "^$T_TMP/$ds.json: ok"
  run export --data "$T_TMP/$ds.json" -o "$T_TMP/$ds.2.json"
  check "$ds: export is a fixed point" cmp -s "$T_TMP/$ds.json" "$T_TMP/$ds.2.json"
  /usr/bin/python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$T_TMP/$ds.json"
  check "$ds: export is valid JSON for python" [ $? -eq 0 ]
  run deps --dataset "$ds" --format json --list all; a=$OUT
  run deps --data "$T_TMP/$ds.json" --format json --list all; b=$OUT
  check "$ds: deps identical after the round trip" [ "$a" = "$b" ]
done

/usr/bin/python3 "$CN_SRC/datasets/tools/mcs2020_to_native.py" > "$T_TMP/regen.json"
check "datasets/us-mcs2020.json is the transcription script's output" cmp -s "$T_TMP/regen.json" "$CN_SRC/datasets/us-mcs2020.json"

# the transcription keeps the facts of the reference files: every import share of every mineral file
/usr/bin/python3 - "$CN_SRC/datasets/mcs2020" "$T_TMP/us-mcs2020.json" <<'PY'
import csv, json, os, sys
src, net = sys.argv[1], json.load(open(sys.argv[2]))
# the id of a file's form: datasets/forms.csv's "mcs2020" row "<id>/<form>", else the file's id
forms = {r['label'].lower(): r['id'] for r in csv.DictReader(open(os.path.join(src, '..', 'forms.csv')))
         if r['kind'] == 'mcs2020'}
have = {(e['mineral'], e.get('country'), round(e.get('share', -1), 6)) for e in net['edges'] if e['kind'] == 'supplies'}
missing = []
for fn in os.listdir(os.path.join(src, 'minerals')):
    d = json.load(open(os.path.join(src, 'minerals', fn)))
    f = d['forms'][0]
    fid = forms.get((d['id'] + '/' + f['form']).lower(), d['id'])
    if isinstance(f.get('import_sources'), list) and f['import_sources'] and 'country' in f['import_sources'][0]:
        for s in f['import_sources']:
            if s['share_pct'] is None: continue
            n = s['country']
            if n is not None and n.lower() == 'other':
                continue
            hit = [h for h in have if h[0] == fid and abs(h[2] - s['share_pct'] / 100) < 1e-9 and (h[1] is None) == (n is None)]
            if not hit: missing.append((fid, n, s['share_pct']))
print('missing', missing)
sys.exit(1 if missing else 0)
PY
check "every headline import share of datasets/mcs2020 is in the dataset" [ $? -eq 0 ]
finish
