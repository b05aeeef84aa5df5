#!/bin/bash
# tests/cli/test_export_gexf.sh: `critnet export --format gexf` (GEXF 1.3 through libxml2) read back with
# python3-networkx's read_gexf: vertex and edge counts and every attribute of every figure against the native JSON
# export, read by python3 alone; the GEXF 1.3 namespace; -o x.gexf picks the format; hostile strings stay
# well-formed XML.
. "$(dirname "$0")/lib.sh"
for ds in us-mcs2020 us-latest; do
  run export --dataset $ds
  printf '%s\n' "$OUT" >"$T_TMP/$ds.json"
  run export --dataset $ds --format gexf -o "$T_TMP/$ds.gexf"
  expect_rc 0
  run export --dataset $ds -o "$T_TMP/by-ext.gexf" # the extension picks GEXF
  check "$ds: -o x.gexf is GEXF" cmp -s "$T_TMP/$ds.gexf" "$T_TMP/by-ext.gexf"
  /usr/bin/python3 - "$T_TMP/$ds.json" "$T_TMP/$ds.gexf" <<'PY' >"$T_TMP/py.out" 2>&1
import json, math, sys, collections
import xml.etree.ElementTree as ET
import networkx as nx
from networkx.readwrite.gexf import GEXF
# networkx knows GEXF up to 1.2draft (Debian 12: 2.8.8): the 1.3 namespace, read by the same reader
if "1.3" not in GEXF.versions:
    GEXF.versions["1.3"] = dict(GEXF.versions["1.2draft"], NS_GEXF="http://gexf.net/1.3",
                                NS_VIZ="http://gexf.net/1.3/viz", VERSION="1.3",
                                SCHEMALOCATION="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd")
d = json.load(open(sys.argv[1]))
root = ET.parse(sys.argv[2]).getroot()
fail = []
if root.tag != "{http://gexf.net/1.3}gexf" or root.get("version") != "1.3": fail.append("not GEXF 1.3: " + root.tag)
g = nx.read_gexf(sys.argv[2], version="1.3")
ids = [c["id"] for c in d["countries"]] + [m["id"] for m in d["minerals"]]
vertex = set(ids)
def ends(e):
    if e["kind"] == "relies":
        return e["mineral"], e["consumer"]
    return e.get("country"), e["mineral"]
kept = [e for e in d["edges"] if all(x in vertex for x in ends(e))]
if g.number_of_nodes() != len(ids): fail.append(f"nodes {g.number_of_nodes()} != {len(ids)}")
if g.number_of_edges() != len(kept): fail.append(f"edges {g.number_of_edges()} != {len(kept)}")
if sorted(g.nodes) != sorted(ids): fail.append("vertex ids")
for c in d["countries"]:
    a = g.nodes[c["id"]]
    if a["type"] != "country" or a["label"] != c.get("name", c["id"]): fail.append("country " + c["id"])
for m in d["minerals"]:
    a = g.nodes[m["id"]]
    if a["type"] != "mineral" or a["label"] != m.get("name", m["id"]): fail.append("mineral " + m["id"])
    if a.get("lists", "") != ",".join(m.get("lists", [])): fail.append("lists " + m["id"])
    if a.get("stage") != m.get("stage"): fail.append("stage " + m["id"])
desc = root.find("{http://gexf.net/1.3}meta/{http://gexf.net/1.3}description").text
left = len(d["edges"]) - len(kept)
if f" {left} figure" not in desc: fail.append(f"meta description does not count {left} figures left out: {desc}")
# every figure's attributes, as multisets (JSON field -> GEXF attribute title)
fields = [("kind", "kind"), ("consumer", "consumer"), ("share", "share"), ("low", "low"), ("high", "high"),
          ("rank", "rank"), ("year", "year"), ("value", "value"), ("quantity", "quantity"), ("unit", "unit"),
          ("period", "period"), ("text", "text"), ("basis", "basis"), ("source", "source")]
want = collections.Counter((*ends(e), *(e.get(j) for j, _ in fields)) for e in kept)
got = collections.Counter((u, v, *(a.get(t) for _, t in fields)) for u, v, a in g.edges(data=True))
if want != got:
    fail.append(f"edge attributes differ: {len(want - got)} figures missing, e.g. {list((want - got).elements())[:2]}; "
                f"{len(got - want)} unexpected, e.g. {list((got - want).elements())[:2]}")
# Gephi's weight: the share when known (GEXF's default weight, 1, otherwise)
for u, v, a in g.edges(data=True):
    if a.get("share") is not None and a["weight"] != a["share"]: fail.append(f"weight {u}->{v}"); break
print("\n".join(fail) if fail else "ok")
sys.exit(1 if fail else 0)
PY
  check "$ds: networkx reads GEXF 1.3 back: counts and every attribute" test "$(cat "$T_TMP/py.out")" = ok || cat "$T_TMP/py.out" >&2
done
# hostile strings (quotes, <, &, control characters): well-formed XML, names intact
run export --data "$CN_SRC/tests/data/render-hostile.json" --format gexf -o "$T_TMP/hostile.gexf"
expect_rc 0
check "hostile names: well-formed GEXF" /usr/bin/python3 -c "import sys, xml.etree.ElementTree as ET; ET.parse(sys.argv[1])" "$T_TMP/hostile.gexf"
run export --format gexf --format bogus
expect_rc 64
check "unknown format named" grep -q "json (native), graphml or gexf" <<<"$ERR"
finish
