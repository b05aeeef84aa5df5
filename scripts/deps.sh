# Sourced by scripts/demo and scripts/test: install what is missing (Debian 12, as root).
cn_install_deps() {
  local want=(build-essential cmake pkg-config libigraph-dev libgraphviz-dev graphviz libcjson-dev
              zlib1g-dev iso-codes libcairo2-dev "$@")
  want+=(libxml2-dev) # i16: io/format/gexf.c (export --format gexf) writes through libxml2's xmlTextWriter
  local missing=()
  for p in "${want[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "scripts: installing ${missing[*]}" >&2
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  # Graphviz plugins need config6a; containers sometimes skip libgvc6's postinst.
  if [ ! -s /usr/lib/x86_64-linux-gnu/graphviz/config6a ] && command -v dot >/dev/null; then
    ${sudo:-} dot -c || true
  fi
}
