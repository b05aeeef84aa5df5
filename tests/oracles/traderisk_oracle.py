#!/usr/bin/python3
# tests/oracles/traderisk_oracle.py: systemic trade risk (Klimek et al. 2015) recomputed from the definition with
# numpy and networkx, independent of critnet: traderisk_oracle.py NET.json WGI.csv YEAR MINERAL [DAMPING]
# V_ij = share of j's imports from i * (2.5 - pv_i) / 5 (clamped to [0,1]); prints the largest |eigenvalue| of V
# (numpy.linalg.eigvals), the size of the largest strongly connected component of i -> j where V_ij > 0
# (networkx), then "COUNTRY direct traderisk" per importer, x = (I - a V^T)^-1 d, d_j = sum_i V_ij.
import csv, json, sys
import networkx as nx
import numpy as np

net, wgi_path, year, mineral = sys.argv[1:5]
a = float(sys.argv[5]) if len(sys.argv) > 5 else 0.85
pv = {r["iso3"]: float(r["pv"]) for r in csv.DictReader(open(wgi_path)) if int(r["year"]) == int(year) and r["pv"]}
d = json.load(open(net))
links = [(e["country"], e["consumer"], e["share"]) for e in d["edges"]
         if e["kind"] == "supplies" and e["mineral"] == mineral and e["country"] in pv]
names = sorted({c for i, j, _ in links for c in (i, j)})
ix = {c: k for k, c in enumerate(names)}
V = np.zeros((len(names), len(names)))
for i, j, s in links:
    V[ix[i], ix[j]] += s * min(1.0, max(0.0, (2.5 - pv[i]) / 5))
print(repr(float(max(abs(np.linalg.eigvals(V))))))
g = nx.DiGraph()
g.add_nodes_from(names)
g.add_edges_from((names[i], names[j]) for i, j in zip(*np.nonzero(V)))
print(max(len(c) for c in nx.strongly_connected_components(g)))
dd = V.sum(axis=0)
x = np.linalg.solve(np.eye(len(names)) - a * V.T, dd)
for k, c in enumerate(names):
    if dd[k] > 0:
        print(c, repr(float(dd[k])), repr(float(x[k])))
