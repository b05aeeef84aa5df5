#!/usr/bin/python3
# tests/oracles/robustness_oracle.py: the expected robustness R under random removal, computed exactly from the
# definition with networkx (connected components) over every order of the suppliers, independent of critnet:
#   robustness_oracle.py NET.json [CONSUMER]
# The graph: supplier countries and minerals joined by produces edges (or by the consumer's supplies edges, and
# then the consumer joined to each mineral); supply(Q) = mean over minerals of the share left / the share at the
# start; lcc(Q) = largest component / nodes at the start; R = (1/N) sum_{Q=1..N}. Prints "R_supply R_lcc" (means
# over the N! orders) and the standard deviation of R_supply over the orders. For small test networks (N <= 8).
import itertools, json, statistics, sys
import networkx as nx

d = json.load(open(sys.argv[1], encoding="utf-8"))
consumer = sys.argv[2] if len(sys.argv) > 2 else None
kind = "supplies" if consumer else "produces"
links = [(e["country"], e["mineral"], e["share"]) for e in d["edges"]
         if e["kind"] == kind and (not consumer or e["consumer"] == consumer)]
suppliers = sorted({c for c, _, _ in links})
minerals = sorted({m for _, m, _ in links})
total = {m: sum(s for _, mm, s in links if mm == m) for m in minerals}
nodes0 = len(suppliers) + len(minerals) + (1 if consumer else 0)

def state(gone):
    g = nx.Graph()
    g.add_nodes_from(("m", m) for m in minerals)
    g.add_nodes_from(("c", c) for c in suppliers if c not in gone)
    g.add_edges_from((("c", c), ("m", m)) for c, m, _ in links if c not in gone)
    if consumer:
        g.add_edges_from((("k", consumer), ("m", m)) for m in minerals)
    left = {m: sum(s for c, mm, s in links if mm == m and c not in gone) for m in minerals}
    supply = sum(left[m] / total[m] for m in minerals) / len(minerals)
    return supply, max(len(cc) for cc in nx.connected_components(g)) / nodes0

rs, rl = [], []
n = len(suppliers)
for order in itertools.permutations(suppliers):
    curve = [state(set(order[:q])) for q in range(1, n + 1)]
    rs.append(sum(s for s, _ in curve) / n)
    rl.append(sum(l for _, l in curve) / n)
print(repr(statistics.fmean(rs)), repr(statistics.fmean(rl)), repr(statistics.pstdev(rs)))
