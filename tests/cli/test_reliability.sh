#!/usr/bin/env bash
# tests/cli/test_reliability.sh: issue 17 (nothing lost, nothing silently wrong): truncated and corrupt gzip,
# FIFOs, process substitution and stdin read once, unrecognised CSV headers, gzip bombs, forged messages,
# signals during -o, -o through links, Graphviz write errors. docs/reliability.md lists the cases.
. "$(dirname "$0")/lib.sh"
D=$T_TMP
BACI=$CN_SRC/tests/data/trade/baci_hs12_850650_2019.csv
NET=$CN_SRC/tests/data/chains.json

# --- 1. gzip: a cut .gz, a flipped CRC, an empty .gz and a non-gzip .gz are errors naming the file -------------
gzip -c "$BACI" >"$D/baci.csv.gz"
run deps --data "$D/baci.csv.gz" --format json
expect_rc 0
WHOLE=$OUT
SIZE=$(stat -c %s "$D/baci.csv.gz")
for cut in 5 20 $((SIZE / 2)) $((SIZE - 9)) $((SIZE - 4)) $((SIZE - 1)); do
  head -c "$cut" "$D/baci.csv.gz" >"$D/cut.csv.gz"
  run deps --data "$D/cut.csv.gz" --format json
  expect_rc 65
  expect_err "cut\.csv\.gz: gzip: "
  expect_one_line_err
  run deps --data "$D/cut.csv.gz" --from baci --format json
  expect_rc 65
  expect_err "cut\.csv\.gz: gzip: "
done
# the CRC-32 in the trailer (bytes -8..-5) flipped: "incorrect data check"
python3 - "$D/baci.csv.gz" "$D/crc.csv.gz" <<'PY'
import sys
b = bytearray(open(sys.argv[1], 'rb').read()); b[-8] ^= 0xFF; open(sys.argv[2], 'wb').write(b)
PY
run deps --data "$D/crc.csv.gz" --from baci
expect_rc 65
expect_err "crc\.csv\.gz: gzip: incorrect data check"
run deps --data "$D/crc.csv.gz"
expect_rc 65
expect_err "crc\.csv\.gz: gzip: "
: >"$D/empty.csv.gz"
run deps --data "$D/empty.csv.gz"
expect_rc 65
expect_err "empty\.csv\.gz: gzip: empty file"
run deps --data "$D/empty.csv.gz" --from baci
expect_rc 65
expect_err "empty\.csv\.gz: gzip: empty file"
cp "$BACI" "$D/plain.csv.gz"
run deps --data "$D/plain.csv.gz" --from baci
expect_rc 65
expect_err "plain\.csv\.gz: gzip: not in gzip format"
# an edge list cut short
printf 'country,mineral,share\nCHN,cobalt,0.5\nCOD,cobalt,0.5\n' | gzip -c >"$D/el.csv.gz"
run concentration --data "$D/el.csv.gz" --format json
expect_rc 0
head -c $(($(stat -c %s "$D/el.csv.gz") - 3)) "$D/el.csv.gz" >"$D/elcut.csv.gz"
run deps --data "$D/elcut.csv.gz"
expect_rc 65
expect_err "elcut\.csv\.gz: gzip: unexpected end of file"
# a gzipped native JSON network loads like the plain one
run concentration --data "$NET" --format json
PLAIN=$OUT
gzip -c "$NET" >"$D/net.json.gz"
run concentration --data "$D/net.json.gz" --format json
expect_rc 0
check "gzipped JSON gives the same answer" test "$OUT" = "$PLAIN"

