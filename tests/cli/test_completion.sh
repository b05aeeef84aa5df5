#!/bin/bash
# tests/cli/test_completion.sh: the bash completion (completion/critnet.bash) offers every command of
# cli/commands.def, a command's own options, and the built-in dataset names.
. "$(dirname "$0")/lib.sh"
. "$CN_SRC/completion/critnet.bash"
PATH=$(dirname "$CRITNET"):$PATH
complete_words() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=(); _critnet; printf '%s\n' "${COMPREPLY[@]}"; }
for c in $(sed -n 's/^CLI_CMD("\([a-z]*\)".*/\1/p' "$CN_SRC/cli/commands.def"); do
  check "command $c is offered" grep -qx "$c" <(complete_words critnet "")
done
check "deps --consumer" grep -qx -- --consumer <(complete_words critnet deps --con)
check "render --max-edges" grep -qx -- --max-edges <(complete_words critnet render --max)
check "dataset us-mcs2020" grep -qx us-mcs2020 <(complete_words critnet deps --dataset us-mcs)
check "no dataset made up" test "$(complete_words critnet deps --dataset nosuch | wc -w)" = 0
finish
