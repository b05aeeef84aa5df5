# tests/cli/lib.sh: helpers for CLI tests. Source it; call `finish` at the end.
# $CRITNET is the binary, $CN_SRC the source tree (set by ctest, tests/CMakeLists.txt).
set -u
: "${CRITNET:?set by ctest}" "${CN_SRC:?set by ctest}"
T_PASS=0
T_FAIL=0
T_TMP=$(mktemp -d)
trap 'rm -rf "$T_TMP"' EXIT

# run ARGS...: runs critnet; sets $OUT, $ERR (file contents) and $RC
run() {
  "$CRITNET" "$@" >"$T_TMP/out" 2>"$T_TMP/err" </dev/null
  RC=$?
  OUT=$(cat "$T_TMP/out")
  ERR=$(cat "$T_TMP/err")
}
ok() { T_PASS=$((T_PASS + 1)); }
bad() { T_FAIL=$((T_FAIL + 1)); echo "FAIL: $*" >&2; }
# check DESCRIPTION COMMAND...: passes when the command succeeds
check() { local d=$1; shift; if "$@"; then ok; else bad "$d"; fi; }
expect_rc() { if [ "$RC" -eq "$1" ]; then ok; else bad "expected exit $1, got $RC (stderr: $ERR)"; fi; }
expect_out() { if grep -Eq -- "$1" <<<"$OUT"; then ok; else bad "stdout does not match /$1/"; fi; }
expect_err() { if grep -Eq -- "$1" <<<"$ERR"; then ok; else bad "stderr '$ERR' does not match /$1/"; fi; }
expect_one_line_err() {
  if [ "$(printf '%s\n' "$ERR" | wc -l)" -eq 1 ] && [ -n "$ERR" ]; then ok; else bad "stderr is not one line: $ERR"; fi
}
# jq-like lookups with python3's json module (an independent parser)
json_get() { /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1" <<<"$OUT"; }
near() { /usr/bin/python3 -c "import sys; a,b,t=map(float,sys.argv[1:]); sys.exit(0 if abs(a-b)<=t else 1)" "$1" "$2" "${3:-1e-9}"; }
finish() {
  echo "$T_PASS passed, $T_FAIL failed"
  [ "$T_FAIL" -eq 0 ]
}
