#!/bin/bash
# tests/cli/test_render_overview.sh: `critnet render --overview` (issue 16): the one-page overview. Checked
# against the dataset file read by python3 (datasets/us-mcs2020.json), not against critnet's output: every
# mineral with a figure for USA is drawn and the others are named in the title as not drawn; each drawn
# mineral has exactly one edge in, from its top import source (the largest share, recomputed) labelled with
# that share; the page fits A4 portrait (SVG and PNG) with the text still >= 7 pt once scaled (>= 8 pt for the
# 2018 and 2022 lists of the default dataset).
. "$(dirname "$0")/lib.sh"

svg_check() { # svg_check FILE.svg DATASET.json: the checks above, on the SVG
  /usr/bin/python3 - "$@" <<'PY'
import json, re, sys, xml.etree.ElementTree as ET
NS = "{http://www.w3.org/2000/svg}"
root = ET.parse(sys.argv[1]).getroot()
d = json.load(open(sys.argv[2]))
nodes = {g.find(NS + "title").text for g in root.iter(NS + "g") if g.get("class") == "node"}
edges = {}
for g in root.iter(NS + "g"):
    if g.get("class") == "edge":
        src, dst = g.find(NS + "title").text.split("->")
        texts = [t.text for t in g.iter(NS + "text")]
        edges.setdefault(dst, []).append((src, texts))
text = " ".join(t.text or "" for t in root.iter(NS + "text"))
usa = {}
for e in d["edges"]:
    if e.get("consumer") == "USA":
        usa.setdefault(e["mineral"], []).append(e)
drawn = {n[len("mineral:"):] for n in nodes if n.startswith("mineral:")}
want = set(usa)
assert drawn == want, ("drawn", sorted(drawn ^ want))
for m in d["minerals"]:
    if m["id"] not in want:
        assert re.search(r"\b%s\b" % re.escape(m["id"]), text.split("Not drawn", 1)[1]), ("not named", m["id"])
checked = 0
for m, es in usa.items():
    into = edges.get("mineral:" + m, [])
    assert len(into) == 1, (m, "edges in", into)
    sup = [e for e in es if e["kind"] == "supplies" and e.get("country") != "*other*"]
    if not sup or len({e.get("period") for e in sup}) != 1 or any(e.get("share") is None for e in sup):
        continue
    top = max(sup, key=lambda e: e["share"])
    if not top.get("country") or sum(e["share"] == top["share"] for e in sup) > 1:
        continue
    pct = "%g%%" % round(top["share"] * 100, 1)
    assert into[0][0] == "country:" + top["country"], (m, into[0][0], top["country"])
    assert pct in into[0][1], (m, into[0][1], pct)
    checked += 1
assert checked >= 5, checked
print("checked", checked, file=sys.stderr)
PY
}
page_check() { # page_check FILE.svg [PT]: fits 8.1 x 11.5 in (pt), text >= PT (default 7) after the scaling
  /usr/bin/python3 - "$1" "${2:-7}" <<'PY'
import re, sys, xml.etree.ElementTree as ET
NS = "{http://www.w3.org/2000/svg}"
root = ET.parse(sys.argv[1]).getroot()
w, h = (float(root.get(k).rstrip("pt")) for k in ("width", "height"))
assert w <= 8.1 * 72 + 1 and h <= 11.5 * 72 + 1, (w, h)
scale = float(re.search(r"scale\(([0-9.]+)", root.find(NS + "g").get("transform")).group(1))
small = min(float(t.get("font-size")) for t in root.iter(NS + "text"))
assert small * scale >= float(sys.argv[2]), (small, scale)
print("page %.0fx%.0f pt, smallest text %.1f pt" % (w, h, small * scale), file=sys.stderr)
PY
}

ds=us-mcs2020
run render --overview --dataset $ds -o "$T_TMP/o.svg"
expect_rc 0
check "$ds: minerals, top sources and shares against the dataset" svg_check "$T_TMP/o.svg" "$CN_SRC/datasets/$ds.json"
check "$ds: one A4 page" page_check "$T_TMP/o.svg" 7
for l in 2018 2022; do
  run render --overview --list $l -o "$T_TMP/l$l.svg"
  expect_rc 0
  check "list $l: one A4 page, readable (text >= 8 pt)" page_check "$T_TMP/l$l.svg" 8
  run deps --list $l --format json
  n=$(json_get 'len(d["minerals"])')
  got=$(grep -c '<title>mineral:' "$T_TMP/l$l.svg")
  check "list $l: every one of the $n minerals drawn (got $got)" test "$got" -eq "$n"
  run render --overview --list $l -o "$T_TMP/l$l.png"
  expect_rc 0
  size=$(/usr/bin/python3 -c 'import struct,sys; b=open(sys.argv[1],"rb").read(); print("%d %d" % struct.unpack(">II", b[16:24]))' "$T_TMP/l$l.png")
  check "list $l: PNG within A4 at 96 dpi ($size)" test "${size% *}" -le 778 -a "${size#* }" -le 1104
done
# the DOT has one cluster per top source of two or more minerals, and the singles' cluster
run render --overview --list 2018 --format dot
expect_rc 0
expect_out 'subgraph cluster_0'
expect_out 'Top source of one mineral each'
# usage: the overview is of one consumer's imports
for bad in "--mineral cobalt" "--top 2" "--layer production" "--restrict CHN:graphite" "--country CHN"; do
  run render --overview $bad
  expect_rc 64
  expect_err "overview draws the imports of one consumer"
done
finish
