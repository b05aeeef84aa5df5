#!/usr/bin/python3
# tests/oracles/usgs_t5_check.py: USGS's own figures as an oracle. T5 (MCS2024_T5_Critical_Minerals_Salient.csv)
# prints, per critical mineral, the leading producing country and its percent of world production. Reads
# `critnet concentration --format json` on stdin; checks the top producer and round(share * 100) (+-1 for
# USGS's rounding) for every T5 row with a number. Prints the count checked; exits 1 on any mismatch.
import csv, json, sys

# T5's names -> critnet's ids (datasets/forms.csv, written independently here)
names = {"Aluminum (bauxite)": "aluminum:bauxite", "Graphite (natural)": "graphite", "Palladium": "pgm:palladium",
         "Platinum": "pgm:platinum", "Rare earths (compounds and metals)": "rare_earths",
         "Titanium (metal)": "titanium:sponge", "Zirconium (ores and concentrates)": "zirconium",
         "Magnesium": "magnesium:metal"}
iso = {"Australia": "AUS", "China": "CHN", "Peru": "PER", "India": "IND", "United States": "USA",
       "South Africa": "ZAF", "Congo (Kinshasa)": "COD", "Indonesia": "IDN", "Brazil": "BRA", "Russia": "RUS"}
got = {m["mineral"]: m for m in json.load(sys.stdin)["minerals"]}
checked, bad = 0, 0
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    for r in csv.DictReader(f):
        pct = r["Leading_source_precent_world"].strip()
        if not pct.isdigit():
            continue
        name = r["Critical_mineral"].strip()
        m = got.get(names.get(name, name.lower()))
        ok = (m is not None and m["top"] == iso[r["Leading_source_country"]] and m["top_share"] is not None
              and abs(m["top_share"] * 100 - int(pct)) <= 1.0)
        checked += 1
        if not ok:
            bad += 1
            print("mismatch:", name, r["Leading_source_country"], pct, m and (m["top"], m["top_share"]))
print(checked)
sys.exit(1 if bad else 0)
