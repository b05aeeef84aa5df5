#!/bin/bash
# tests/cli/test_report_md.sh: `critnet report --format md` (issue 16): Markdown with the SVG files beside it.
# Every linked picture exists beside the document and parses as SVG (python3 xml.etree); the headings of the
# HTML report are there; the deps table has one row per mineral of `critnet deps --format json`; and the
# top source, its share and the HHI of each mineral with one group of named shares are recomputed by python3
# from the dataset file itself (datasets/us-mcs2020.json), not from critnet's output.
. "$(dirname "$0")/lib.sh"

# check_links MD: every image link is a relative path to an existing, well-formed SVG beside the document
check_links() {
  /usr/bin/python3 - "$1" <<'PY'
import os, re, sys, xml.etree.ElementTree as ET
md = sys.argv[1]
links = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", open(md).read())
assert links, "no picture linked"
for l in links:
    assert not l.startswith("/") and "://" not in l and "/" not in l, "not beside the document: " + l
    p = os.path.join(os.path.dirname(md), l.replace("%20", " "))
    root = ET.parse(p).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg", p + ": root is " + root.tag
print(len(links))
PY
}

ds=us-mcs2020
mkdir -p "$T_TMP/md"
run report --dataset $ds --list all --format md -o "$T_TMP/md/r.md"
expect_rc 0
check "the document is written" test -s "$T_TMP/md/r.md"
nlinks=$(check_links "$T_TMP/md/r.md")
check "every linked picture is an SVG beside the document" test -n "$nlinks"
run deps --dataset $ds --list all --format json
nrows=$(json_get 'len(d["minerals"])')
nsingle=$(json_get 'sum(1 for r in d["minerals"] if r["single_source"])')
check "$((4 + nsingle)) pictures: 2 charts, the overview, one per single-source dependency (got $nlinks)" \
  test "$nlinks" = "$((3 + nsingle))"
check "no other file beside it" test "$(ls "$T_TMP/md" | wc -l)" -eq $((4 + nsingle))
for h in "# Critical-mineral dependencies of United States" "## Summary" "## Net import reliance" \
  "## Who supplies what" "## Overview" "## Critical dependencies" "## Dependencies" "## Concentration" \
  "## Chokepoints" "## Sources"; do
  check "heading '$h'" grep -qx -- "$h" "$T_TMP/md/r.md"
done
check "no coalition without --allies" bash -c "! grep -q '^## Coalition' '$T_TMP/md/r.md'"
check "summary counts $nsingle single-source" grep -q "($nsingle of $nrows minerals" "$T_TMP/md/r.md"
got=$(/usr/bin/python3 - "$T_TMP/md/r.md" <<'PY'
import sys
part = open(sys.argv[1]).read().split("\n## Dependencies\n")[1].split("\n## ")[0]
rows = [l for l in part.splitlines() if l.startswith("|")]
print(len(rows) - 2)  # the header and the |---| rule
PY
)
check "deps table has $nrows rows (got $got)" test "$got" = "$nrows"
# the sources section names every edition of the dataset file
/usr/bin/python3 - "$CN_SRC/datasets/$ds.json" "$T_TMP/md/r.md" <<'PY' && ok || bad "sources section"
import json, sys
d = json.load(open(sys.argv[1]))
md = open(sys.argv[2]).read().split("\n## Sources\n")[1]
for s in d["sources"]:
    assert s.get("edition", s["title"]) in md.replace("\\", ""), s
PY
# the top source, its share and the HHI per mineral, from the dataset file: minerals whose USA supplies edges
# are one period with a known share for every named country
/usr/bin/python3 - "$CN_SRC/datasets/$ds.json" "$T_TMP/md/r.md" <<'PY' && ok || bad "deps values against the dataset"
import json, sys
d = json.load(open(sys.argv[1]))
part = open(sys.argv[2]).read().split("\n## Dependencies\n")[1].split("\n## ")[0]
rows = [l.split("|")[1:-1] for l in part.splitlines() if l.startswith("|")]
head = [c.strip() for c in rows[0]]
table = {r[0].strip(): dict(zip(head, (c.strip() for c in r))) for r in rows[2:]}
by = {}
for e in d["edges"]:
    if e["kind"] == "supplies" and e.get("consumer") == "USA":
        by.setdefault(e["mineral"], []).append(e)
checked = 0
for m, es in by.items():
    named = [e for e in es if e.get("country") and e["country"] != "*other*"]
    known = [e for e in es if e.get("country") != "*other*"]  # an unnamed supplier (null) counts in the HHI
    if m not in table or len({e.get("period") for e in es}) != 1 or not named or any(e.get("share") is None for e in known):
        continue
    top = max(known, key=lambda e: e["share"])
    if sum(1 for e in known if e["share"] == top["share"]) > 1:
        continue  # a tie: the order is critnet's rule, not checked here
    row = table[m]
    pct = top["share"] * 100
    want = "%.0f%%" % pct if abs(pct - round(pct)) < 1e-9 else "%.1f%%" % pct
    hhi = sum(e["share"] ** 2 for e in known)  # the Herfindahl index of the import shares
    assert row["TOP"] == (top["country"] or "(unnamed)"), (m, row["TOP"], top["country"])
    assert row["SHARE"] == want, (m, row["SHARE"], want)
    assert abs(float(row["HHI"]) - hhi) < 5e-5, (m, row["HHI"], hhi)
    checked += 1
assert checked >= 5, checked
print("checked", checked, "minerals", file=sys.stderr)
PY

# --allies adds the coalition: MCS 2020 graphite, Canada 16% + Mexico 24% = at least 40% of U.S. imports
run report --dataset $ds --allies CAN,mexico -o "$T_TMP/allies.md"
expect_rc 0
check "-o FILE.md picks Markdown" grep -qx "## Coalition" "$T_TMP/allies.md"
check "coalition graphite row" grep -Eq '^\| graphite +\| +>=40%' "$T_TMP/allies.md"
check "allies: pictures valid" test -n "$(check_links "$T_TMP/allies.md")"

# -o DIR with --format md gets DIR/report.md and report-*.svg; a name with a space is a %20 link
mkdir -p "$T_TMP/dir" "$T_TMP/with space"
run report --dataset $ds --format md -o "$T_TMP/dir"
expect_rc 0
check "DIR/report.md" test -s "$T_TMP/dir/report.md"
check "DIR/report-overview.svg" test -s "$T_TMP/dir/report-overview.svg"
run report --dataset $ds -o "$T_TMP/with space/my report.md"
expect_rc 0
check "link with a space" grep -q '](my%20report-nir.svg)' "$T_TMP/with space/my report.md"
check "links valid (space)" test -n "$(check_links "$T_TMP/with space/my report.md")"

# usage: md needs a file; the extension must agree with --format
run report --dataset $ds --format md
expect_rc 64
expect_err "give -o FILE.md or -o DIR"
run report --dataset $ds --format md -o "$T_TMP/x.html"
expect_rc 64
run report --dataset $ds --format pdf -o "$T_TMP/x.md"
expect_rc 64
run report --dataset $ds -o "$T_TMP/x.txt"
expect_rc 64
# an SVG that cannot be created: exit 73, the document not written
mkdir -p "$T_TMP/ro/r-nir.svg"
run report --dataset $ds -o "$T_TMP/ro/r.md"
expect_rc 73
check "no document when a picture fails" test ! -e "$T_TMP/ro/r.md"
finish
