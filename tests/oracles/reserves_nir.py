#!/usr/bin/python3
# tests/oracles/reserves_nir.py: an independent oracle for `concentration --layer reserves` and `deps --years`:
# world-reserves shares, HHI and top holder, and the NIR series per year, computed with the csv module straight
# from the USGS release files (datasets/usgs-mcs2026/world_production.csv and nir.csv, datasets/usgs-mcs2024/world),
# then compared with critnet's JSON (python's json module).
# Usage: reserves_nir.py SRC_DIR RES2026_JSON RES2024_JSON YEARS2026_JSON YEARS2024_JSON; prints one line per
# failed check, exit 1.
import csv
import json
import sys

src, res26, res24, years26, years24 = sys.argv[1:6]
failed = 0


def check(what, ok):
    global failed
    if not ok:
        failed += 1
        print("FAIL:", what)


def near(a, b, tol=1e-9):
    return a is not None and b is not None and abs(a - b) <= tol


def number(s):
    s = s.strip().replace(",", "")
    try:
        return float(s)
    except ValueError:
        return None


ISO = {"Chile": "CHL", "Congo (Kinshasa)": "COD", "China": "CHN", "Brazil": "BRA", "Australia": "AUS",
       "Indonesia": "IDN", "Morocco": "MAR", "Peru": "PER", "South Africa": "ZAF", "Canada": "CAN", "Russia": "RUS"}


def figure(cell):
    """a reserves cell -> (number, is a lower bound) or (None, False): "1,600,000", ">21,000,000" (printed bound)"""
    c = cell.strip()
    if c.startswith(">"):
        x = number(c[1:])
        return (x, True) if x is not None else (None, False)
    if c in ("\u2014",):
        return 0.0, False
    return number(c), False


def expected(rows):
    """rows: (country, reserves text) of one mineral's world table -> shares of the world total when printed,
    else of the sum of the listed figures; a world total printed as a bound ">X" is at least X and at least the
    listed sum: shares of the larger are upper bounds; a figure that is itself a bound has no share. HHI of the
    countries' shares; the top holder; how many holders have a figure"""
    world, world_min = None, False
    listed = 0.0
    listed_min = False
    countries, bounded, holders = {}, set(), set()
    for country, cell in rows:
        x, is_min = figure(cell)
        if country.lower().startswith("world total"):
            world, world_min = x, is_min
            continue
        if x is None:
            continue
        listed += x
        listed_min |= is_min
        if not country.lower().startswith("other"):
            countries[country] = countries.get(country, 0.0) + x
            if is_min:
                bounded.add(country)
    denom = (max(world, listed) if world_min else world) if world else listed
    shares = {c: v / denom for c, v in countries.items() if c not in bounded}
    top = max(shares, key=shares.get)
    return {"hhi": sum(s * s for s in shares.values()), "top": ISO.get(top, top), "top_share": shares[top],
            "of": "world total" if world else "listed figures", "world": world, "world_min": world_min,
            "upper": world_min if world else listed_min, "known": len(shares)}


def rows_by_id(path):
    return {r["mineral"]: r for r in json.load(open(path, encoding="utf-8"))["minerals"]}


# ---- MCS 2026: world_production.csv, one table per chapter slug ----
w26 = list(csv.DictReader(open(f"{src}/datasets/usgs-mcs2026/world_production.csv", encoding="utf-8")))
got = rows_by_id(res26)


def compare(tag, g, e):
    check(f"{tag}: a row", g is not None)
    if not g:
        return
    check(f"{tag}: hhi {g['hhi']} != {e['hhi']}", near(g["hhi"], e["hhi"]))
    check(f"{tag}: top {g['top']} != {e['top']}", g["top"] == e["top"])
    check(f"{tag}: top share {g['top_share']} != {e['top_share']}", near(g["top_share"], e["top_share"]))
    check(f"{tag}: shares of {g['shares_of']} != {e['of']}", g["shares_of"] == e["of"])
    check(f"{tag}: world {g['world_reserves']} != {e['world']}", g["world_reserves"] == e["world"])
    check(f"{tag}: world at least {g['world_reserves_at_least']} != {e['world_min']}",
          g["world_reserves_at_least"] == e["world_min"])
    check(f"{tag}: shares upper bounds {g['shares_are_upper_bounds']} != {e['upper']}",
          g["shares_are_upper_bounds"] == e["upper"])
    # every holder the release gives a figure is kept (a country without production figures too)
    check(f"{tag}: holders with a figure {g['listed'] - g['share_unknown']} != {e['known']}",
          g["listed"] - g["share_unknown"] == e["known"])


