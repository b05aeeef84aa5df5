# tests/cli/test_faults.sh: hostile inputs from docs/reliability.md ("Limits"): an endless device, a 2 GB sparse
# file, a 100 MB line. Each must end in exit 65 with one line on stderr naming the input, quickly and without
# reading the whole thing into memory (a regular file is refused from its size; a device is read up to the limit).
. "$CN_SRC/tests/cli/lib.sh"

# /dev/zero: not a regular file, read up to the 256 MiB input limit, then refused
run deps --data /dev/zero
expect_rc 65
expect_one_line_err
expect_err "^critnet: /dev/zero: input is more than the 256 MiB limit"

# a 2 GB sparse native JSON file: refused from its size, before any read
truncate -s 2G "$T_TMP/big.json"
run deps --data "$T_TMP/big.json"
expect_rc 65
expect_one_line_err
expect_err "big.json: file is 2147483648 bytes, more than the 256 MiB limit"

# a 100 MB line read as a trade table (--from csv): the record limit (16 MiB), file and line named
head -c 100000000 /dev/zero | tr '\0' x >"$T_TMP/line.csv"
run concentration --data "$T_TMP/line.csv" --from csv --columns exporter=1,importer=2,product=3
expect_rc 65
expect_one_line_err
expect_err "line.csv:1: record longer than 16 MiB"
# the same file without --from: the format sniffed from a prefix, the header not recognised, one line
run deps --data "$T_TMP/line.csv"
expect_rc 65
expect_one_line_err
expect_err "line.csv:1: unrecognised CSV header"
finish
