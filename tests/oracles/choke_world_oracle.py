#!/usr/bin/python3
# tests/oracles/choke_world_oracle.py: oracle for `critnet chokepoints` on a BACI table without --consumer (the
# world ranking), from the CSV itself with no critnet code: per (product group, importer) market of the year, the
# exporters' summed flows and their shares of the market (by value when a flow of the group has a value, else by
# quantity; an unknown figure has no share); a critical supplier has a share >= THRESHOLD; on a world table every
# exporter is a source of its own, so a market's minimum supplier cut is its suppliers, and a country is "in every
# cut" of a group when it supplies every market of it.
# usage: choke_world_oracle.py BACI.csv CN_SRC YEAR THRESHOLD
#   prints one line per (stage, country) with a count or a consumer: "STAGE COUNTRY IN_EVERY_CUT CONSUMER ..."
#   (stage "-" for groups without one; consumers sorted), lines sorted
import csv
import sys

path, src, year, threshold = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
iso = {int(r[0]): r[4] for r in csv.reader(open(src + '/datasets/baci/country_codes_V202201.csv', encoding='latin-1'))
       if r[0].isdigit()}
group, stage = {}, {}
for r in csv.DictReader(open(src + '/datasets/hs_minerals.csv')):
    if r['weight'] and float(r['weight']) > 0:  # a basket without a published weight: a product of its own
        group[r['hs6']] = r['mineral'] + ':' + r['stage']
        stage[group[r['hs6']]] = r['stage']


def num(x):
    return None if x in ('NA', '') else float(x)


markets, by_value = {}, {}
for r in csv.DictReader(open(path)):
    v, q = num(r['v']), num(r['q'])
    if r['t'] != year or r['i'] == r['j'] or not (v or q):
        continue  # other years, trade with itself, no figure at all
    g = group.get(r['k'], 'hs:' + r['k'])
    e, i = iso[int(r['i'])], iso[int(r['j'])]
    by_value[g] = by_value.get(g, False) or v is not None
    s = markets.setdefault((g, i), {}).setdefault(e, [None, None])
    s[0] = v if s[0] is None else s[0] + (v or 0)
    s[1] = q if s[1] is None else s[1] + (q or 0)

cuts, exposed = {}, {}
importers = {}
for (g, i), sup in markets.items():
    importers.setdefault(g, set()).add(i)
    k = 0 if by_value[g] else 1
    total = sum(s[k] for s in sup.values() if s[k] is not None)
    for e, s in sup.items():
        st = stage.get(g, '-')
        if total > 0 and s[k] is not None and s[k] / total >= threshold - 1e-12:
            exposed.setdefault((st, e), set()).add(i)
for (g, i), sup in markets.items():
    for e in sup:
        if all(e in markets[(g, j)] for j in importers[g]):
            cuts.setdefault((stage.get(g, '-'), e), set()).add(g)
lines = []
for key in set(cuts) | set(exposed):
    lines.append(' '.join([key[0], key[1], str(len(cuts.get(key, ())))] + sorted(exposed.get(key, ()))))
print('\n'.join(sorted(lines)))
