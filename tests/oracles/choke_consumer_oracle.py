#!/usr/bin/python3
# tests/oracles/choke_consumer_oracle.py: oracle for `critnet chokepoints --consumer C` on a BACI table: the
# minimum supplier cut of each of C's markets, computed with networkx on the WHOLE multi-stage flow network
# built from the CSV itself (every importer's market of every product group of the year; a supplier's own
# imports feed it; every exporter of a product is a source of it, its world exports being the production
# layer), as a minimum s-t cut where only supplier countries can be removed (split nodes of capacity 1).
# critnet answers from C's own rows only; this checks that the whole network gives the same cut.
# usage: choke_consumer_oracle.py BACI.csv CN_SRC CONSUMER YEAR
#   prints one line per product group C imports: "GROUP SIZE SUPPLIER SUPPLIER ..." (suppliers sorted)
import csv
import sys

import networkx as nx

path, src, consumer, year = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
iso = {int(r[0]): r[4] for r in csv.reader(open(src + '/datasets/baci/country_codes_V202201.csv', encoding='latin-1'))
       if r[0].isdigit()}
group = {}
for r in csv.DictReader(open(src + '/datasets/hs_minerals.csv')):
    if r['weight'] and float(r['weight']) > 0:  # a basket without a published weight: a product of its own
        group[r['hs6']] = r['mineral'] + ':' + r['stage']


def known(x):
    return x not in ('NA', '') and float(x) != 0


G = nx.DiGraph()
markets = {}
for r in csv.DictReader(open(path)):
    if r['t'] != year or r['i'] == r['j'] or not (known(r['v']) or known(r['q'])):
        continue
    g = group.get(r['k'], 'hs:' + r['k'])
    e, i = iso[int(r['i'])], iso[int(r['j'])]
    G.add_edge('S', ('in', e), capacity=float('inf'))  # an exporter is a source of what it exports
    G.add_edge(('in', e), ('out', e), capacity=1.0)
    G.add_edge(('in', i), ('out', i), capacity=1.0)
    G.add_edge(('out', e), ('market', g, i), capacity=float('inf'))
    G.add_edge(('market', g, i), ('in', i), capacity=float('inf'))  # the importer re-exports what it buys
    markets.setdefault(g, set())
    if i == consumer:
        markets[g].add(e)
for g in sorted(markets):
    t = ('market', g, consumer)
    if t not in G:
        continue
    value, (reach, _) = nx.minimum_cut(G, 'S', t)
    cut = sorted(n[1] for n in G.nodes if n[0] == 'in' and n in reach and ('out', n[1]) not in reach)
    assert value == len(cut)
    print(g, len(cut), ' '.join(cut))
