#!/usr/bin/env bash
# tests/cli/test_latest_editions.sh: the merged default `us-latest` (us-mcs2026 over us-mcs2024, issue 13) against
# both editions' raw files: a field from each, read from the CSVs here with Python's csv module (independent of
# critnet's readers), and the edition each row names. Scandium's import shares and NIR come from MCS 2026
# (datasets/usgs-mcs2026/import_sources.csv, nir.csv); strontium, which MCS 2026 does not cover, keeps its
# MCS 2024 rank-1 source and NIR (datasets/usgs-mcs2024/trends/MCS2024_Fig2_Net_Import_Reliance.csv).
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3

run export --dataset us-latest -o "$T_TMP/latest.json"
expect_rc 0

# check.py LATEST.json DATA_DIR: prints one "ok NAME" or "FAIL NAME: why" line per check
cat >"$T_TMP/check.py" <<'EOF'
import csv, json, sys

net = json.load(open(sys.argv[1]))
data = sys.argv[2]
edition = {s["id"]: s.get("edition") for s in net["sources"]}
# the country names of these rows, by hand (ISO 3166-1 alpha-3)
iso = {"Japan": "JPN", "China": "CHN", "Mexico": "MEX", "Germany": "DEU"}

def check(name, ok, why=""):
    print(("ok " if ok else "FAIL ") + name + ("" if ok else ": " + why))

def edges(kind, mineral):
    return [e for e in net["edges"] if e["kind"] == kind and e["mineral"] == mineral]

def read(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))

# ---- scandium: MCS 2026 chapter tables ----
raw = [r for r in read(data + "/usgs-mcs2026/import_sources.csv") if r["slug"] == "scandium"]
check("2026 file has scandium import rows", len(raw) >= 2, str(raw))
want = {iso[r["country"]]: (float(r["share_pct"]) / 100, r["period"]) for r in raw}
got = {e["country"]: (e.get("share"), e.get("period")) for e in edges("supplies", "scandium")}
check("scandium suppliers are the 2026 list", set(got) == set(want), "%s vs %s" % (got, want))
for c, (share, period) in want.items():
    g = got.get(c, (None, None))
    check("scandium %s share %.2f" % (c, share), g[0] is not None and abs(g[0] - share) < 1e-12, str(g))
    check("scandium %s period %s" % (c, period), g[1] == period, str(g))
check("scandium import rows name MCS 2026",
      all(edition.get(e.get("source")) == "MCS 2026" for e in edges("supplies", "scandium")),
      str([e.get("source") for e in edges("supplies", "scandium")]))
nir = [r for r in read(data + "/usgs-mcs2026/nir.csv") if r["slug"] == "scandium"]
latest = max(nir, key=lambda r: int(r["year"].rstrip("e")))
prim = [e for e in edges("relies", "scandium") if e.get("primary")]
check("scandium headline NIR is the 2026 file's latest year", len(prim) == 1 and
      prim[0].get("year") == int(latest["year"].rstrip("e")) and prim[0].get("text") == latest["raw"] and
      edition.get(prim[0].get("source")) == "MCS 2026", "%s vs %s" % (prim, latest))

# ---- strontium: not in MCS 2026, so MCS 2024's figures ----
slugs = {r["slug"] for r in read(data + "/usgs-mcs2026/commodities.csv")}
check("2026 file has no strontium chapter", "strontium" not in slugs)
fig2 = [r for r in read(data + "/usgs-mcs2024/trends/MCS2024_Fig2_Net_Import_Reliance.csv")
        if r["Commodity"].strip().upper() == "STRONTIUM"]
check("2024 Fig2 has strontium", len(fig2) == 1, str(fig2))
names = [n.strip() for n in fig2[0]["Major_Import_Sources_2019_2022"].split(",")]
sup = edges("supplies", "strontium")
rank1 = [e for e in sup if e.get("rank") == 1]
check("strontium rank-1 source is the 2024 file's first (%s)" % names[0],
      len(rank1) == 1 and rank1[0]["country"] == iso[names[0]], str(rank1))
check("strontium ranks follow the 2024 order",
      [e["country"] for e in sorted(sup, key=lambda e: e["rank"])] == [iso[n] for n in names], str(sup))
check("strontium import rows: period 2019-22, edition MCS 2024",
      all(e.get("period") == "2019-22" and edition.get(e.get("source")) == "MCS 2024" for e in sup),
      str([(e.get("period"), edition.get(e.get("source"))) for e in sup]))
check("strontium has no import share (the 2024 release ranks without shares)",
      all("share" not in e for e in sup), str(sup))
nir24 = float(fig2[0]["Net_Import_Reliance_pct_2023"]) / 100
prim = [e for e in edges("relies", "strontium") if e.get("primary")]
check("strontium headline NIR %.2f for 2023 from MCS 2024" % nir24, len(prim) == 1 and
      abs(prim[0].get("share", -1) - nir24) < 1e-12 and prim[0].get("year") == 2023 and
      edition.get(prim[0].get("source")) == "MCS 2024", str(prim))
check("no strontium row names MCS 2026",
      all(edition.get(e.get("source")) != "MCS 2026" for e in net["edges"] if e["mineral"] == "strontium"))
EOF

while read -r verdict rest; do
  if [ "$verdict" = ok ]; then ok; else bad "$rest"; fi
done < <($PY "$T_TMP/check.py" "$T_TMP/latest.json" "$CN_SRC/datasets" 2>&1 || echo "FAIL check.py failed")
check "the checks ran" [ "$T_PASS" -ge 15 ]
finish
