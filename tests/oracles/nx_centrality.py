#!/usr/bin/python3
# tests/oracles/nx_centrality.py: the independent oracle for `critnet centrality` and `critnet projection`.
# Builds the graph itself (from the native JSON or an edge list, by the rules of docs/measures-network.md),
# computes every measure with networkx / numpy, runs critnet and compares to 1e-9.
# usage: nx_centrality.py CRITNET (--dataset NAME --json FILE | --edges CSV) [--kinds K,..] [--weights W]
#        [--projection SIDE] [--bipartite-normalized] [--random N_TOP N_BOT P SEED OUT.csv]
import argparse
import csv
import json
import math
import random
import subprocess
import sys

import networkx as nx
import numpy as np

TOL = 1e-9


def graph_from_json(path, kinds):
    d = json.load(open(path))
    G = nx.Graph()
    ctype = {}
    for c in d["countries"]:
        G.add_node(c["id"])
        ctype[c["id"]] = 0
    for m in d["minerals"]:
        G.add_node(m["id"])
        ctype[m["id"]] = 1
    for e in d["edges"]:
        if e["kind"] not in kinds:
            continue
        c = e["consumer"] if e["kind"] == "relies" else e.get("country")
        if c is None or c.startswith("*"):
            continue
        s = e.get("share")
        m = e["mineral"]
        if G.has_edge(c, m):
            old = G[c][m]["share"]
            if s is not None and (old is None or s > old):
                G[c][m]["share"] = s
        else:
            G.add_edge(c, m, share=s)
    return G, ctype


def graph_from_edges(path):
    G = nx.Graph()
    ctype = {}
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    for r in rows[1:]:
        c, m = r[0].strip(), r[1].strip()
        s = float(r[2]) if len(r) > 2 and r[2].strip() else None
        ctype[c] = 0
        ctype[m] = 1
        G.add_edge(c, m, share=s)
    return G, ctype


def weighted_view(G, weighted):
    """the graph the measures run on: unknown/zero shares left out when weighted"""
    H = nx.Graph()
    H.add_nodes_from(G.nodes())
    for a, b, data in G.edges(data=True):
        s = data["share"]
        if weighted and not (s is not None and s > 0):
            continue
        w = s if weighted else 1.0
        H.add_edge(a, b, w=w, length=1.0 / w)
    return H


def projection(G, ctype, side):
    P = nx.Graph()
    nodes = [v for v in G if ctype[v] == side]
    P.add_nodes_from(nodes)
    for a in nodes:
        for b in nodes:
            if a >= b:
                continue
            shared = set(G[a]) & set(G[b])
            if not shared:
                continue
            mins = [None if G[a][x]["share"] is None or G[b][x]["share"] is None
                    else min(G[a][x]["share"], G[b][x]["share"]) for x in shared]
            P.add_edge(a, b, shared=len(shared), share=None if None in mins else sum(mins))
    return P


def per_component(H, fn):
    out = {v: 0.0 for v in H}
    for comp in nx.connected_components(H):
        if len(comp) < 2:
            continue
        out.update(fn(H.subgraph(comp)))
    return out


def eigen(S, weighted):
    """leading eigenvector of the (weighted) adjacency matrix: networkx's for larger components, a dense
    LAPACK eigh for small ones (scipy's ARPACK needs k < N - 1)"""
    if S.number_of_nodes() > 3:
        x = nx.eigenvector_centrality_numpy(S, weight="w" if weighted else None)
    else:
        nodes = list(S)
        A = nx.to_numpy_array(S, nodelist=nodes, weight="w" if weighted else None)
        val, vec = np.linalg.eigh(A)
        x = dict(zip(nodes, vec[:, -1]))
    mx = max(abs(v) for v in x.values())
    return {k: abs(v) / mx for k, v in x.items()}


def hits_svd(S, ctype, weighted):
    """hub/authority of the country -> mineral digraph: the leading singular vectors of the biadjacency"""
    cs = sorted(v for v in S if ctype[v] == 0)
    ms = sorted(v for v in S if ctype[v] == 1)
    B = np.zeros((len(cs), len(ms)))
    for i, c in enumerate(cs):
        for j, m in enumerate(ms):
            if S.has_edge(c, m):
                B[i, j] = S[c][m]["w"] if weighted else 1.0
    u, s, vt = np.linalg.svd(B)
    hub, auth = np.abs(u[:, 0]), np.abs(vt[0, :])
    out = {}
    for i, c in enumerate(cs):
        out[c] = hub[i] / hub.max()
    for j, m in enumerate(ms):
        out[m] = auth[j] / auth.max()
    return out


