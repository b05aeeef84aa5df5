#!/usr/bin/env python3
# tests/oracles/trade_oracle.py: independent oracle for tests/cli/test_trade.sh (python csv module only).
# usage: trade_oracle.py baci FILE COUNTRY_CODES ISO3  |  trade_oracle.py names FILE COUNTRY_CODES ISO3 HS6[,HS6..]
# Prints JSON: the importer's sources (ISO3 -> share of its imports), top, top share, HHI, the number of
# sources, and the exporters' shares of world exports (ISO3 -> share). Shares by value (baci) or quantity
# (names: the all_YYYY_YYYY_data.csv layout). A country's trade with itself is left out.
import csv, json, sys

mode, path, codes_path, who = sys.argv[1:5]
code_iso, name_iso = {}, {}
with open(codes_path, encoding='latin-1', newline='') as f:
    for r in csv.DictReader(f):
        iso = 'TWN' if r['country_code'] == '490' else r['iso_3digit_alpha']
        if iso == 'N/A':
            iso = 'BACI' + r['country_code']
        code_iso[r['country_code']] = iso
        name_iso[r['country_name_full']] = iso
        name_iso.setdefault(r['country_name_abbreviation'], iso)
products = set(sys.argv[5].split(',')) if len(sys.argv) > 5 else None
imports, exports = {}, {}
with open(path, encoding='utf-8', newline='') as f:
    for r in csv.DictReader(f):
        if mode == 'baci':
            a, b, x = code_iso[r['i']], code_iso[r['j']], float(r['v'])
        else:
            if r['k'] not in products:
                continue
            a, b, x = name_iso[r['sources']], name_iso[r['targets']], float(r['q_total'])
        if a == b:
            continue
        exports[a] = exports.get(a, 0.0) + x
        if b == who:
            imports[a] = imports.get(a, 0.0) + x
tot, world = sum(imports.values()), sum(exports.values())
shares = {k: v / tot for k, v in imports.items()}
top = max(sorted(shares), key=lambda k: shares[k])
print(json.dumps({'top': top, 'top_share': shares[top], 'hhi': sum(s * s for s in shares.values()),
                  'n': len(shares), 'total': tot, 'world': world, 'shares': shares,
                  'export_shares': {k: v / world for k, v in exports.items()}}))
