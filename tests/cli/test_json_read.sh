# The native JSON reader has a fast path (the layout `export` writes, read element by element) and the full
# path (one cJSON tree: any other layout, and every error). Both must give the same net, and errors must be
# worded as before wherever in the file they are. Expected values come from python3's json module.
. "$CN_SRC/tests/cli/lib.sh"

run export --dataset us-mcs2020 -o "$T_TMP/a.json"
expect_rc 0

# the same facts in another layout (keys reversed everywhere, arrays before the header, escaped keys):
# only the full path reads it
/usr/bin/python3 - "$T_TMP/a.json" "$T_TMP/b.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
def rev(x):
    if isinstance(x, dict): return {k: rev(v) for k, v in reversed(list(x.items()))}
    if isinstance(x, list): return [rev(v) for v in x]
    return x
s = json.dumps(rev(d), ensure_ascii=True, indent=1).replace('"kind"', '"\\u006bind"')
open(sys.argv[2], 'w').write(s)
PY
run export --data "$T_TMP/b.json" -o "$T_TMP/b.out.json"
expect_rc 0
/usr/bin/python3 -c "import json,sys; sys.exit(0 if json.load(open(sys.argv[1])) == json.load(open(sys.argv[2])) else 1)" \
  "$T_TMP/a.json" "$T_TMP/b.out.json"
check "another key order and escaped keys give the same net" [ $? -eq 0 ]
check "the exported layout reads back byte-identical" cmp -s "$T_TMP/a.json" "$T_TMP/b.out.json"

# edges the flat reader hands to cJSON (escapes, a nested value) or reads itself (exponents, spaces) inside the exported layout: values as python reads them
cat >"$T_TMP/c.json" <<'J'
{
  "format": "critnet",
  "version": 1,
  "countries": [{"id":"USA"},{"id":"CHN","name":"China \"PRC\""}],
  "minerals": [{"id":"gallium","lists":["2018"]}],
  "edges": [
    {"kind":"supplies","country":"CHN","mineral":"gallium","consumer":"USA","share":5e-1,"unit":"t\u00e9","quantity":1.5E3,"rank":1},
    {"kind":"produces","country":"CHN","mineral":"gallium","share":0.25,"quantity":  12.0e+0 ,"primary":true}
  ]
}
J
run export --data "$T_TMP/c.json"
expect_rc 0
check "escaped unit" [ "$(json_get "d['edges'][0]['unit']")" = "$(/usr/bin/python3 -c 'print("t\u00e9")')" ]
check "5e-1 is 0.5" near "$(json_get "d['edges'][0]['share']")" 0.5 0
check "1.5E3 is 1500" near "$(json_get "d['edges'][0]['quantity']")" 1500 0
check "12.0e+0 is 12" near "$(json_get "d['edges'][1]['quantity']")" 12 0
check "escaped name" [ "$(json_get "d['countries'][1]['name']")" = 'China "PRC"' ]
check "lists read by cJSON" [ "$(json_get "d['minerals'][0]['lists']")" = "['2018']" ]

# errors deep in a file in the exported layout are found and worded by the full path
n=$(/usr/bin/python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['edges']) // 2)" "$T_TMP/a.json")
/usr/bin/python3 - "$T_TMP/a.json" "$T_TMP/d.json" "$n" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); n = int(sys.argv[3])
d['edges'][n]['share'] = 2
open(sys.argv[2], 'w').write(json.dumps(d, indent=1))
PY
run export --data "$T_TMP/d.json"
expect_rc 65
expect_err "^critnet: $T_TMP/d.json: \\\$\\.edges\\[$n\\]\\.share: expected a finite number in \\[0,1\\], got 2$"
expect_one_line_err

# a member after the arrays: the fast path gives up there, the full path reports it first
sed '$ s/}$/,"colour":"red"}/' "$T_TMP/a.json" >"$T_TMP/e.json"
run export --data "$T_TMP/e.json"
expect_rc 65
expect_err "^critnet: $T_TMP/e.json: \\\$\\.colour: unknown field 'colour' \\(see docs/format.md\\)$"

# a number with a '+' (strtod would take it, cJSON does not) is a syntax error on both paths
sed 's/"quantity":  12.0e+0 ,/"quantity": +12,/' "$T_TMP/c.json" >"$T_TMP/g.json"
run export --data "$T_TMP/g.json"
expect_rc 65
expect_err "^critnet: $T_TMP/g.json:8:[0-9]+: JSON syntax error"

# a byte-order mark inside a value is a syntax error on both paths (cJSON skips one only at the start)
printf '{"format":\xef\xbb\xbf"critnet","version":1,"countries":[],"minerals":[],"edges":[]}\n' >"$T_TMP/f.json"
run export --data "$T_TMP/f.json"
expect_rc 65
expect_err "^critnet: $T_TMP/f.json:1:11: JSON syntax error"
finish
