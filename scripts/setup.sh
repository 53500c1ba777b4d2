#!/usr/bin/env bash
# Installs what Briefing needs on a Debian machine that has Swift: the libxlsxwriter C library,
# pkg-config, and the independent readers the tests use (Python's openpyxl and markdown-it,
# LibreOffice, pdftoppm).
# Installs only what is missing; safe to run again.
set -euo pipefail

need=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
for pkg in libxlsxwriter-dev pkg-config python3 python3-openpyxl; do
  have_pkg "$pkg" || need+=("$pkg")
done
if [ "${1:-}" = "--test" ]; then
  for pkg in libreoffice-calc-nogui poppler-utils python3-markdown-it; do
    have_pkg "$pkg" || need+=("$pkg")
  done
fi

if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}"
  sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if ! command -v swift >/dev/null; then
  echo "setup: swift is not on PATH; install Swift 6 first (https://swift.org/install)" >&2
  exit 1
fi