# the release prints these world totals as bounds (">21,000,000"): kept as bounds, shares upper bounds
for slug, mid in [("lithium", "lithium"), ("cobalt", "cobalt"), ("niobium", "niobium"), ("tungsten", "tungsten"),
                  ("nickel", "nickel"), ("rare-earths", "rare_earths"), ("phosphate", "phosphate_rock"),
                  ("antimony", "antimony"), ("chromium", "chromium"), ("potash", "potash"), ("tin", "tin"),
                  ("graphite", "graphite")]:
    e = expected([(r["country"], r["reserves_raw"]) for r in w26 if r["slug"] == slug])
    compare(f"2026 {mid}", got.get(mid), e)
bounded = sorted(r["slug"] for r in w26 if r["country"].startswith("World total") and r["reserves_raw"].startswith(">"))
check(f"2026: the release's bounded world totals {bounded}", len(bounded) == 9)
# no figure in the release: "no data", never a guess (gallium prints none; molybdenum's unit is unknown, not kept)
for mid in ("gallium", "molybdenum"):
    g = got.get(mid)
    check(f"2026 {mid}: 'no data'", g is not None and g["status"] == "no data" and g["hhi"] is None)

# ---- MCS 2024: world/mcs2024-<code>_world.csv (Reserves_t), one series per Type ----
got = rows_by_id(res24)
# niobium and antimony print their world total as NA in Reserves_t and the bound in Reserves_notes
# (">17,000,000", ">2,000,000. In addition to..."): the bound as printed, read from the note
for code, mid in [("lithi", "lithium"), ("cobal", "cobalt"), ("niobi", "niobium"), ("nicke", "nickel"),
                  ("antim", "antimony"), ("raree", "rare_earths"), ("rheni", "rhenium"), ("tellu", "tellurium")]:
    rows = list(csv.DictReader(open(f"{src}/datasets/usgs-mcs2024/world/mcs2024-{code}_world.csv",
                                    encoding="utf-8-sig")))
    col = [k for k in rows[0] if k and k.startswith("Reserves_") and "notes" not in k][0]
    note = [k for k in rows[0] if k and k.startswith("Reserves_") and "notes" in k][0]

    def cell(r):
        if r[col].strip() in ("NA", "") and r[note].strip().startswith(">"):
            return r[note].strip().split(".")[0]
        return r[col]
    e = expected([(r["Country"], cell(r)) for r in rows if r["Country"]])
    compare(f"2024 {mid}", got.get(mid), e)

# ---- MCS 2026 NIR series: nir.csv, the first label of each chapter (the net-import-reliance row) ----
nir = list(csv.DictReader(open(f"{src}/datasets/usgs-mcs2026/nir.csv", encoding="utf-8")))
series = {r["mineral"]: r for r in json.load(open(years26, encoding="utf-8"))["minerals"]}
for slug, mid in [("cobalt", "cobalt"), ("lithium", "lithium"), ("tungsten", "tungsten"), ("nickel", "nickel"),
                  ("rare-earths", "rare_earths"), ("antimony", "antimony")]:
    rows = [r for r in nir if r["slug"] == slug]
    label = rows[0]["label"]
    want = {int(r["year"].rstrip("e")): r for r in rows if r["label"] == label}
    g = {p["year"]: p for p in series[mid]["nir"]}
    for y, r in want.items():
        p = g.get(y)
        check(f"{mid} {y}: a figure", p is not None and p["status"] is None)
        if not p or p["status"]:
            continue
        raw, q = r["raw"], r["qualifier"]
        check(f"{mid} {y}: text {p['text']} != {raw}", p["text"] == raw)
        if q in (">", "<"):
            b = number(raw[1:]) / 100
            check(f"{mid} {y}: bound {p['bound']} {p['nir_low']} {p['nir_high']}",
                  p["bound"] == q and p["nir"] is None and near(p["nir_low" if q == ">" else "nir_high"], b))
        elif q == "E":
            check(f"{mid} {y}: net exporter", p["net_exporter"] and p["nir"] is None)
        else:
            check(f"{mid} {y}: nir {p['nir']} != {raw}%", near(p["nir"], number(raw) / 100) and p["bound"] is None)
        check(f"{mid} {y}: estimated {p['estimated']}", p["estimated"] == r["year"].endswith("e"))
    for y, p in g.items():  # a year the release does not give is "no data", never filled
        check(f"{mid} {y}: 'no data'", y in want or (p["status"] == "no data" and p["nir"] is None))