# --- 3. FIFO, process substitution, stdin: detected from a prefix, read once -------------------------------------
mkfifo "$D/fifo"
cat "$BACI" >"$D/fifo" &
run deps --data "$D/fifo" --format json
expect_rc 0
check "a trade table through a FIFO gives the same answer as the file" test "$OUT" = "$WHOLE"
wait
OUT=$("$CRITNET" deps --data <(cat "$BACI") --format json 2>"$D/err"); RC=$?; ERR=$(cat "$D/err")
expect_rc 0
check "a trade table through <(cmd) gives the same answer" test "$OUT" = "$WHOLE"
OUT=$("$CRITNET" deps --data <(gzip -c "$BACI") --format json 2>"$D/err"); RC=$?; ERR=$(cat "$D/err")
expect_rc 0
check "a gzipped trade table through <(cmd)" test "$OUT" = "$WHOLE"
OUT=$("$CRITNET" deps --data - --format json <"$BACI" 2>"$D/err"); RC=$?
check "a trade table on stdin" test "$RC" -eq 0 -a "$OUT" = "$WHOLE"
OUT=$("$CRITNET" concentration --data - --format json <"$NET" 2>"$D/err"); RC=$?
check "a JSON network on stdin" test "$RC" -eq 0 -a "$OUT" = "$PLAIN"
OUT=$("$CRITNET" concentration --data <(cat "$NET") --format json 2>"$D/err"); RC=$?
check "a JSON network through <(cmd)" test "$RC" -eq 0 -a "$OUT" = "$PLAIN"
run concentration --data "$D/el.csv.gz" --format json
EL=$OUT
OUT=$("$CRITNET" concentration --data <(gzip -dc "$D/el.csv.gz") --format json 2>"$D/err"); RC=$?
check "an edge list through <(cmd)" test "$RC" -eq 0 -a "$OUT" = "$EL"
# a FIFO whose writer never closes would hang a reader that reads twice; with a timeout, it must not matter
mkfifo "$D/fifo2"
( cat "$NET" >"$D/fifo2" ) &
OUT=$(timeout 20 "$CRITNET" concentration --data "$D/fifo2" --format json 2>"$D/err"); RC=$?
check "a JSON network through a FIFO (exit $RC)" test "$RC" -eq 0 -a "$OUT" = "$PLAIN"
wait

# --- issue 12: a CSV of no known layout says so (was a JSON syntax error) -------------------------------------
run deps --data "$CN_SRC/tests/data/trade/plain.csv"
expect_rc 65
expect_err "plain\.csv:1: unrecognised CSV header: from,to,hs,yr,usd,tons; use --from csv --columns"
expect_one_line_err
OUT=$("$CRITNET" deps --data - <"$CN_SRC/tests/data/trade/plain.csv" 2>"$D/err"); RC=$?; ERR=$(cat "$D/err")
expect_rc 65
expect_err "^critnet: stdin:1: unrecognised CSV header: from,to,hs"
run deps --data "$CN_SRC/tests/data/trade/plain.csv" --from csv \
  --columns exporter=from,importer=to,product=hs,year=yr,value=usd,quantity=tons
expect_rc 0

# --- 6. a gzip bomb stops at the limit on decompressed bytes ----------------------------------------------------
python3 - "$D/bomb.csv.gz" <<'PY'
import gzip, sys
row = b'2019,156,842,850650,1.5,2.0\n'
with gzip.open(sys.argv[1], 'wb', compresslevel=1) as f:
    f.write(b't,i,j,k,v,q\n')
    chunk = row * 40000
    for _ in range(280):            # 280 x 40000 x 28 bytes = 313.6 MB > 256 MiB
        f.write(chunk)
PY
run deps --data "$D/bomb.csv.gz" --from baci
expect_rc 65
expect_err "bomb\.csv\.gz: gzip: expands to more than 256 MiB"
OUT=$("$CRITNET" deps --data <(cat "$D/bomb.csv.gz") 2>"$D/err"); RC=$?; ERR=$(cat "$D/err")
expect_rc 65
expect_err "gzip: expands to more than the 256 MiB limit"

