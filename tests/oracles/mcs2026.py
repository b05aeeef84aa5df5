#!/usr/bin/python3
# tests/oracles/mcs2026.py: an independent oracle for the MCS 2026 chapter importer (critnet import --from
# usgs-chapters): the expected figures are computed with pandas straight from the reference CSVs and
# datasets/forms.csv, then compared with the imported network (python's json module).
# Usage: mcs2026.py DATA_DIR FORMS_CSV NET_JSON; prints one line per failed check and exits 1 if any failed.
import json
import math
import sys

import pandas as pd

data, forms_csv, net_json = sys.argv[1:4]
rd = lambda name: pd.read_csv(f"{data}/{name}", dtype=str, keep_default_na=False)
imp, nir, world, com = rd("import_sources.csv"), rd("nir.csv"), rd("world_production.csv"), rd("commodities.csv")
forms = pd.read_csv(forms_csv, dtype=str, keep_default_na=False)
net = json.load(open(net_json, encoding="utf-8"))
edges, minerals = net["edges"], {m["id"]: m for m in net["minerals"]}
sources = {s["id"]: s for s in net["sources"]}
failed = 0


def check(what, ok):
    global failed
    if not ok:
        failed += 1
        print("FAIL:", what)


def near(a, b, tol=1e-9):
    return a is not None and b is not None and abs(a - b) <= tol


# ids by datasets/forms.csv: "slug/label" (kind mcs2026), else the chapter "slug", else the slug itself
f26 = forms[(forms.edition == "2026") & (forms.kind == "mcs2026")]
label_id = dict(zip(f26.label, f26.id))
groups26 = forms[(forms.edition == "2026") & (forms.kind == "mcs2026_group")]
headline_groups = set(groups26.label)


def chapter_id(slug):
    return label_id.get(slug, slug.replace("-", "_"))


def form_id(slug, label):
    return label_id.get(f"{slug}/{label}", chapter_id(slug))


# ---- import shares: one group per (slug, category), its id and basis, shares as printed ----
sup = [e for e in edges if e["kind"] == "supplies"]
check("every supplies edge is for USA, period 2021-24, MCS 2026",
      all(e["consumer"] == "USA" and e["period"] == "2021-24" and sources[e["source"]]["edition"] == "MCS 2026"
          for e in sup))
ids_groups = {}
for (slug, cat), g in imp.groupby(["slug", "category"], sort=False):
    mid = form_id(slug, cat)
    basis = {"TiO pigment": "TiO2 pigment"}.get(cat, cat) or None
    got = [e for e in sup if e["mineral"] == mid and e.get("basis") == basis]
    ids_groups.setdefault(mid, []).append((slug, cat))
    merged = g[g.country.str.contains(" and ")]
    printed = sorted(float(x) / 100 for x in g[~g.country.str.contains(" and ")].share_pct)
    shares = sorted(e["share"] if "share" in e else -1 for e in got)
    total = sum(float(x) for x in g.share_pct)
    if total > 100:  # the residual loses its share (kept as text), the named countries keep theirs
        res = [e for e in got if e["country"] == "*other*"]
        check(f"{slug}/{cat}: residual share unknown, text kept",
              len(res) == 1 and "share" not in res[0] and res[0].get("text") == g[g.country == "other"].share_pct.iloc[0])
        named = sorted(float(x) / 100 for x in g[g.country != "other"].share_pct)
        check(f"{slug}/{cat}: named shares", sorted(e["share"] for e in got if "share" in e) == named)
    else:
        check(f"{slug}/{cat}: shares {shares} == printed {printed}", all(near(a, b) for a, b in zip(shares, printed))
              and len(shares) == len(printed))
    check(f"{slug}/{cat}: merged entries not assigned", len(got) == len(g) - len(merged))
    others = g[g.country.isin(["other", "others"])]
    check(f"{slug}/{cat}: residual as *other*",
          sum(e["country"] == "*other*" for e in got) == len(others))
    # the share sum of the group stays the printed one: an incomplete list is not completed
    if total <= 100:
        check(f"{slug}/{cat}: sum {sum(printed)} == {total - merged.share_pct.astype(float).sum()}%",
              near(sum(shares), (total - merged.share_pct.astype(float).sum()) / 100))