def oracle(G, ctype, weighted, proj, bipn):
    if proj is not None:
        P = projection(G, ctype, proj)
        H = nx.Graph()
        H.add_nodes_from(P.nodes())
        for a, b, d in P.edges(data=True):
            w = d["share"] if weighted else 1.0
            if weighted and not (w is not None and w > 0):
                continue
            H.add_edge(a, b, w=w, length=1.0 / w)
    else:
        H = weighted_view(G, weighted)
    n = H.number_of_nodes()
    wt = "w" if weighted else None
    ln = "length" if weighted else None
    res = {v: {} for v in H}
    top = [v for v in H if ctype[v] == 0]
    if bipn:
        deg = nx.bipartite.degree_centrality(H, top)
        bet = nx.bipartite.betweenness_centrality(H, top)
        clo = nx.bipartite.closeness_centrality(H, top)
    else:
        deg = dict(H.degree())
        bet = nx.betweenness_centrality(H, weight=ln, normalized=True)
        clo = nx.closeness_centrality(H, distance=ln)
    stren = dict(H.degree(weight=wt))
    har = nx.harmonic_centrality(H, distance=ln)
    pr = nx.pagerank(H, alpha=0.85, weight=wt, tol=1e-15, max_iter=100000)
    ev = per_component(H, lambda S: eigen(S, weighted))
    for v in H:
        r = res[v]
        r["degree"] = deg[v]
        r["strength"] = stren[v]
        r["betweenness"] = bet[v]
        r["closeness"] = clo[v]
        r["harmonic"] = har[v] / (n - 1) if n > 1 else 0.0
        r["pagerank"] = pr[v]
        r["eigenvector"] = ev[v]
    if proj is None:
        hub = per_component(H, lambda S: hits_svd(S, ctype, weighted))
        for v in H:
            res[v]["hub"] = hub[v]
    return res, H


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("critnet")
    ap.add_argument("--dataset")
    ap.add_argument("--json")
    ap.add_argument("--edges")
    ap.add_argument("--kinds", default="produces,supplies,relies")
    ap.add_argument("--weights", default="none")
    ap.add_argument("--projection")
    ap.add_argument("--bipartite-normalized", action="store_true")
    ap.add_argument("--random", nargs=5)
    a = ap.parse_args()
    if a.random:
        nt, nb, p, seed, out = int(a.random[0]), int(a.random[1]), float(a.random[2]), int(a.random[3]), a.random[4]
        rng = random.Random(seed)
        B = nx.bipartite.random_graph(nt, nb, p, seed=seed)
        with open(out, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["country", "mineral", "share"])
            # shares of a mineral sum to at most 1 (the edge-list reader validates them): each drawn in
            # [0.01, 1] divided by the mineral's degree
            deg = {v: B.degree(v) for v in B.nodes()}
            for u, v in sorted(B.edges()):
                c, m = (u, v) if u < nt else (v, u)
                w.writerow([f"c{c}", f"m{m - nt}", repr(rng.uniform(0.01, 1.0) / deg[m])])
        a.edges = out
    if a.edges:
        G, ctype = graph_from_edges(a.edges)
        src = ["--data", a.edges]
    else:
        G, ctype = graph_from_json(a.json, a.kinds.split(","))
        src = ["--dataset", a.dataset, "--kinds", a.kinds]
    weighted = a.weights == "share"
    proj = {"countries": 0, "minerals": 1}.get(a.projection)
    cmd = [a.critnet, "centrality", "--format", "json", "--weights", a.weights] + src
    if a.projection:
        cmd += ["--projection", a.projection]
    if a.bipartite_normalized:
        cmd += ["--bipartite-normalized"]
    out = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
    want, H = oracle(G, ctype, weighted, proj, a.bipartite_normalized)
    bad = 0
    got = {r["id"]: r for r in out["rows"]}
    if set(got) != set(want):
        print("vertex sets differ:", sorted(set(got) ^ set(want)))
        return 1
    if out["edges"] != H.number_of_edges():
        print("edge count", out["edges"], "expected", H.number_of_edges())
        bad += 1
    if out["components"] != nx.number_connected_components(H):
        print("components", out["components"], "expected", nx.number_connected_components(H))
        bad += 1
    checked = 0
    for v, meas in want.items():
        for k, x in meas.items():
            y = got[v][k]
            checked += 1
            if y is None or not math.isclose(x, y, rel_tol=0, abs_tol=TOL):
                print(f"{v} {k}: critnet {y}, networkx {x}")
                bad += 1
    # projections: shared-neighbour counts and min-share sums
    if proj is not None:
        cmdp = [a.critnet, "projection", "--onto", a.projection, "--format", "json"] + src
        pj = json.loads(subprocess.run(cmdp, check=True, capture_output=True, text=True).stdout)
        P = projection(G, ctype, proj)
        gotp = {tuple(sorted((e["a"], e["b"]))): e for e in pj["edges"]}
        wantp = {tuple(sorted((a_, b_))): d for a_, b_, d in P.edges(data=True)}
        if set(gotp) != set(wantp):
            print("projection edges differ:", sorted(set(gotp) ^ set(wantp))[:10])
            bad += 1
        for k, d in wantp.items():
            e = gotp.get(k)
            if not e:
                continue
            checked += 2
            if e["shared"] != d["shared"]:
                print(k, "shared", e["shared"], d["shared"])
                bad += 1
            if (d["share"] is None) != (e["min_share"] is None) or (
                    d["share"] is not None and abs(d["share"] - e["min_share"]) > TOL):
                print(k, "min_share", e["min_share"], d["share"])
                bad += 1
    print(f"{checked} values checked, {bad} mismatches ({len(want)} vertices, {H.number_of_edges()} edges)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
