#!/bin/bash
# tests/cli/test_export_graphml.sh: `critnet export --format graphml` (igraph's writer) read back with
# python3-networkx: vertex and edge counts and attributes against the native JSON export, read by python3.
. "$(dirname "$0")/lib.sh"
for ds in us-mcs2020 us-mcs2024; do
  run export --dataset $ds
  printf '%s\n' "$OUT" >"$T_TMP/$ds.json"
  run export --dataset $ds --format graphml -o "$T_TMP/$ds.graphml"
  expect_rc 0
  run export --dataset $ds -o "$T_TMP/by-ext.graphml" # the extension picks GraphML
  check "$ds: -o x.graphml is GraphML" cmp -s "$T_TMP/$ds.graphml" "$T_TMP/by-ext.graphml"
  /usr/bin/python3 - "$T_TMP/$ds.json" "$T_TMP/$ds.graphml" <<'PY' >"$T_TMP/py.out" 2>&1
import json, math, sys
import networkx as nx
d = json.load(open(sys.argv[1]))
g = nx.read_graphml(sys.argv[2])
ids = [c["id"] for c in d["countries"]] + [m["id"] for m in d["minerals"]]
vertex = set(ids)
def ends(e):
    if e["kind"] == "relies":
        return e["mineral"], e["consumer"]
    return e.get("country"), e["mineral"]
kept = [e for e in d["edges"] if all(x in vertex for x in ends(e))]
fail = []
if g.number_of_nodes() != len(ids): fail.append(f"nodes {g.number_of_nodes()} != {len(ids)}")
if g.number_of_edges() != len(kept): fail.append(f"edges {g.number_of_edges()} != {len(kept)}")
if g.graph.get("edges_without_vertex") != len(d["edges"]) - len(kept): fail.append("edges_without_vertex")
by_id = {a["id"]: n for n, a in g.nodes(data=True)}
if sorted(by_id) != sorted(ids): fail.append("vertex ids")
for m in d["minerals"]:
    a = g.nodes[by_id[m["id"]]]
    if a["type"] != "mineral" or a["label"] != m.get("name", m["id"]): fail.append("mineral " + m["id"])
    if a.get("lists", "") != ",".join(m.get("lists", [])): fail.append("lists " + m["id"])
# every supplies figure with a share: the same share on an edge country -> mineral for that consumer
for e in kept:
    if e["kind"] != "supplies" or "share" not in e: continue
    u, v = by_id[e["country"]], by_id[e["mineral"]]
    shares = [a.get("share", math.nan) for a in g.get_edge_data(u, v).values() if a.get("consumer") == e["consumer"] and a["kind"] == "supplies"]
    if not any(abs(s - e["share"]) < 1e-12 for s in shares): fail.append(f"share {e['country']}->{e['mineral']}")
print("\n".join(fail) if fail else "ok")
sys.exit(1 if fail else 0)
PY
  check "$ds: networkx reads counts and attributes back" test "$(cat "$T_TMP/py.out")" = ok || cat "$T_TMP/py.out" >&2
done
run export --format bogus
expect_rc 64
finish
