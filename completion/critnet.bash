# completion/critnet.bash: bash completion for critnet: commands, each command's options (read from
# `critnet COMMAND --help`, so they stay true to the program), dataset names, formats, lists and files.
# Installed by `cmake --install` into share/bash-completion/completions/critnet.
_critnet() {
  local cur prev cmd
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}
  cmd=${COMP_WORDS[1]}
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "$(critnet --help 2>/dev/null | awk '/^Commands:/{on=1;next} /^$/{on=0} on{print $1}') --help --version" -- "$cur"))
    return
  fi
  case $prev in
    --dataset)
      COMPREPLY=($(compgen -W "$(critnet datasets --format csv 2>/dev/null | tail -n +2 | cut -d, -f1)" -- "$cur"))
      return ;;
    --format)
      COMPREPLY=($(compgen -W "table json csv markdown md dot svg png pdf html graphml gexf" -- "$cur"))
      return ;;
    --list)
      COMPREPLY=($(compgen -W "2018 2022 all none" -- "$cur"))
      return ;;
    --layer)
      COMPREPLY=($(compgen -W "production imports" -- "$cur"))
      return ;;
    --from)
      COMPREPLY=($(compgen -W "baci comtrade csv usgs-mcs" -- "$cur"))
      return ;;
    --data|-o|--output|--scenario)
      COMPREPLY=($(compgen -f -- "$cur"))
      return ;;
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$(critnet "$cmd" --help 2>/dev/null | grep -oE -- '--[a-z][a-z-]*' | sort -u) --data --dataset --format -o --help" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -F _critnet critnet
