#!/usr/bin/env bash
# Installs what docket needs, once.
#   scripts/setup.sh build   Debian: libcmark-dev, libmimalloc-dev, pkg-config (to compile)
#   scripts/setup.sh test    also Debian: chromium, cmark; PyPI: icalendar and
#                            feedparser (feed checks), axe-core's axe.min.js
#                            (from the axe-playwright-python wheel) into .build/axe/
# As root it runs apt-get; otherwise it prints the exact command and stops.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-build}"
need=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
for p in pkg-config libcmark-dev; do have_pkg "$p" || need+=("$p"); done
# DOCKET_SYSTEM_MALLOC=1 builds with glibc's malloc (Package.swift) and needs no mimalloc.
[ "${DOCKET_SYSTEM_MALLOC:-}" = "1" ] || have_pkg libmimalloc-dev || need+=(libmimalloc-dev)
if [ "$mode" = "test" ]; then
  for p in chromium cmark; do have_pkg "$p" || need+=("$p"); done
fi
if [ ${#need[@]} -gt 0 ]; then
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
fi
[ "$mode" = "test" ] || exit 0

python3 -c "import icalendar, feedparser" 2>/dev/null || {
  echo "Installing the feed parsers used by the tests (icalendar, feedparser) …" >&2
  python3 -m pip install -q --disable-pip-version-check icalendar feedparser
}
if [ ! -s .build/axe/axe.min.js ]; then
  echo "Fetching axe-core for the accessibility test …" >&2
  tmp="$(mktemp -d)"
  python3 -m pip download -q --disable-pip-version-check --no-deps -d "$tmp" "axe-playwright-python==0.1.8"
  mkdir -p .build/axe
  python3 - "$tmp" <<'PY'
import glob, sys, zipfile
wheel = glob.glob(sys.argv[1] + "/*.whl")[0]
with zipfile.ZipFile(wheel) as z:
    data = z.read("axe_playwright_python/axe.min.js")
open(".build/axe/axe.min.js", "wb").write(data)
PY
  rm -rf "$tmp"
fi
