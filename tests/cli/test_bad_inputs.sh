# The bad-input corpora, one folder each with one EXPECTED table (CASE<TAB>exit code<TAB>regex of the one stderr
# line after "critnet: ", naming the file and the place): tests/bad/json (native JSON: validate, deps),
# tests/bad/trade (BACI rows: deps, validate, and --skip-bad), tests/bad/usgs (MCS release folders: import).
# Every case: the exit code, exactly one stderr line matching, and no output file. Cases that need no file
# (missing, huge, unwritable) follow.
. "$CN_SRC/tests/cli/lib.sh"
B="$CN_SRC/tests/bad"

# expect_case CASE CODE RE OUTFILE: after a run, the exit code, one stderr line, the message, no output file
expect_case() {
  expect_rc "$2"
  expect_one_line_err
  expect_err "^critnet: $3"
  check "$1: no output file" [ ! -e "$4" ]
}
# cases CORPUS: the rows of its EXPECTED table (comments and blank lines left out)
cases() { grep -v '^#' "$B/$1/EXPECTED" | grep -v '^$'; }

cd "$B/json"
while IFS=$'\t' read -r file code re; do
  out="$T_TMP/out-$file"
  run validate "$file"
  expect_case "validate $file" "$code" "$re" "$out"
  run deps --data "$file" -o "$out"
  expect_case "deps $file" "$code" "$re" "$out"
done < <(cases json)
check "json: every corpus file is listed" [ "$(ls *.json | wc -l)" -eq "$(cases json | wc -l)" ]

cd "$B/trade"
while IFS=$'\t' read -r file code re; do
  out="$T_TMP/out-$file"
  run deps --data "$file" --from baci --consumer DEU -o "$out"
  expect_case "deps $file" "$code" "$re" "$out"
  run validate --from baci "$file"
  expect_case "validate $file" "$code" "$re" "$out"
  # --skip-bad: the row is counted, the good rows stay
  run deps --data "$file" --from baci --consumer DEU --skip-bad --format json
  expect_rc 0
  expect_err "skipped 1 malformed row"
  check "$file --skip-bad: the good row stays" [ "$(json_get 'd["minerals"][0]["top_supplier"]')" = CHN ]
  run validate --from baci --skip-bad "$file"
  expect_rc 0
  expect_out "^$file: ok"
done < <(cases trade)
check "trade: every corpus file is listed" [ "$(ls *.csv | wc -l)" -eq "$(cases trade | wc -l)" ]

cd "$B/usgs"
while IFS=$'\t' read -r dir code re; do
  out="$T_TMP/out-$dir.json"
  run import --from usgs-mcs "$dir" -o "$out"
  expect_case "import $dir" "$code" "$re" "$out"
done < <(cases usgs)
check "usgs: every case folder is listed" [ "$(ls -d */ | wc -l)" -eq "$(cases usgs | wc -l)" ]

# a missing file: 66
run deps --data "$T_TMP/nope.json"
expect_rc 66
expect_err "^critnet: $T_TMP/nope.json: No such file or directory$"
# a directory: 66
run validate "$T_TMP"
expect_rc 66
# a 1 GB file on one line (sparse): refused by size before it is read
truncate -s 1G "$T_TMP/huge.json"
run validate "$T_TMP/huge.json"
expect_rc 65
expect_err "more than the 256 MiB limit"
expect_one_line_err
# the same through a pipe: the reader stops at the limit
"$CRITNET" validate - < <(head -c 300M /dev/zero | tr '\0' ' ') >/dev/null 2>"$T_TMP/err"; RC=$?; ERR=$(cat "$T_TMP/err")
expect_rc 65
expect_err "stdin: input is more than the 256 MiB limit"
# an unwritable output path: 73, nothing written
run deps -o "$T_TMP/no/such/dir/out.txt"
expect_rc 73
expect_one_line_err
expect_err "^critnet: $T_TMP/no/such/dir/out.txt: No such file or directory$"
# a full device: 74
if [ -w /dev/full ]; then
  run deps -o /dev/full
  expect_rc 74
  expect_err "/dev/full: write error"
fi
# /dev/null is written directly, never renamed over
run deps -o /dev/null
expect_rc 0
check "/dev/null is still a character device" [ -c /dev/null ]
# a failed run leaves an existing output untouched
echo keep > "$T_TMP/existing.txt"
run deps --data "$B/json/share_sum.json" -o "$T_TMP/existing.txt"
expect_rc 65
check "existing output untouched" [ "$(cat "$T_TMP/existing.txt")" = keep ]
check "no temporary files left" [ -z "$(ls -A "$T_TMP" | grep '^\.existing')" ]
finish