# --- 9. SIGINT/SIGTERM/SIGHUP during -o FILE: the temp file is removed, FILE stays as it was ---------------------
# strace holds the first write(2) for 2 s: the temporary file exists then, and the signal arrives mid-write
if command -v strace >/dev/null && strace -o /dev/null true 2>/dev/null; then
  for sig in INT TERM HUP; do
    S=$D/sig$sig; mkdir -p "$S"; echo old >"$S/t.json"
    strace -o /dev/null -e trace=write -e inject=write:delay_enter=2000000 "$CRITNET" export -o "$S/t.json" &
    SP=$!; CP=
    for _ in $(seq 100); do
      CP=$(pgrep -P $SP); [ -n "$CP" ] && ls -A "$S" | grep -q '^\.t\.json\.' && break; sleep 0.1
    done
    check "SIG$sig: a temporary file exists while writing" ls -A "$S" | grep -q '^\.t\.json\.'
    kill -s "$sig" "$CP"; wait $SP; RC=$?
    check "SIG$sig: no temporary file left ($(ls -A "$S" | tr '\n' ' '))" test "$(ls -A "$S")" = t.json
    check "SIG$sig: the previous file intact" test "$(cat "$S/t.json")" = old
    check "SIG$sig: died by the signal (exit $RC)" test "$RC" -eq $((128 + $(kill -l "$sig")))
  done
else
  echo "skipped: the signal tests need strace (scripts/test installs it)"
fi

# --- 10. -o through links: a symlink's target is written, hard links kept, a read-only file refused -----------
run export
EXPORTED=$OUT
L=$D/links; mkdir -p "$L/real"; echo old >"$L/real/t.json"; ln -s real/t.json "$L/sym.json"
run export -o "$L/sym.json"
expect_rc 0
check "-o SYMLINK keeps the link" test -L "$L/sym.json"
check "-o SYMLINK writes the target" test "$(cat "$L/real/t.json")" = "$EXPORTED"
check "-o SYMLINK leaves no temporary file" test "$(ls -A "$L/real")" = t.json
ln -s real/new.json "$L/dangling.json"
run export -o "$L/dangling.json"
expect_rc 0
check "-o DANGLING-SYMLINK creates the target" test "$(cat "$L/real/new.json")" = "$EXPORTED"
check "-o DANGLING-SYMLINK keeps the link" test -L "$L/dangling.json"
echo old >"$L/a.json"; ln "$L/a.json" "$L/b.json"
run export -o "$L/a.json"
expect_rc 0
check "-o HARDLINK: the other name sees the new content" test "$(cat "$L/b.json")" = "$EXPORTED"
check "-o HARDLINK: still 2 links" test "$(stat -c %h "$L/a.json")" -eq 2
echo old >"$L/ro.json"; chmod 444 "$L/ro.json"
run export -o "$L/ro.json"
expect_rc 73
expect_err "ro\.json: the file is read-only"
check "-o READONLY: untouched" test "$(cat "$L/ro.json")" = old
# a writable file in a folder the user cannot write (root can write anywhere: only as another user)
if [ "$(id -u)" -ne 0 ]; then
  mkdir -p "$L/locked"; echo old >"$L/locked/w.json"; chmod 555 "$L/locked"
  run export -o "$L/locked/w.json"
  expect_rc 0
  check "-o in a locked folder writes the file" test "$(cat "$L/locked/w.json")" = "$EXPORTED"
  chmod 755 "$L/locked"
fi

# --- disk full: every writer reports it and exits 74 ---------------------------------------------------------
run export -o /dev/full
expect_rc 74
expect_err "/dev/full: write error"

for fmt in svg png pdf dot; do
  run render --format $fmt --mineral cobalt -o /dev/full
  expect_rc 74
  expect_err "^critnet: /dev/full: write error"
  expect_one_line_err
done

