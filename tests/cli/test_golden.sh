# Golden files of what users see: each line of expected/MANIFEST (NAME<TAB>ARGS) runs `critnet ARGS` on the
# built-in data and its stdout must equal expected/NAME byte for byte; a mismatch prints a unified diff.
# Regenerate after a reviewed, intended change with tests/cli/update-expected.sh (sets CN_GOLDEN_UPDATE=1).
# No output here holds a date or a path (checked when the files were made); should one ever hold the source
# tree, normalise() turns $CN_SRC into @CN_SRC@. One thing is normalised: in DOT the top-level subgraphs
# (suppliers, minerals, consumers) are sorted by name, because Graphviz's agwrite orders subgraphs by cgraph's
# object ids, which are string addresses: the order changes with the allocator (an ASan build writes minerals
# before suppliers). The expected files are stored normalised (update-expected.sh runs this script).
. "$CN_SRC/tests/cli/lib.sh"
E="$CN_SRC/tests/cli/expected"
# sort_subgraphs: the blocks "\tsubgraph NAME {" .. "\t}" sorted by NAME, in place of the first one
sort_subgraphs() {
  /usr/bin/python3 -c '
import re, sys
lines = sys.stdin.read().split("\n")
out, blocks, at, i = [], [], None, 0
while i < len(lines):
    m = re.match(r"\tsubgraph (\S+) \{$", lines[i])
    if not m:
        out.append(lines[i]); i += 1; continue
    j = lines.index("\t}", i)
    if at is None:
        at = len(out)
    blocks.append((m.group(1), lines[i:j + 1])); i = j + 1
for name, block in sorted(blocks, reverse=True):
    out[at:at] = block
sys.stdout.write("\n".join(out))'
}
normalise() { # NAME: stdin -> stdout
  case "$1" in
    *.dot) sed "s|$CN_SRC|@CN_SRC@|g" | sort_subgraphs ;;
    *) sed "s|$CN_SRC|@CN_SRC@|g" ;;
  esac
}
cd "$T_TMP"
while IFS=$'\t' read -r name args; do
  case "$name" in ''|'#'*) continue ;; esac
  # shellcheck disable=SC2086 # ARGS are split on spaces, as written in the manifest
  "$CRITNET" $args </dev/null 2>"$T_TMP/err" | normalise "$name" >"$T_TMP/got"
  rc=${PIPESTATUS[0]}
  check "$name: critnet $args exits 0 (stderr: $(cat "$T_TMP/err"))" [ "$rc" -eq 0 ]
  check "$name: no stderr" [ ! -s "$T_TMP/err" ]
  if [ "${CN_GOLDEN_UPDATE:-0}" = 1 ]; then
    cp "$T_TMP/got" "$E/$name"
    ok
  elif diff -u --label "expected/$name" --label "critnet $args" "$E/$name" "$T_TMP/got"; then
    ok
  else
    bad "$name: output of 'critnet $args' differs from tests/cli/expected/$name (diff above)"
  fi
done <"$E/MANIFEST"
# every file in expected/ is listed (no stale golden file)
for f in "$E"/*; do
  n=$(basename "$f")
  [ "$n" = MANIFEST ] && continue
  check "expected/$n is listed in MANIFEST" grep -q "^$n	" "$E/MANIFEST"
done
finish
