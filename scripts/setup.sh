#!/usr/bin/env bash
# Installs what docket needs from Debian's packages, once.
#   scripts/setup.sh build   libcmark-dev and pkg-config (to compile)
#   scripts/setup.sh test    the above, plus chromium (browser tests) and cmark
# As root it runs apt-get; otherwise it prints the exact command and stops.
set -euo pipefail
need=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
for p in pkg-config libcmark-dev; do have_pkg "$p" || need+=("$p"); done
if [ "${1:-build}" = "test" ]; then
  for p in chromium cmark; do have_pkg "$p" || need+=("$p"); done
fi
[ ${#need[@]} -eq 0 ] && exit 0
cmd="apt-get update && apt-get install -y --no-install-recommends ${need[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "docket needs: ${need[*]}" >&2
  echo "Run as root:  sudo sh -c '$cmd'" >&2
  exit 1
fi
echo "Installing ${need[*]} …" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