# headline: the group forms.csv names, or the only group of an id
for mid, gs in ids_groups.items():
    for slug, cat in gs:
        basis = {"TiO pigment": "TiO2 pigment"}.get(cat, cat) or None
        got = [e for e in sup if e["mineral"] == mid and e.get("basis") == basis]
        want = f"{slug}/{cat}" in headline_groups or len(gs) == 1
        check(f"{mid} {cat}: primary == {want}", all(bool(e.get("primary")) == want for e in got))
    check(f"{mid}: exactly one headline group", sum(
        (f"{s}/{c}" in headline_groups or len(gs) == 1) for s, c in gs) == 1)

# hand-checked figures (the chapters as printed)
ind = [e for e in sup if e["mineral"] == "indium"]
check("indium: KOR .25, CHN .12, CAN .11, other .30; 22% unknown",
      sorted((e["country"], e["share"]) for e in ind) == [("*other*", .30), ("CAN", .11), ("CHN", .12), ("KOR", .25)])
check("silver: Chile and Turkey not assigned", not [e for e in sup if e["mineral"] == "silver"
                                                    and e["country"] in ("CHL", "TUR")])
sb = [e for e in sup if e["mineral"] == "antimony" and e.get("primary")]
check("antimony headline = Total metal and oxide, CHN .55",
      {e.get("basis") for e in sb} == {"Total metal and oxide"} and
      [e["share"] for e in sb if e["country"] == "CHN"] == [.55])
check("antimony: four groups (ore, oxide, metal, total)",
      len({e.get("basis") for e in sup if e["mineral"] == "antimony"}) == 4)
check("titanium: sponge JPN .77 on titanium:sponge, pigment CAN .45 on titanium:pigment",
      [e["share"] for e in sup if e["mineral"] == "titanium:sponge" and e["country"] == "JPN"] == [.77] and
      [e["share"] for e in sup if e["mineral"] == "titanium:pigment" and e["country"] == "CAN"] == [.45])

# ---- NIR: every printed cell, bounds as printed ----
rel = [e for e in edges if e["kind"] == "relies"]
check(f"relies edges {len(rel)} == nir.csv rows {len(nir)}", len(rel) == len(nir))
for r in nir.itertuples():
    y = int(r.year[:4])
    cand = [e for e in rel if e["year"] == y and e.get("text") == r.raw and
            sources[e["source"]]["id"] == f"mcs2026-{r.slug}"]
    ok = bool(cand)
    for e in cand[:1]:
        raw = r.raw
        if raw.startswith(">"):
            ok = near(e.get("low"), float(raw[1:]) / 100) and near(e.get("high"), 1.0) and "share" not in e
        elif raw.startswith("<"):
            ok = near(e.get("low"), 0.0) and near(e.get("high"), float(raw[1:]) / 100)
        elif raw == "E":
            ok = e.get("net_exporter") is True and "share" not in e
        elif raw == "NA":
            ok = e.get("na") is True and "share" not in e
        else:
            ok = near(e.get("share"), float(raw) / 100)
        ok = ok and bool(e.get("estimated")) == r.year.endswith("e")
    check(f"nir {r.slug} {r.label[:30]} {r.year} {r.raw}", ok)
prim = {}
for e in rel:
    if e.get("primary"):
        prim.setdefault(e["mineral"], []).append(e)
check("one primary NIR per mineral, of 2025", all(len(v) == 1 and v[0]["year"] == 2025 for v in prim.values()))
check("NIR headlines: lithium >50, tellurium >25, zinc refined 73%, beryllium E, pgm:platinum 89%",
      prim["lithium"][0]["text"] == ">50" and prim["tellurium"][0]["text"] == ">25" and
      near(prim["zinc"][0]["share"], .73) and prim["beryllium"][0].get("net_exporter") and
      [e["share"] for e in rel if e["mineral"] == "pgm:platinum" and e["year"] == 2025] == [.89])

