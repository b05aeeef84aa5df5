# critnet centrality / projection: by hand on a small graph, and against networkx (nx_centrality.py) on the
# built-in dataset and on random bipartite graphs, to 1e-9.
. "$CN_SRC/tests/cli/lib.sh"
PY=/usr/bin/python3
ORACLE="$CN_SRC/tests/oracles/nx_centrality.py"
J="$CN_SRC/datasets/us-mcs2020.json"

# --- by hand: the path A - x - B - y - C (5 vertices; C-y has no share) ---
printf 'country,mineral,share\nA,x,0.5\nB,x,0.5\nB,y,1\nC,y,\n' >"$T_TMP/path.csv"
run centrality --data "$T_TMP/path.csv" --format json
expect_rc 0
r() { json_get "[r for r in d['rows'] if r['id']=='$1'][0]['$2']"; }
check "B degree 2" near "$(r B degree)" 2
# betweenness of B: pairs (A,y) (A,C) (x,y) (x,C) pass through it: 4 of (5-1)(5-2)/2 = 6 pairs
check "B betweenness 4/6" near "$(r B betweenness)" 0.6666666666666666
# x lies on (A,B) (A,y) (A,C): 3/6
check "x betweenness 3/6" near "$(r x betweenness)" 0.5
# closeness of B: distances 2,1,1,2 -> 4/6; of A: 1,2,3,4 -> 4/10
check "B closeness 4/6" near "$(r B closeness)" 0.6666666666666666
check "A closeness 4/10" near "$(r A closeness)" 0.4
# harmonic of A: (1 + 1/2 + 1/3 + 1/4) / 4
check "A harmonic 25/48" near "$(r A harmonic)" 0.5208333333333334
# eigenvector of the path P5: (1/2, sqrt3/2, 1, sqrt3/2, 1/2), scaled to max 1
check "x eigenvector sqrt(3)/2" near "$(r x eigenvector)" 0.8660254037844386
check "C eigenvector 1/2" near "$(r C eigenvector)" 0.5
# hub scores: B = [[1,0],[1,1],[0,1]] (A,B,C x x,y); B^T B = [[2,1],[1,2]] -> authority (1,1), hub B u = (1,2,1)
check "B hub 1" near "$(r B hub)" 1
check "A hub 1/2" near "$(r A hub)" 0.5
check "x authority 1" near "$(r x hub)" 1
# bipartite degree: deg / size of the other side: B 2/2, x 2/3
run centrality --data "$T_TMP/path.csv" --format json --bipartite-normalized --measure degree
check "x bipartite degree 2/3" near "$(r x degree)" 0.6666666666666666
# weighted: C-y has no share -> left out, graph splits; strengths are shares
run centrality --data "$T_TMP/path.csv" --format json --weights share
check "one edge left out" [ "$(json_get 'd["edges_without_share"]')" = 1 ]
check "weighted edges 3" [ "$(json_get 'd["edges"]')" = 3 ]
check "components 2" [ "$(json_get 'd["components"]')" = 2 ]
check "B strength .5+1" near "$(r B strength)" 1.5
check "C isolated: eigenvector 0" near "$(r C eigenvector)" 0
# weighted betweenness with length 1/share: x (length 2 to A and B) still lies on A-B, A-y: of 3 pairs in the
# 4-vertex component plus the isolate: n=5 -> 2 / 6
check "x weighted betweenness 2/6" near "$(r x betweenness)" 0.3333333333333333
run centrality --data "$T_TMP/path.csv" --format table --weights share
expect_out 'computed per connected component'
expect_out 'left out'

# --- projection by hand: A,B share x (min(.5,.5)=.5); B,C share y (C's share unknown -> unknown) ---
run projection --onto countries --data "$T_TMP/path.csv" --format csv
expect_rc 0
expect_out '^A,B,1,0\.500000000000'
expect_out '^B,C,1,.?$'
run projection --onto minerals --data "$T_TMP/path.csv" --format graphml
expect_out '<edge source="x" target="y"><data key="shared">1</data><data key="min_share">0.500000000000</data>'
check "graphml is well-formed" $PY -c "import sys,xml.dom.minidom as m; m.parseString(sys.argv[1])" "$OUT"

