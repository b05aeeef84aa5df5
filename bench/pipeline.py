#!/usr/bin/python3
# bench/pipeline.py: the pandas + networkx / pandas + python-igraph side of bench/run, the same pipeline as
# bench/pipeline.c: load a BACI file, per-product exporter HHI (value shares), the bipartite exporter-product
# network, PageRank (weights: shared products) on its country projection. Prints each step's seconds and peak RSS.
# usage: pipeline.py nx|igraph FILE.csv
import resource, sys, time

mode, path = sys.argv[1], sys.argv[2]
c0, w0 = time.process_time(), time.perf_counter()
cstart, wstart = c0, w0


def step(name):
    global c0, w0
    c, w = time.process_time(), time.perf_counter()
    print(f"step {name} {c - c0:.3f} cpu {w - w0:.3f} wall", flush=True)
    c0, w0 = c, w


import pandas as pd
if mode == 'nx':
    import networkx as nx
    from networkx.algorithms import bipartite
else:
    import igraph as ig
c0, w0 = time.process_time(), time.perf_counter()
cstart, wstart = c0, w0
df = pd.read_csv(path, dtype={'t': 'int16', 'i': 'int32', 'j': 'int32', 'k': str, 'v': 'float64', 'q': 'float64'},
                 na_values=['NA'], keep_default_na=False)
step('load')
ex = df.groupby(['k', 'i'], sort=False)['v'].sum()
share = ex / ex.groupby(level=0).transform('sum')
hhi = (share * share).groupby(level=0).sum()
step('hhi')
ks = ex.index.get_level_values(0).to_numpy()
es = ex.index.get_level_values(1).to_numpy()
if mode == 'nx':
    G = nx.Graph()
    exporters = sorted(set(es.tolist()))
    G.add_nodes_from(exporters, bipartite=0)
    G.add_nodes_from(('p' + k for k in set(ks.tolist())), bipartite=1)
    G.add_edges_from(zip(es.tolist(), ('p' + k for k in ks.tolist())))
    step('bipartite')
    P = bipartite.weighted_projected_graph(G, exporters)
    pr = nx.pagerank(P, weight='weight')
    top = max(sorted(pr), key=lambda v: pr[v])
    npe = P.number_of_edges()
else:
    exporters, eix = pd.factorize(es)[1], pd.factorize(es)[0]
    pix = pd.factorize(ks)[0]
    ne = len(exporters)
    g = ig.Graph(n=ne + int(pix.max()) + 1, edges=list(zip(eix.tolist(), (pix + ne).tolist())))
    g.vs['type'] = [False] * ne + [True] * (g.vcount() - ne)
    step('bipartite')
    P = g.bipartite_projection(types='type', multiplicity=True, which=0)
    prl = P.pagerank(weights='weight')
    best = max(range(len(prl)), key=lambda v: prl[v])
    top, npe = exporters[best], P.ecount()
    pr = dict(zip(exporters.tolist(), prl))
step('pagerank')
print(f"rows {len(df)} products {len(hhi)} countries {len(exporters)} projection_edges {npe}")
print(f"mean_hhi {hhi.mean():.6f} top_pagerank_code {top} {pr[top]:.6f}")
print(f"step total {time.process_time() - cstart:.3f} cpu {time.perf_counter() - wstart:.3f} wall")
print(f"peak_rss_mb {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f}")
