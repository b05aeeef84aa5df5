# critnet render: formats, files, errors, determinism; the drawn edges checked by an independent oracle
# (tests/oracles/render_oracle.py reads the data file and Graphviz's own `dot -Tplain` of our DOT).
. "$CN_SRC/tests/cli/lib.sh"
D=$CN_SRC/tests/data
cd "$T_TMP" || exit 1

run render --help
expect_rc 0
expect_out '^usage: critnet render'

# default: DOT on stdout, the dependencies of USA in the default dataset: its many minerals get the overview
# (tests/cli/test_render_overview.sh), --full the full diagram
run render
expect_rc 0
expect_out '^digraph critnet \{'
expect_out 'each mineral under its top import source'
check "default picture is read back by dot" dot -Tplain "$T_TMP/out" -o plain.txt
run render --full
expect_rc 0
expect_out '^digraph critnet \{'
expect_out '"consumer:USA"'
check "full picture is read back by dot" dot -Tplain "$T_TMP/out" -o plain.txt

# every supplier edge and highlight against the data, for a share-style and a rank-only dataset
for ds in "$CN_SRC/datasets/us-mcs2020.json" "$D/render-shares.json" "$D/render-ranks.json" "$D/render-hostile.json"; do
  "$CRITNET" render --full --data "$ds" -o g.dot
  check "dot parses the DOT of $ds" dot -Tplain g.dot -o g.plain
  check "oracle agrees on $ds" /usr/bin/python3 "$CN_SRC/tests/oracles/render_oracle.py" "$ds" USA g.plain
done

# formats from the extension; SVG well-formed with one node group per node; PNG and PDF magic bytes
run render --data "$D/render-shares.json" -o pic.svg
expect_rc 0
check "SVG is well-formed" xmllint --noout pic.svg
# 9 nodes by hand: CHN MEX CAN, graphite's and cobalt's "other", one unnamed, 2 minerals, USA
check "SVG has 9 node groups" [ "$(grep -c '<g id="node' pic.svg)" -eq 9 ]
run render --data "$D/render-shares.json" -o pic.png
expect_rc 0
check "PNG magic" [ "$(head -c 8 pic.png | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]
run render --data "$D/render-shares.json" -o pic.pdf
check "PDF magic" [ "$(head -c 5 pic.pdf)" = "%PDF-" ]
run render --data "$D/render-shares.json" --format svg -o pic.out
check "--format wins over the extension" xmllint --noout pic.out

# deterministic: two runs give the same bytes
"$CRITNET" render -o a.dot && "$CRITNET" render -o b.dot
check "DOT byte-identical" cmp -s a.dot b.dot
"$CRITNET" render -o a.svg && "$CRITNET" render -o b.svg
check "SVG byte-identical" cmp -s a.svg b.svg

# views
run render --data "$D/render-shares.json" --mineral cobalt
expect_out 'label=<CAN 50%>'
run render --data "$D/render-shares.json" --layer production
expect_out '"country:COD" -> "mineral:cobalt"'
expect_out 'label=<60%>'
run render --data "$D/render-shares.json" --country MEX
expect_out '"country:MEX" -> "mineral:graphite"'
check "--country MEX leaves out cobalt" [ "$(grep -c 'mineral:cobalt' <<<"$OUT")" -eq 0 ]
run render --data "$D/render-shares.json" --top 1
expect_out '\+1 not shown'
run render --data "$D/render-ranks.json"
expect_out 'style=dashed'

# errors: one line, the right exit code, nothing written
echo keep >kept.svg
run render --format jpg -o x.jpg
expect_rc 64
expect_err "unknown format 'jpg'"
check "nothing written for an unknown format" [ ! -e x.jpg ]
run render -o x.txt
expect_rc 64
expect_err "cannot tell the format of 'x.txt'"
check "nothing written for an unknown extension" [ ! -e x.txt ]
run render -o /nonexistent/dir/x.svg
expect_rc 73
expect_one_line_err
run render --mineral unobtainium -o kept.svg
expect_rc 64
expect_err "mineral 'unobtainium' is not a mineral"
check "a failed run leaves the old file" [ "$(cat kept.svg)" = keep ]
check "no temporary file left" [ "$(ls -A | grep -c '^\.kept')" -eq 0 ]
# a picture too large to lay out: refused before anything is written; dot is never limited
run render --full --dataset us-mcs2020 --format dot
N=$(grep -c -- '->' <<<"$OUT")
run render --full --dataset us-mcs2020 --max-edges $((N - 1)) -o kept.svg
expect_rc 64
expect_one_line_err
expect_err "would have $N edges \(more than $((N - 1))"
check "a refused picture leaves the old file" [ "$(cat kept.svg)" = keep ]
run render --full --dataset us-mcs2020 --max-edges "$N" --format svg
expect_rc 0
run render --dataset us-mcs2020 --max-edges 1 --format dot
expect_rc 0
run render --max-edges -1
expect_rc 64
run render --consumer ZZZ
expect_rc 64
run render --layer production --consumer USA
expect_rc 64
run render --top 0
expect_rc 64
run render --min-share 2
expect_rc 64
run render --layer roads
expect_rc 64
# Graphviz errors become one "critnet: graphviz:" line (exit 70): with no plugin configuration, PNG (the
# installed cairo plugins) cannot be made; SVG (built-in plugins) still can
mkdir -p nogv
GVBINDIR=$T_TMP/nogv "$CRITNET" render -o nogv.png 2>err.txt
RC=$?; ERR=$(cat err.txt)
expect_rc 70
expect_err '^critnet: graphviz: '
expect_one_line_err
check "nothing written when Graphviz fails" [ ! -e nogv.png ]
GVBINDIR=$T_TMP/nogv "$CRITNET" render -o nogv.svg
check "SVG needs no plugin configuration" xmllint --noout nogv.svg
"$CRITNET" render >/dev/full 2>err.txt
RC=$?; ERR=$(cat err.txt)
expect_rc 74
finish
