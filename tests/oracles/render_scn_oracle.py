#!/usr/bin/python3
# tests/oracles/render_scn_oracle.py: independent check of `critnet render` with a scenario. Reads the scenario
# as `critnet scenario --format json` reports it (python's json module) and the diagram as Graphviz's own
# `dot -Tjson0` parses our DOT, and checks every drawn flow against docs/render.md: a lost edge (dashed dark
# red, "-x% lost") per restricted flow (labels name the consumer when there are several), a grey edge for what remains, a green "+x% replacement" edge per
# positive replacement and none otherwise, and the mineral -> consumer labels. Usage: SCENARIO.json GRAPH.json
import json, sys

LOST, REPL, GREY = "#8b0000", "#1e8449", "#6b6b6b"
scn = json.load(open(sys.argv[1]))
g = json.load(open(sys.argv[2]))
name = {o["_gvid"]: o["name"] for o in g["objects"]}
drawn = {}  # (tail, head) -> [(label, colour, style)]
for e in g.get("edges", []):
    drawn.setdefault((name[e["tail"]], name[e["head"]]), []).append((e["label"], e["color"], e["style"]))

def pct(x):
    p = x * 100
    return "%d%%" % round(p) if abs(p - round(p)) < 1e-9 else "%.1f%%" % p

def loss(what, supply, imports):
    if supply is not None:
        return "%s: %s of supply" % (what, pct(supply))
    if imports is not None:
        return "%s: %s of imports (supply unknown)" % (what, pct(imports))
    return "%s: unknown" % what

fails, nedges = [], 0
multi = len({r["consumer"] for r in scn["rows"]}) > 1  # labels of supplier edges then name the consumer
for r in scn["rows"]:
    c, m = r["consumer"], r["mineral"]
    mn, seq = "mineral:" + m, 0
    for f in r["flows"]:
        if f["country"] == "(other)":
            node = "other:%s:%s" % (c, m)
        elif f["country"] == "(unnamed)":  # one node each, numbered in the row's order
            seq += 1
            node = "unnamed:%s:%s:%d" % (c, m, seq)
        else:
            node = "country:" + f["country"]
        want = []
        if f["supplier"] and f["restricted"] > 0:
            if f["lost"] is None:
                lab = "lost: share unknown" + (" (rank %d)" % f["rank"] if f["rank"] else "")
            else:
                lab = "-%s lost" % pct(f["lost"])
            want.append((lab, LOST, "dashed"))
        if f["supplier"] and f["restricted"] < 1:
            if f["remaining"] is not None:
                want.append((pct(f["remaining"]), GREY, "solid"))
            elif f["rank"]:
                want.append(("rank %d" % f["rank"], GREY, "dashed"))
            else:
                want.append(("share unknown", GREY, "dotted"))
        if f["replacement"] is not None and f["replacement"] > 0:
            want.append(("+%s replacement" % pct(f["replacement"]), REPL, "solid"))
        pre = c + " " if multi else ""
        want = [(pre + x[0],) + x[1:] for x in want]
        got = [x for x in drawn.get((node, mn), []) if not multi or x[0].startswith(pre)]
        nedges += len(got)
        if sorted(got) != sorted(want):
            fails.append("%s -> %s: drawn %s, expected %s" % (node, mn, got, want))
    esc = r["nir_text"].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") if r["nir_text"] else None
    nir = esc + "%" if r["nir_text"] else pct(r["nir"]) if r["nir"] is not None else None
    head = "NIR: no data" if nir is None else "net exporter" if r["nir_text"] == "E" else "NIR " + nir
    lab = "<BR/>".join([head, loss("lost", r["lost_supply"], r["lost_imports"]),
                        loss("replaced", r["covered_supply"], r["covered_imports"]),
                        loss("shortfall", r["shortfall_supply"], r["shortfall_imports"])])
    got = [x[0] for x in drawn.get((mn, "consumer:" + c), [])]
    nedges += len(got)
    if got != [lab]:
        fails.append("%s -> consumer:%s: drawn %s, expected %s" % (mn, c, got, [lab]))
if nedges != len(g.get("edges", [])):
    fails.append("%d edges drawn, %d expected from the scenario" % (len(g.get("edges", [])), nedges))
for x in fails:
    print("render_scn_oracle:", x)
sys.exit(1 if fails else 0)
