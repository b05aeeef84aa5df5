#!/usr/bin/python3
# tests/oracles/render_oracle.py: independent check of `critnet render` (imports layer, one consumer). Reads the
# native JSON data file with Python's json module and the diagram as Graphviz's own `dot -Tplain` prints it,
# and compares every supplier edge (share label, highlight) and every relies edge (single-source highlight)
# with what the definitions in docs/render.md and docs/measures.md give. Usage: DATA.json CONSUMER PLAIN
import json, shlex, sys

HL = "#c0392b"
data = json.load(open(sys.argv[1]))
consumer, plain = sys.argv[2], open(sys.argv[3]).read()

def enc(s):  # node names percent-encode '%' and '\\' in ids (docs/render.md)
    return s.replace("%", "%25").replace("\\", "%5C")

def pct(x):
    p = x * 100
    return "%d%%" % round(p) if abs(p - round(p)) < 1e-9 else "%.1f%%" % p

edges = {}  # (tail, head) -> (label, colour)
for line in plain.splitlines():
    f = shlex.split(line)
    if f and f[0] == "edge":
        n = int(f[3])
        rest = f[4 + 2 * n:]
        label = " ".join(rest[:-4])[1:-1] if len(rest) > 2 else ""  # label tokens, then xl yl style colour
        edges[(f[1], f[2])] = (label, rest[-1])

# the headline group per mineral: edges flagged primary, else those sharing the first one's period/basis/year
groups = {}
for e in data["edges"]:
    if e["kind"] == "supplies" and e["consumer"] == consumer:
        groups.setdefault(e["mineral"], []).append(e)
errors = 0
def fail(msg):
    global errors
    errors += 1
    print("FAIL:", msg)

single = set()
seen_supplier_edges = 0
for m, es in groups.items():
    if any(e.get("primary") for e in es):
        grp = [e for e in es if e.get("primary")]
    else:
        key = lambda e: (e.get("period"), e.get("basis"), e.get("year"))
        grp = [e for e in es if key(e) == key(es[0])]
    named = [e for e in grp if e.get("country") != "*other*"]
    other = sum(e.get("share") or 0 for e in grp if e.get("country") == "*other*")
    # top: largest share (ties: lower rank, then id; unnamed sorts as "(unnamed)"), else the one ranked 1
    lab = lambda e: e["country"] if e.get("country") else "(unnamed)"
    with_share = sorted([e for e in named if e.get("share") is not None],
                        key=lambda e: (-e["share"], e.get("rank") or 1e9, lab(e)))
    ranked = [e for e in named if e.get("share") is None and e.get("rank") == 1]
    top = with_share[0] if with_share else (ranked[0] if ranked else None)
    only = len(named) == 1 and not other > 0 and (
        named[0].get("rank") is None if named[0].get("share") is None else named[0]["share"] >= 1 - 1e-9)
    if (with_share and with_share[0]["share"] >= 0.5) or only:
        single.add(enc(m))
    k = 0
    for e in grp:
        c = e.get("country")
        if c is None:
            k += 1
            tail = "unnamed:%s:%s:%d" % (consumer, enc(m), k)
        elif c == "*other*":
            tail = "other:%s:%s" % (consumer, enc(m))
        else:
            tail = "country:" + enc(c)
        want = pct(e["share"]) if e.get("share") is not None else (
            "rank %d" % e["rank"] if e.get("rank") else "share unknown")
        got = edges.get((tail, "mineral:" + enc(m)))
        seen_supplier_edges += 1
        if not got:
            fail("missing edge %s -> mineral:%s" % (tail, m))
            continue
        if got[0] != want:
            fail("%s -> %s: label %r, expected %r" % (tail, m, got[0], want))
        if (got[1] == HL) != (e is top):
            fail("%s -> %s: colour %s, top supplier: %s" % (tail, m, got[1], e is top))

drawn_supplier_edges = sum(1 for (t, h) in edges if h.startswith("mineral:"))
if drawn_supplier_edges != seen_supplier_edges:
    fail("%d supplier edges drawn, %d in the data" % (drawn_supplier_edges, seen_supplier_edges))
red = {t[len("mineral:"):] for (t, h), (l, c) in edges.items() if h == "consumer:" + consumer and c == HL}
if red != single:
    fail("highlighted dependencies %s, single-source by definition %s" % (sorted(red), sorted(single)))
print("%d supplier edges, single-source: %s" % (seen_supplier_edges, " ".join(sorted(single))))
sys.exit(1 if errors else 0)
