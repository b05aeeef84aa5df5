#!/usr/bin/python3
# tests/oracles/robustness_oracle.py: the robustness curves and R, computed from the definition with networkx
# (connected components of the remaining graph, supply left per mineral), independent of critnet:
#   robustness_oracle.py NET.json [CONSUMER]               exact expectation over every order (N <= 8)
#   robustness_oracle.py NET.json [CONSUMER] --seeded S R  the random strategy's R orders from seed S
# The graph: supplier countries and minerals joined by produces edges (or by the consumer's supplies edges, and
# then the consumer joined to each mineral); "*other*" is supplied but is not a node and is never removed;
# supply(Q) = mean over minerals of the share left / the share at the start; lcc(Q) = largest component / nodes
# at the start; R = (1/N) sum_{Q=1..N}. Every order: prints "R_supply R_lcc" (means over the N! orders) and the
# standard deviation of R_supply over the orders. Seeded: the same orders as critnet's (splitmix64 seeded with S,
# Fisher-Yates over the suppliers sorted by id, docs/risk.md), each state recomputed after every removal; prints
# "q supply lcc" per Q = 0..N (means over the runs), then "R r_supply r_lcc".
import itertools, json, statistics, sys
import networkx as nx

d = json.load(open(sys.argv[1], encoding="utf-8"))
args = sys.argv[2:]
seeded = None
if "--seeded" in args:
    i = args.index("--seeded")
    seeded = int(args[i + 1]), int(args[i + 2])
    del args[i:i + 3]
consumer = args[0] if args else None
kind = "supplies" if consumer else "produces"
allx = [(e["country"], e["mineral"], e["share"]) for e in d["edges"]
        if e["kind"] == kind and (not consumer or e["consumer"] == consumer) and e["share"] > 0]
links = [(c, m, s) for c, m, s in allx if c != "*other*"]
suppliers = sorted({c for c, _, _ in links})
minerals = sorted({m for _, m, _ in links})
total = {m: sum(s for _, mm, s in allx if mm == m) for m in minerals}
nodes0 = len(suppliers) + len(minerals) + (1 if consumer else 0)

def state(gone):
    g = nx.Graph()
    g.add_nodes_from(("m", m) for m in minerals)
    g.add_nodes_from(("c", c) for c in suppliers if c not in gone)
    g.add_edges_from((("c", c), ("m", m)) for c, m, _ in links if c not in gone)
    if consumer:
        g.add_edges_from((("k", consumer), ("m", m)) for m in minerals)
    left = {m: total[m] - sum(s for c, mm, s in links if mm == m and c in gone) for m in minerals}
    supply = sum(left[m] / total[m] for m in minerals) / len(minerals)
    return supply, max(len(cc) for cc in nx.connected_components(g)) / nodes0

def splitmix64(x):
    M = (1 << 64) - 1
    x = (x + 0x9E3779B97F4A7C15) & M
    z = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    return x, z ^ (z >> 31)

n = len(suppliers)
if seeded:
    rng, runs = seeded
    sums = [[0.0, 0.0] for _ in range(n + 1)]
    r_s = r_l = 0.0
    for _ in range(runs):
        order = list(suppliers)
        for i in range(n - 1, 0, -1):
            rng, z = splitmix64(rng)
            j = z % (i + 1)
            order[i], order[j] = order[j], order[i]
        curve = [state(set(order[:q])) for q in range(n + 1)]
        for q, (s, l) in enumerate(curve):
            sums[q][0] += s
            sums[q][1] += l
        r_s += sum(s for s, _ in curve[1:]) / n
        r_l += sum(l for _, l in curve[1:]) / n
    for q, (s, l) in enumerate(sums):
        print(q, repr(s / runs), repr(l / runs))
    print("R", repr(r_s / runs), repr(r_l / runs))
    sys.exit(0)

rs, rl = [], []
for order in itertools.permutations(suppliers):
    curve = [state(set(order[:q])) for q in range(1, n + 1)]
    rs.append(sum(s for s, _ in curve) / n)
    rl.append(sum(l for _, l in curve) / n)
print(repr(statistics.fmean(rs)), repr(statistics.fmean(rl)), repr(statistics.pstdev(rs)))
