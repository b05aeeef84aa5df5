#!/usr/bin/python3
# tests/oracles/usgs_oracle.py: an independent oracle for world-production concentration, straight from a USGS
# *_world.csv with Python's csv module: usgs_oracle.py FILE [TYPE-SUBSTRING] prints
# "top_share cr3 hhi effective" for the latest Prod_ column (shares of the World total row; W/NA skipped;
# "Other countries" is the residual, not a producer).
import csv, re, sys

path = sys.argv[1]
want = sys.argv[2].lower() if len(sys.argv) > 2 else ""
with open(path, encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f))
head = rows[0]
cols = [i for i, h in enumerate(head) if re.match(r"(?i)prod_.*_(\d{4})$", h)]
col = max(cols, key=lambda i: int(head[i][-4:]))
world, vals = None, []
for r in rows[1:]:
    if len(r) <= col or not r[1].strip():
        continue
    if want and want not in r[2].lower():
        continue
    country = r[1].replace("\xa0", " ").strip().lower()
    v = r[col].strip().replace(",", "")
    if v.startswith("e"):
        v = v[1:]
    try:
        x = float(v)
    except ValueError:
        continue
    if country.startswith("world"):
        world = x
    elif not country.startswith("other"):
        vals.append(x)
shares = sorted((x / world for x in vals if x > 0), reverse=True)
hhi = sum(s * s for s in shares)
print("%.10f %.10f %.10f %.10f" % (shares[0], sum(shares[:3]), hhi, 1 / hhi))