# ---- MCS 2024 NIR series: each commodity's salient table, the column of Fig. 2's form, 2019-2023 ----
fig2 = list(csv.reader(open(f"{src}/datasets/usgs-mcs2024/trends/MCS2024_Fig2_Net_Import_Reliance.csv",
                            encoding="utf-8-sig")))
series = {r["mineral"]: r for r in json.load(open(years24, encoding="utf-8"))["minerals"]}
for code, col, mid, fig2_name in [("antim", "NIR_pct", "antimony", "ANTIMONY, metal and oxide"),
                                  ("chrom", "NIR_pct", "chromium", "CHROMIUM, all forms"),
                                  ("coppe", "NIR_pct", "copper", "COPPER, refined"),
                                  ("lead", "NIR_Metal_pct", "lead", "LEAD, refined"),
                                  ("tin", "NIR_Refinedpct", "tin", "TIN, refined"),
                                  ("zinc", "NIR_Refined_pct", "zinc", "ZINC, refined"),
                                  ("simet", "NIR_FeSi2_Si_pct", "silicon", "SILICON, metal and ferrosilicon"),
                                  ("arsen", "NIR_All_pct", "arsenic", None),
                                  ("raree", "NIR_Compounds-Metals_t", "rare_earths", None),
                                  ("titan", "NIR_Sponge_pct", "titanium:sponge", None),
                                  ("diamo", "Stones_NIR_pct", "diamond:stones", "DIAMOND (INDUSTRIAL), stones")]:
    rows = list(csv.DictReader(open(f"{src}/datasets/usgs-mcs2024/salient/mcs2024-{code}_salient.csv",
                                    encoding="utf-8-sig")))
    want = {int(r["Year"]): r[col].strip() for r in rows if r.get("Year", "").strip()}
    if fig2_name:  # the salient column is Fig. 2's figure in its year (2023)
        f2 = [r for r in fig2 if len(r) > 3 and r[2] == fig2_name]
        check(f"2024 {mid}: Fig. 2 row", len(f2) == 1 and f2[0][3] == want[2023])
    got = {p["year"]: p for p in series.get(mid, {"nir": []})["nir"]}
    for y, raw in want.items():
        p = got.get(y)
        check(f"2024 {mid} {y}: '{raw}' as printed, got {p and p['text']}", p is not None and p["text"] == raw)
# the release prints no per-year figure: cesium and rubidium have no salient file; cobalt's holds a world table
import os
for code in ("cesiu", "rubid"):
    check(f"2024: no {code} salient file", not os.path.exists(f"{src}/datasets/usgs-mcs2024/salient/mcs2024-{code}_salient.csv"))
head = open(f"{src}/datasets/usgs-mcs2024/salient/mcs2024-cobal_salient.csv", encoding="utf-8-sig").readline()
check("2024: cobalt's salient file has no Year column", "Year" not in head.split(","))
for mid in ("cesium", "rubidium", "cobalt"):
    known = [p["year"] for p in series[mid]["nir"] if p["status"] is None]
    check(f"2024 {mid}: 2023 only, got {known}", known == [2023])

sys.exit(1 if failed else 0)