# --- 8. echoed values cannot forge a line or a terminal escape -------------------------------------------------
printf 'country,mineral\n"X\033[2J\ncritnet: forged",cobalt\n"X\033[2J\ncritnet: forged",cobalt\n' >"$D/forge.csv"
run concentration --data "$D/forge.csv"
expect_rc 65
expect_one_line_err
check "the ESC and the newline are escaped" grep -Fq 'X\x1B[2J\ncritnet: forged' <<<"$ERR"
check "no raw ESC on stderr" test "$(tr -d -c '\033' <<<"$ERR" | wc -c)" -eq 0
printf 'country,mineral\n"A\377B",cobalt\n"A\377B",cobalt\n' >"$D/latin.csv"
run concentration --data "$D/latin.csv"
expect_rc 65
check "an invalid UTF-8 byte is escaped" grep -Fq 'A\xFFB' <<<"$ERR"

# --- 7. scenario strings: \u0000 and duplicate keys are errors with the JSON path -----------------------------
SD="$CN_SRC/tests/data/scenario_small.json"
sed 's/"CHN", "mineral"/"CH\\u0000N", "mineral"/' "$CN_SRC/tests/data/scenario_ree.json" >"$D/scn_nul.json"
run scenario --data "$SD" --scenario "$D/scn_nul.json"
expect_rc 65
expect_err 'scn_nul\.json: \$\.restrict\[0\]\.country: \\u0000 \(NUL\) in a string'
sed 's/"spare": 0.5/"spare": 0.5, "spare": 0.9/' "$CN_SRC/tests/data/scenario_ree.json" >"$D/scn_dup.json"
run scenario --data "$SD" --scenario "$D/scn_dup.json"
expect_rc 65
expect_err 'scn_dup\.json: \$: the key "spare" appears twice'

# --- 5. edge lists take the ids validate takes; read -> export -> validate -> read over every fixture ----------
for id in 'U S A' '*other*' 'X"Y' "$(printf 'A\tB')"; do
  printf 'country,mineral\n"%s",cobalt\n' "$(sed 's/"/""/g' <<<"$id")" >"$D/badid.csv"
  run concentration --data "$D/badid.csv"
  expect_rc 65
  expect_err "badid\.csv:2: column 'country': invalid id"
done
printf 'country,mineral\nCHN,"co\000balt"\n' >"$D/nulid.csv"
run concentration --data "$D/nulid.csv"
expect_rc 65
expect_err "nulid\.csv:2: column 'mineral': a NUL byte in the id"
run concentration --data "$D/latin.csv"
expect_err "latin\.csv:2: column 'country': id 'A\\\\xFFB' is not UTF-8"
rt() { # rt LABEL ARGS...: export, validate the export, read it back, export again: the same bytes
  local label=$1; shift
  "$CRITNET" export "$@" -o "$D/rt1.json" 2>"$D/rterr" || { bad "$label: export failed: $(cat "$D/rterr")"; return; }
  check "$label: validate accepts the export" "$CRITNET" validate "$D/rt1.json"
  "$CRITNET" export --data "$D/rt1.json" -o "$D/rt2.json" 2>"$D/rterr" || { bad "$label: re-read failed: $(cat "$D/rterr")"; return; }
  check "$label: the export reads back the same" cmp -s "$D/rt1.json" "$D/rt2.json"
}
for f in "$CN_SRC"/tests/data/*.json; do
  case $f in *scenario_*) continue ;; esac
  rt "$(basename "$f")" --data "$f"
done
for ds in us-mcs2020 us-mcs2024 energy-chain-2018-2020; do rt "dataset $ds" --dataset "$ds"; done
rt baci --data "$BACI"
rt comtrade --data "$CN_SRC/tests/data/trade/comtrade_small.csv"
rt plain.csv --data "$CN_SRC/tests/data/trade/plain.csv" --from csv \
  --columns exporter=from,importer=to,product=hs,year=yr,value=usd,quantity=tons
rt edgelist --data "$D/el.csv.gz"

finish
