#!/usr/bin/env python3
# tests/oracles/trade_real_oracle.py: independent oracle for tests/cli/test_trade_real.sh (python csv and json
# modules only; the rules of docs/trade.md written again from their definition, not from critnet's code).
# usage: trade_real_oracle.py comtrade FILE YEAR NET.json   (UN Comtrade API rows, ISO3 columns)
#        trade_real_oracle.py iso FILE EXP IMP PROD VALUE NET.json   (a table of ISO3 codes, e.g. BACI by ISO3)
# Computes every importer's supplier shares (by value; an "*other*" residual when the importer's World total
# exceeds its named partners) and every exporter's share of world exports, then compares them with the
# supplies and produces edges of NET.json (critnet import's output). Exit 0 when all agree within 1e-9 and
# the edge sets are the same; otherwise prints the differences and exits 1.
import csv, json, sys

REGIONS = {'_X': 'region-areas-nes', 'S19': 'TWN'}


def cid(iso):
    iso = iso.strip()
    return REGIONS.get(iso, iso)


def comtrade(path, year):
    m, x, world = {}, {}, {}
    with open(path, encoding='utf-8', newline='') as f:
        for r in csv.DictReader(f):
            if r['period'][:4] != year or r['flowCode'] not in ('M', 'X'):
                continue
            v = float(r['primaryValue'] or 0)
            w = float(r['netWgt'] or 0)
            if v == 0 and w == 0:
                continue  # not a supplier
            rep, par = cid(r['reporterISO']), cid(r['partnerISO'])
            if r['partnerCode'] == '0':
                if r['flowCode'] == 'M':
                    world[rep] = world.get(rep, 0) + v
                continue
            if r['flowCode'] == 'M':
                key = (par, rep)  # exporter, importer
                m[key] = m.get(key, 0) + v
            else:
                key = (rep, par)
                x[key] = x.get(key, 0) + v
    flows = dict(m)
    for k, v in x.items():
        flows.setdefault(k, v)  # importer-reported first
    return flows, world


def iso_table(path, ce, ci, cp, cv):
    flows = {}
    with open(path, encoding='utf-8', newline='') as f:
        for r in csv.DictReader(f):
            v = float(r[cv] or 0)
            if v == 0:
                continue
            k = (cid(r[ce]), cid(r[ci]))
            if k[0] != k[1]:
                flows[k] = flows.get(k, 0) + v
    return flows, {}


def expected(flows, world):
    imp, exp = {}, {}
    for (a, b), v in flows.items():
        imp.setdefault(b, {})[a] = v
        exp[a] = exp.get(a, 0) + v
    sup = {}
    for b in set(imp) | set(world):
        named = sum(imp.get(b, {}).values())
        tot = max(named, world.get(b, 0))
        s = {a: v / tot for a, v in imp.get(b, {}).items()}
        if tot > named * (1 + 1e-9):
            s['*other*'] = (tot - named) / tot
        sup[b] = s
    wt = sum(exp.values())
    return sup, {a: v / wt for a, v in exp.items()}


def main():
    mode = sys.argv[1]
    if mode == 'comtrade':
        flows, world = comtrade(sys.argv[2], sys.argv[3])
        net = sys.argv[4]
    else:
        flows, world = iso_table(*sys.argv[2:7])
        net = sys.argv[7]
    sup, prod = expected(flows, world)
    d = json.load(open(net, encoding='utf-8'))
    got_sup, got_prod = {}, {}
    for e in d['edges']:
        if e['kind'] == 'supplies':
            got_sup.setdefault(e['consumer'], {})[e['country']] = e['share']
        elif e['kind'] == 'produces' and e['country'] != '*world*':
            got_prod[e['country']] = e['share']
    bad = []
    if set(sup) != set(got_sup):
        bad.append('importers: want %s, got %s' % (sorted(sup), sorted(got_sup)))
    for b in sup:
        w, g = sup[b], got_sup.get(b, {})
        if set(w) != set(g):
            bad.append('%s suppliers: want %s, got %s' % (b, sorted(w), sorted(g)))
        bad += ['%s from %s: want %.12g, got %.12g' % (b, a, w[a], g[a]) for a in w if a in g and abs(w[a] - g[a]) > 1e-9]
    if set(prod) != set(got_prod):
        bad.append('exporters: want %s, got %s' % (sorted(prod), sorted(got_prod)))
    bad += ['world exports %s: want %.12g, got %.12g' % (a, prod[a], got_prod[a])
            for a in prod if a in got_prod and abs(prod[a] - got_prod[a]) > 1e-9]
    for b in bad:
        print(b)
    print('%d importers, %d exporters compared' % (len(sup), len(prod)))
    sys.exit(1 if bad else 0)


main()
