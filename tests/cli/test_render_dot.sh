#!/bin/bash
# tests/cli/test_render_dot.sh: the DOT `critnet render` writes by default is piped into command-line `dot`, as
# users do, for every built-in dataset (and the 2018 and 2022 lists of the U.S. ones): `dot` must exit 0 with
# nothing on stderr (Graphviz 2.42/2.43 printed "lost ... edge" / "Pshortestpath failed" and exited 1 on the
# overview while its shares were edge labels), draw every node and edge the DOT declares, and the title once
# (not repeated in every cluster). critnet's own SVG, PNG and PDF of the same views fit one A4 page. The default
# rule: more than 8 minerals of one consumer's imports get the overview, 8 or fewer the full diagram, checked
# on files cut from datasets/us-mcs2020.json by python3.
. "$(dirname "$0")/lib.sh"
cd "$T_TMP" || exit 1
command -v dot >/dev/null || { echo "dot (graphviz) not installed"; exit 1; }

# dot_check FILE.dot FILE.svg: every node and edge of the DOT drawn by dot, the title text once
dot_check() {
  /usr/bin/python3 - "$1" "$2" <<'PY'
import re, sys, xml.etree.ElementTree as ET
NS = "{http://www.w3.org/2000/svg}"
dot = open(sys.argv[1]).read()
root = ET.parse(sys.argv[2]).getroot()
# declared in the DOT: node statements '\t"id"\t[...]' and edges '"a" -> "b" [...]' (invisible ones not drawn)
want_edges = {(a, b) for a, b, attrs in re.findall(r'^\s*"([^"]+)" -> "([^"]+)"\s*(\[[^\]]*\])?', dot, re.M)
              if "style=invis" not in attrs}
want_nodes = set(re.findall(r'^\s*"([^"]+)"\s*\[', dot, re.M)) | {n for e in want_edges for n in e}
got_nodes, got_edges = set(), set()
for g in root.iter(NS + "g"):
    t = g.find(NS + "title")
    if g.get("class") == "node":
        got_nodes.add(t.text)
    elif g.get("class") == "edge":
        got_edges.add(tuple(t.text.split("->")))
assert want_nodes == got_nodes, ("nodes", sorted(want_nodes ^ got_nodes)[:5])
assert want_edges == got_edges, ("edges", sorted(want_edges ^ got_edges)[:5])
text = [t.text or "" for t in root.iter(NS + "text")]
n = sum("each mineral under its top import source" in s for s in text)
assert n == 1, ("title drawn %d times" % n)
print("%d nodes, %d edges" % (len(got_nodes), len(got_edges)), file=sys.stderr)
PY
}
# a4_check FILE.svg: the page fits 8.1 x 11.5 in
a4_check() {
  /usr/bin/python3 - "$1" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
w, h = (float(root.get(k).rstrip("pt")) for k in ("width", "height"))
assert w <= 8.1 * 72 + 1 and h <= 11.5 * 72 + 1, (w, h)
PY
}
pdf_a4() { # the PDF's page (MediaBox) within A4, 595 x 842 pt
  /usr/bin/python3 - "$1" <<'PY'
import re, sys
b = open(sys.argv[1], "rb").read()
assert b[:5] == b"%PDF-", b[:5]
w, h = (float(x) for x in re.search(rb"/MediaBox \[\s*0 0 ([0-9.]+) ([0-9.]+)", b).groups())
assert w <= 595 and h <= 842, (w, h)
PY
}

datasets=$("$CRITNET" datasets --format csv | tail -n +2 | cut -d, -f1)
check "the built-in datasets are listed" test "$(wc -w <<<"$datasets")" -ge 6
for ds in $datasets; do
  lists=""
  case $ds in us-*) lists="2018 2022" ;; esac
  for l in all $lists; do
    what="$ds --list $l"
    run render --dataset "$ds" --list "$l"
    expect_rc 0
    expect_out 'each mineral under its top import source' # the overview is the default here
    printf '%s\n' "$OUT" >v.dot
    dot -Tsvg v.dot >v.svg 2>v.err
    check "$what: dot exits 0 (got $?)" test "$?" -eq 0
    check "$what: dot prints nothing on stderr ($(head -c 200 v.err))" test ! -s v.err
    check "$what: dot draws every node and edge, the title once" dot_check v.dot v.svg
    run render --dataset "$ds" --list "$l" -o own.svg
    expect_rc 0
    check "$what: critnet's SVG fits A4" a4_check own.svg
  done
  run render --dataset "$ds" -o own.png
  expect_rc 0
  size=$(/usr/bin/python3 -c 'import struct,sys; b=open(sys.argv[1],"rb").read(); print("%d %d" % struct.unpack(">II", b[16:24]))' own.png)
  check "$ds: PNG within A4 at 96 dpi ($size)" test "${size% *}" -le 778 -a "${size#* }" -le 1104
  run render --dataset "$ds" -o own.pdf
  expect_rc 0
  check "$ds: PDF page within A4" pdf_a4 own.pdf
done

# the default rule, on files of k minerals cut from a dataset (each with a figure for USA)
cut_file() { # cut_file K OUT.json
  /usr/bin/python3 - "$CN_SRC/datasets/us-mcs2020.json" "$1" "$2" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
k = int(sys.argv[2])
usa = []
for e in d["edges"]:
    if e.get("consumer") == "USA" and e["mineral"] not in usa:
        usa.append(e["mineral"])
keep = set(usa[:k])
assert len(keep) == k, len(keep)
d["minerals"] = [m for m in d["minerals"] if m["id"] in keep]
d["edges"] = [e for e in d["edges"] if e["mineral"] in keep]
json.dump(d, open(sys.argv[3], "w"))
PY
}
cut_file 8 m8.json
cut_file 9 m9.json
run render --data m8.json
expect_rc 0
expect_out '"consumer:USA"' # 8 minerals: the full diagram
check "8 minerals: no overview" test "$(grep -c 'each mineral under its top import source' <<<"$OUT")" -eq 0
run render --data m9.json
expect_rc 0
expect_out 'each mineral under its top import source' # 9: the overview
check "9 minerals: no consumer node" test "$(grep -c '"consumer:USA"' <<<"$OUT")" -eq 0
run render --data m9.json --full
expect_rc 0
expect_out '"consumer:USA"'
run render --data m8.json --overview
expect_rc 0
expect_out 'each mineral under its top import source'
# narrowed views and other layers keep the full diagram
run render --dataset us-mcs2020 --top 2
expect_rc 0
expect_out '"consumer:USA"'
run render --dataset us-mcs2020 --layer production
expect_rc 0
check "production layer: no overview" test "$(grep -c 'each mineral under its top import source' <<<"$OUT")" -eq 0
run render --overview --full
expect_rc 64
expect_one_line_err
expect_err "--overview and --full"
finish
