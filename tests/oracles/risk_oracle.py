#!/usr/bin/python3
# tests/oracles/risk_oracle.py: an independent re-computation of the EU supply risk's world-supply term for one
# mineral, from the definition (../shared/METHODS-risk.md §1) with Python's csv and json modules:
#   risk_oracle.py NET.json MINERAL YEAR WGI_MEAN6.csv TRADE.csv EU_MATERIAL STAGE [WGI_YEAR]
# reads the produces edges of MINERAL in YEAR (named countries only), the World Bank mean of six estimates of
# each producer in WGI_YEAR (default YEAR; the WGI ends in 2023), the EU's global-supply trade parameters t of EU_MATERIAL at STAGE (1 otherwise), and
# prints HHI_WGI,t = sum s^2 * (2.5 - mean) * 2 * t and the share of the producers without a WGI figure.
import csv, json, sys

net, mineral, year, wgi_path, trade_path, material, stage = sys.argv[1:8]
year = int(year)
wgi_year = int(sys.argv[8]) if len(sys.argv) > 8 else year
wb = {"ZAR": "COD", "ROM": "ROU", "KSV": "XKX", "TMP": "TLS", "ADO": "AND", "WBG": "PSE"}
wgi = {}
# country names: the WGI file's own, plus the EU table's spellings that differ from the World Bank's
names = {"DR Congo": "COD", "Russia": "RUS", "Türkiye": "TUR", "Vietnam": "VNM", "United States": "USA"}
with open(wgi_path, newline="", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        iso = wb.get(r["iso3_wb"], r["iso3_wb"])
        names.setdefault(r["country"], iso)
        if int(r["year"]) == wgi_year and r["mean6_estimate"]:
            wgi[iso] = float(r["mean6_estimate"])
t = {}
with open(trade_path, newline="", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        if r["material"] == material and r["stage"] == stage and r["supply_scope"].startswith("global supply"):
            t[names[r["country"]]] = float(r["trade_parameter_t"])
d = json.load(open(net, encoding="utf-8"))
total, missing = 0.0, 0.0
for e in d["edges"]:
    if e["kind"] != "produces" or e["mineral"] != mineral or e.get("year") != year or "share" not in e:
        continue
    c = e["country"]
    if c.startswith("*"):
        if c == "*other*":
            missing += e["share"]
        continue
    if c in wgi:
        total += e["share"] ** 2 * (2.5 - wgi[c]) * 2 * t.get(c, 1.0)
    else:
        missing += e["share"]
print(repr(total), repr(missing))