# --- networkx on the built-in dataset and on random bipartite graphs ---
C="$CRITNET"
check "nx: us-mcs2020 unweighted" $PY "$ORACLE" "$C" --dataset us-mcs2020 --json "$J"
check "nx: us-mcs2020 share weights" $PY "$ORACLE" "$C" --dataset us-mcs2020 --json "$J" --weights share
check "nx: us-mcs2020 bipartite" $PY "$ORACLE" "$C" --dataset us-mcs2020 --json "$J" --bipartite-normalized
check "nx: us-mcs2020 supplies only" $PY "$ORACLE" "$C" --dataset us-mcs2020 --json "$J" --kinds supplies --weights share
check "nx: us-mcs2020 onto countries" $PY "$ORACLE" "$C" --dataset us-mcs2020 --json "$J" --projection countries
check "nx: us-mcs2020 onto minerals, weighted" $PY "$ORACLE" "$C" --dataset us-mcs2020 --json "$J" --projection minerals --weights share
check "nx: random 60x40" $PY "$ORACLE" "$C" --random 60 40 0.08 1 "$T_TMP/r1.csv"
check "nx: random 60x40 weighted" $PY "$ORACLE" "$C" --random 60 40 0.08 1 "$T_TMP/r1.csv" --weights share
check "nx: random 60x40 bipartite" $PY "$ORACLE" "$C" --random 60 40 0.08 1 "$T_TMP/r1.csv" --bipartite-normalized
check "nx: random 200x150 sparse, weighted" $PY "$ORACLE" "$C" --random 200 150 0.02 3 "$T_TMP/r3.csv" --weights share
check "nx: random 80x30 onto countries weighted" $PY "$ORACLE" "$C" --random 80 30 0.1 7 "$T_TMP/r2.csv" --weights share --projection countries
check "nx: random 80x30 onto minerals" $PY "$ORACLE" "$C" --random 80 30 0.1 7 "$T_TMP/r2.csv" --projection minerals

# --- output forms and errors ---
run centrality --dataset us-mcs2020 --measure pagerank --format csv
expect_rc 0
expect_out '^id,type,component,pagerank.?$'
run centrality --measure nope
expect_rc 64
expect_err "--measure 'nope'"
run centrality --bipartite-normalized --weights share
expect_rc 64
expect_one_line_err
run centrality --projection countries --measure hub
expect_rc 64
run projection
expect_rc 64
expect_err 'onto countries\|minerals is required'
run projection --onto planets
expect_rc 64
run centrality --kinds produces,bogus
expect_rc 64
# bad edge lists: one line naming file, line and column
printf 'country,mineral,share\nA,x,1.5\n' >"$T_TMP/bad1.csv"
run centrality --data "$T_TMP/bad1.csv"
expect_rc 65
expect_err 'bad1.csv:2: column .share.: expected a share in \[0,1\], got .1\.5.'
expect_one_line_err
printf 'country,mineral,share\nA,x,0.5\nA,x,0.2\n' >"$T_TMP/bad2.csv"
run centrality --data "$T_TMP/bad2.csv"
expect_rc 65
expect_err 'bad2.csv:3: the pair A,x repeats line 2'
printf 'country,mineral\nA,x\nx,y\n' >"$T_TMP/bad3.csv"
run projection --onto countries --data "$T_TMP/bad3.csv"
expect_rc 65
expect_err "bad3.csv:3: column 'country': 'x' is already on the mineral side"
printf 'country,mineral,value\nA,x,3\n' >"$T_TMP/bad4.csv"
run centrality --data "$T_TMP/bad4.csv"
expect_rc 65
expect_err "bad4.csv:1: column 3 'value': expected a column named share or weight"
printf 'country,mineral,weight\nA,x,3\nB,x,\n' >"$T_TMP/w.csv"
# a weight is no share (issue 17): kept as the edge's quantity, so share weights leave both edges out
run centrality --data "$T_TMP/w.csv" --weights share --format json
expect_rc 0
check "weight column: no share, 2 edges left out" [ "$(json_get 'd["edges_without_share"]')" = 2 ]
run export --data "$T_TMP/w.csv"
expect_rc 0
check "weight column: A's weight 3 is its quantity" [ "$(json_get '[e["quantity"] for e in d["edges"] if e["country"]=="A"][0]')" = 3 ]
check "weight column: no share written" [ "$(json_get 'sum("share" in e for e in d["edges"])')" = 0 ]
# shares of a mineral past 1 (beyond validate's 6% world rounding) are refused at the row that passes 1
printf 'country,mineral,share\nCHN,graphite,0.7\nMOZ,graphite,0.3\nBRA,graphite,0.1\n' >"$T_TMP/s.csv"
run centrality --data "$T_TMP/s.csv"
expect_rc 65
expect_one_line_err
expect_err "s.csv:4: world-production shares of graphite sum to 1.1, more than 1"
printf 'country,mineral,share\nCHN,graphite,0.7\nMOZ,graphite,0.3\nBRA,natural_graphite,0.1\n' >"$T_TMP/s.csv"
run centrality --data "$T_TMP/s.csv"
expect_rc 0
run centrality --data "$T_TMP/w.csv" -o "$T_TMP/sub/none.txt"
expect_rc 73
finish
