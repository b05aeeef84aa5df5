#!/bin/bash
# Regenerates tests/cli/expected/* (the golden files of tests/cli/test_golden.sh) from a built critnet, after a
# reviewed, intended change of output: run it, read `git diff tests/cli/expected`, commit with the change.
# usage: tests/cli/update-expected.sh [PATH/TO/critnet]   (default: $CRITNET, else build/ or build-asan/critnet)
set -eu
CN_SRC=$(cd "$(dirname "$0")/../.." && pwd)
CRITNET=${1:-${CRITNET:-$CN_SRC/build/critnet}}
[ -x "$CRITNET" ] || [ $# -gt 0 ] || CRITNET=$CN_SRC/build-asan/critnet
[ -x "$CRITNET" ] || { echo "update-expected.sh: no critnet at $CRITNET (give its path)" >&2; exit 64; }
CRITNET=$(cd "$(dirname "$CRITNET")" && pwd)/$(basename "$CRITNET")
export CRITNET CN_SRC LC_ALL=C CN_GOLDEN_UPDATE=1
bash "$CN_SRC/tests/cli/test_golden.sh"
git -C "$CN_SRC" status --short -- tests/cli/expected
