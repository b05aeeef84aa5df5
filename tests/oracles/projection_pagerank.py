#!/usr/bin/python3
"""tests/oracles/projection_pagerank.py: the oracle for PageRank, degree, edges and components of the one-mode
projections of a BACI table's exporter-product graph, computed with networkx from the CSV alone (not from
critnet's output). Usage:
    projection_pagerank.py gen FILE CN_SRC SEED NCOUNTRIES NPRODUCTS  writes a one-year BACI table
    projection_pagerank.py oracle FILE CN_SRC countries|minerals  prints '#edges E', '#components C', then
                                                                   'id degree pagerank' per vertex
Every country of the year's flows is a vertex (an importer that never exports is isolated); a product is a
vertex when someone exports it (hs:CODE, no code here is in datasets/hs_minerals.csv)."""
import csv
import random
import sys

import networkx as nx


def gen(path, src, seed, ncountries, nproducts):
    rnd = random.Random(seed)
    codes, seen = [], set()
    with open(src + '/datasets/baci/country_codes_V202201.csv', encoding='latin-1') as f:
        for r in csv.reader(f):
            if r[0].isdigit() and len(r[4]) == 3 and r[4].isalpha() and r[4] not in seen:
                seen.add(r[4])
                codes.append(int(r[0]))
    rnd.shuffle(codes)
    codes = codes[:ncountries + 2]
    exporters, lonely, importer_only = codes[:ncountries], codes[ncountries], codes[ncountries + 1]
    with open(path, 'w') as f:
        f.write('t,i,j,k,v,q\n')
        for p in range(nproducts):
            k = f'{990000 + p:06d}'
            # a few products nearly everyone exports, most exported by a few: rows dense and sparse
            frac = rnd.choice([0.9, 0.6, 0.3, 0.1, 0.03])
            for e in exporters:
                if rnd.random() < frac:
                    i = rnd.choice([c for c in exporters + [importer_only] if c != e])
                    f.write(f'2020,{e},{i},{k},{rnd.lognormvariate(3, 2):.3f},1.000\n')
        # a country that alone exports a product nobody else exports: isolated in both projections
        f.write(f'2020,{lonely},{importer_only},999999,5.000,1.000\n')


def oracle(path, src, onto):
    iso = {}
    with open(src + '/datasets/baci/country_codes_V202201.csv', encoding='latin-1') as f:
        for r in csv.reader(f):
            if r[0].isdigit():
                iso[int(r[0])] = r[4]
    g = nx.Graph()
    with open(path) as f:
        for r in csv.DictReader(f):
            e, i = iso[int(r['i'])], iso[int(r['j'])]
            g.add_node(e, side=0)
            g.add_node(i, side=0)
            p = 'hs:' + r['k']
            g.add_node(p, side=1)
            g.add_edge(e, p)
    want = 0 if onto == 'countries' else 1
    side = [v for v, d in g.nodes(data=True) if d['side'] == want]
    proj = nx.bipartite.projected_graph(g, side)
    pr = nx.pagerank(proj, alpha=0.85, tol=1e-15, max_iter=100000)
    print('#edges', proj.number_of_edges())
    print('#components', nx.number_connected_components(proj))
    for v in sorted(side):
        print(v, proj.degree(v), repr(pr[v]))


if __name__ == '__main__':
    if sys.argv[1] == 'gen':
        gen(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]))
    else:
        oracle(sys.argv[2], sys.argv[3], sys.argv[4])