# ---- world production: shares of the printed world total (the residual "Other countries" too), the two
# years, the handled faults ----
prod = [e for e in edges if e["kind"] == "produces"]
wt = world[world.country.str.startswith("World total")]
checked = 0
for slug, g in world.groupby("slug"):
    w = wt[wt.slug == slug]
    mid = {"copper": "copper:refinery"}.get(slug, chapter_id(slug))
    if slug == "abrasives" or w.empty:
        continue
    for col, year in (("year_prev_raw", 2024), ("year_latest_raw", 2025)):
        tot = w[col].iloc[0].replace(",", "")
        if not tot.replace(".", "").isdigit() or float(tot) == 0:
            continue
        want = sorted(float(v.replace(",", "")) / float(tot) for c, v in zip(g.country, g[col])
                      if not c.startswith("World") and v.replace(",", "").replace(".", "").isdigit()
                      and 0 < float(v.replace(",", "")) <= float(tot))
        got = sorted(e["share"] for e in prod if e["mineral"] == mid and e["year"] == year and "share" in e
                     and e["share"] > 0)
        check(f"world {slug} {year}: {len(got)} shares == {len(want)}",
              len(got) == len(want) and all(near(a, b) for a, b in zip(got, want)))
        checked += 1
check(f"world tables checked: {checked} >= 70", checked >= 70)
li = [e for e in prod if e["mineral"] == "lithium" and e["country"] == "*world*" and e["year"] == 2025]
check("lithium world total 2025 = printed, estimated", len(li) == 1 and li[0]["quantity"] ==
      float(wt[wt.slug == "lithium"].year_latest_raw.iloc[0].replace(",", "")) and li[0].get("estimated"))
check("abrasives: capacity table not kept", not [e for e in prod if e["mineral"].startswith("abrasives")])
check("copper: refinery production on copper:refinery (world 2025 = 29000 kt)",
      [e["quantity"] for e in prod if e["mineral"] == "copper:refinery" and e["country"] == "*world*"
       and e["year"] == 2025] == [29000] and
      all("quantity" not in e and e["unit"] == "kt" for e in prod if e["mineral"] == "copper"))
check("copper: reserves (ore) on copper, world 980000", [e["reserves"] for e in prod if e["mineral"] == "copper"
                                                          and e["country"] == "*world*"] == [980000])
check("molybdenum, vanadium: reserves not kept",
      not [e for e in prod if e["mineral"] in ("molybdenum", "vanadium") and "reserves" in e])
check("zirconium: production without a unit", all("unit" not in e for e in prod if e["mineral"] == "zirconium"))
check("pgm: platinum 2025 only, no group reserves",
      {e["year"] for e in prod if e["mineral"] == "pgm:platinum"} == {2025} and
      not [e for e in prod if e["mineral"].startswith("pgm") and "reserves" in e])
check("iron and steel: pig iron CHN 2025 = 830 (not the 1810 sum), raw steel 980 (2025 only)",
      [e["quantity"] for e in prod if e["mineral"] == "iron_and_steel" and e["country"] == "CHN"
       and e["year"] == 2025] == [830] and
      [(e["year"], e["quantity"]) for e in prod if e["mineral"] == "iron_and_steel:raw_steel"
       and e["country"] == "CHN"] == [(2025, 980)])
check("bismuth: years 2024 and 2025", {e["year"] for e in prod if e["mineral"] == "bismuth"} == {2024, 2025})
check("cesium, rubidium: no figures, said so",
      not [e for e in edges if e["mineral"] in ("cesium", "rubidium")] and
      all("no salient, import or world table" in minerals[m].get("note", "") for m in ("cesium", "rubidium")))
check("China footnoted as including Hong Kong: said on graphite, not on cobalt",
      "Hong Kong" in minerals["graphite"].get("note", "") and "Hong Kong" not in minerals["cobalt"].get("note", ""))
check("indium note: 22% unknown", "22% is unknown" in minerals["indium"].get("note", ""))

# ---- lists (datasets/forms.csv list2018/list2022 ids) ----
for kind, tag in (("list2018", "2018"), ("list2022", "2022")):
    want = set(forms[forms.kind == kind].id)
    got = {m["id"] for m in net["minerals"] if tag in m.get("lists", [])}
    check(f"{kind}: {len(got)} ids == forms.csv {len(want)}", got == want)
check("every edge names an MCS 2026 source", all(sources[e["source"]]["edition"] == "MCS 2026" for e in edges))
print(f"{failed} failed" if failed else "ok")
sys.exit(1 if failed else 0)
