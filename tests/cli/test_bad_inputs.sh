# The bad-input corpus (tests/bad/): each file gets one stderr line naming the file and the place, the
# documented exit code, and no output file. Cases that need no file (missing, huge, unwritable) follow.
. "$CN_SRC/tests/cli/lib.sh"
cd "$CN_SRC/tests/bad"
while IFS=$'\t' read -r file code re; do
  case "$file" in ''|'#'*) continue ;; esac
  for cmd in validate deps; do
    out="$T_TMP/out-$file"
    if [ $cmd = validate ]; then run validate "$file"; else run deps --data "$file" -o "$out"; fi
    expect_rc "$code"
    expect_one_line_err
    expect_err "^critnet: $re"
    check "$cmd $file: no output file" [ ! -e "$out" ]
  done
done < EXPECTED
check "every corpus file is listed" [ "$(ls *.json | wc -l)" -eq "$(grep -c '\.json	' EXPECTED)" ]

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
run deps --data "$CN_SRC/tests/bad/share_sum.json" -o "$T_TMP/existing.txt"
expect_rc 65
check "existing output untouched" [ "$(cat "$T_TMP/existing.txt")" = keep ]
check "no temporary files left" [ -z "$(ls -A "$T_TMP" | grep '^\.existing')" ]
finish
