#!/bin/bash
# tests/cli/test_report.sh: `critnet report` in a real browser (issue 16): headless Chromium loads the page,
# dumps the DOM and takes a screenshot; the headings, the table rows (counted from `critnet deps --format json`
# by python3), no console message, no network reference, escaped data text, and a non-blank picture are
# checked. Without a browser the test is SKIPPED (exit 77, ctest SKIP_RETURN_CODE), never passed.
. "$(dirname "$0")/lib.sh"

BROWSER=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$BROWSER" ]; then
  echo "SKIP: no chromium on PATH (scripts/test installs Debian's chromium)"
  exit 77
fi
export HOME=$T_TMP # chromium writes its profile there
browse() { # browse URL ARGS...: DOM on stdout of the call, browser log in $T_TMP/log
  local url=$1; shift
  timeout 120 "$BROWSER" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --user-data-dir="$T_TMP/profile" --enable-logging=stderr --v=0 "$@" "$url" 2>"$T_TMP/log"
}
# a PNG is non-blank when its decoded scanlines vary: the share of filtered bytes that are not 0 (same as
# the neighbour) exceeds 0.5%
nonblank() {
  /usr/bin/python3 - "$1" <<'PY'
import struct, sys, zlib
b = open(sys.argv[1], "rb").read()
assert b[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
i, idat = 8, b""
while i < len(b):
    n, t = struct.unpack(">I4s", b[i:i + 8])
    if t == b"IDAT":
        idat += b[i + 8:i + 8 + n]
    i += 12 + n
raw = zlib.decompress(idat)
busy = sum(1 for x in raw if x not in (0, 255)) / len(raw)
sys.exit(0 if busy > 0.005 else 1)
PY
}

# the detectors can fail: a console message is seen, a blank page is blank
browse "data:text/html,<script>console.error('boom')</script><p>x</p>" --dump-dom >/dev/null
check "a console message is detected" grep -q 'CONSOLE' "$T_TMP/log"
browse "data:text/html,<body style='background:white'></body>" --screenshot="$T_TMP/blank.png" \
  --window-size=800,600 >/dev/null
check "a blank page is blank" test -s "$T_TMP/blank.png"
if nonblank "$T_TMP/blank.png"; then bad "the blank check says blank"; else ok; fi

for ds in us-mcs2020 us-mcs2024; do
  run report --dataset $ds -o "$T_TMP/$ds.html"
  expect_rc 0
  check "$ds: no network reference" bash -c "! grep -Eq '(src|href)=\"(https?:)?//' '$T_TMP/$ds.html'"
  browse "file://$T_TMP/$ds.html" --dump-dom >"$T_TMP/$ds.dom"
  check "$ds: the DOM is dumped" test -s "$T_TMP/$ds.dom"
  check "$ds: no console message" bash -c "! grep -q CONSOLE '$T_TMP/log'"
  for h in Summary "Net import reliance" "Who supplies what" Overview Dependencies Concentration Chokepoints Sources; do
    check "$ds: heading $h" grep -q "<h2 id=\"[a-z]*\">$h</h2>" "$T_TMP/$ds.dom"
  done
  # the deps table: one row per mineral of `critnet deps`, and the single-source count of the summary
  run deps --dataset $ds --format json
  nrows=$(json_get 'len(d["minerals"])')
  nsingle=$(json_get 'sum(1 for r in d["minerals"] if r["single_source"])')
  ntotal=$nrows
  got=$(/usr/bin/python3 - "$T_TMP/$ds.dom" <<'PY'
import re, sys
dom = open(sys.argv[1]).read()
part = dom.split('<h2 id="deps">')[1].split("<h2 ")[0]
print(len(re.findall(r"<tr>", part)) - 1)
PY
)
  check "$ds: deps table has $nrows rows (got $got)" test "$got" = "$nrows"
  check "$ds: summary counts $nsingle single-source" grep -q "($nsingle of $ntotal minerals" "$T_TMP/$ds.dom"
  # 2 charts, the overview, and one diagram per single-source dependency under its own heading
  check "$ds: $((3 + nsingle)) charts and diagrams" test "$(grep -o '<img ' "$T_TMP/$ds.dom" | wc -l)" -eq $((3 + nsingle))
  check "$ds: $nsingle dependency headings" test "$(grep -o '<h3>' "$T_TMP/$ds.dom" | wc -l)" -eq "$nsingle"
  browse "file://$T_TMP/$ds.html" --screenshot="$T_TMP/$ds.png" --window-size=1200,1600 >/dev/null
  check "$ds: screenshot taken" test -s "$T_TMP/$ds.png"
  check "$ds: screenshot is not blank" nonblank "$T_TMP/$ds.png"
done
# the gallium row of the 2024 deps table
check "gallium row" grep -q '<tr><td>gallium</td><td>100%</td>' "$T_TMP/us-mcs2024.dom"

# data text is escaped: a mineral named like markup shows as text, no element is made of it
run export --dataset us-mcs2020
printf '%s\n' "$OUT" | /usr/bin/python3 -c '
import json, sys
d = json.load(sys.stdin)
for m in d["minerals"]:
    if m["id"] == "niobium":
        m["name"] = "<script>alert(1)</script>Nb & co"
json.dump(d, sys.stdout)' >"$T_TMP/evil.json"
run report --data "$T_TMP/evil.json" -o "$T_TMP/evil.html"
expect_rc 0
browse "file://$T_TMP/evil.html" --dump-dom >"$T_TMP/evil.dom"
check "markup in data is text" grep -q '&lt;script&gt;alert(1)&lt;/script&gt;Nb &amp; co' "$T_TMP/evil.dom"
check "no script element" bash -c "! grep -q '<script' '$T_TMP/evil.dom'"
check "no console message (evil)" bash -c "! grep -q CONSOLE '$T_TMP/log'"

# --allies adds the coalition section, rendered in the browser. MCS 2020 graphite (2015-18): China 33%,
# Mexico 24%, Canada 16%, India 9%, other 18%, so Canada + Mexico hold 16 + 24 = 40% of U.S. imports, at
# least (">=": the 18% "other" may hold more of them)
run report --dataset us-mcs2020 --allies CAN,mexico -o "$T_TMP/allies.html"
expect_rc 0
browse "file://$T_TMP/allies.html" --dump-dom >"$T_TMP/allies.dom"
check "allies: no console message" bash -c "! grep -q CONSOLE '$T_TMP/log'"
check "allies: heading Coalition" grep -q '<h2 id="coalition">Coalition</h2>' "$T_TMP/allies.dom"
check "allies: members named" grep -q 'Alliance: CAN ' "$T_TMP/allies.dom"
check "allies: graphite 40% of imports in the alliance" grep -q '<tr><td>graphite</td><td>&gt;=40%</td>' "$T_TMP/allies.dom"
check "no coalition section without --allies" bash -c "! grep -q 'id=\"coalition\"' '$T_TMP/us-mcs2020.dom'"
run report --dataset us-mcs2020 --allies @nope -o "$T_TMP/nope.html"
expect_rc 64

# usage: -o must be .html or a directory; a directory gets report.html
run report -o "$T_TMP/r.pdf"
expect_rc 64
mkdir -p "$T_TMP/dir"
run report -o "$T_TMP/dir"
expect_rc 0
check "DIR/report.html" test -s "$T_TMP/dir/report.html"
run report --consumer CHN -o "$T_TMP/chn.html"
expect_rc 65
expect_err "no import figures for CHN"
check "nothing written for CHN" test ! -e "$T_TMP/chn.html"

finish
