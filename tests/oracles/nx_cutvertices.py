#!/usr/bin/python3
# tests/oracles/nx_cutvertices.py: oracle for the articulation points and bridges `critnet chokepoints` reports:
# networkx on the undirected bipartite network built independently from the native JSON (all edge kinds).
# usage: nx_cutvertices.py CRITNET_JSON_OUTPUT DATA.json  (exit 0 when both sets agree)
import json
import os
import sys

import networkx as nx

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nx_centrality import graph_from_json  # noqa: E402

out = json.load(open(sys.argv[1]))
G, _ = graph_from_json(sys.argv[2], ["produces", "supplies", "relies"])
want_ap = sorted(nx.articulation_points(G))
want_br = sorted(tuple(sorted(e)) for e in nx.bridges(G))
got_ap = sorted(out["articulation_points"])
got_br = sorted(tuple(sorted(b)) for b in out["bridges"])
ok = want_ap == got_ap and want_br == got_br
if not ok:
    print("articulation points: critnet", got_ap, "networkx", want_ap)
    print("bridges: critnet", got_br, "networkx", want_br)
print(f"{len(want_ap)} articulation points, {len(want_br)} bridges: {'ok' if ok else 'MISMATCH'}")
sys.exit(0 if ok else 1)
