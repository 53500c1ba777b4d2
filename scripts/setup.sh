#!/usr/bin/env bash
# Installs what Briefing needs on a Debian machine that has Swift: the libxlsxwriter C library,
# libcrypto's headers (libssl-dev, for SHA-256),
# pkg-config, and the independent readers the tests use (Python's openpyxl, markdown-it, jsonschema and frictionless,
# LibreOffice, pdftoppm). With --spark (and with --test, whose tests run a Spark job): a Java runtime
# and PySpark (spark/README in the README's "Running on Apache Spark").
# Installs only what is missing; safe to run again.
set -euo pipefail

need=()
# the mode, kept apart: the loops below reuse the positional parameters
mode="${1:-}"
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
for pkg in libxlsxwriter-dev libssl-dev pkg-config python3 python3-openpyxl; do
  have_pkg "$pkg" || need+=("$pkg")
done
if [ "$mode" = "--test" ]; then
  for pkg in libreoffice-calc-nogui poppler-utils; do
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

if [ "$mode" = "--test" ]; then
  # The python3 the tests use (Tests/BriefingKitTests/Support/Python.swift): BRIEFING_PYTHON, else the
  # first of python3 on PATH and /usr/bin/python3 that imports openpyxl. The JSON Schema and data-package
  # tests need jsonschema (Debian's python3-jsonschema for /usr/bin/python3) and frictionless (PyPI only,
  # pinned) in that same python.
  py="${BRIEFING_PYTHON:-}"
  if [ -z "$py" ]; then
    for candidate in "$(command -v python3 || true)" /usr/bin/python3; do
      if [ -n "$candidate" ] && "$candidate" -c "import openpyxl" 2>/dev/null; then py="$candidate"; break; fi
    done
  fi
  py="${py:-/usr/bin/python3}"
  as_root=""
  if [ "$(id -u)" != 0 ]; then as_root="sudo"; fi
  apt_install() {
    echo "setup: installing $*"
    $as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  }
  pip_install() {
    echo "setup: installing $* for $py"
    if [ "$py" = /usr/bin/python3 ]; then
      "$py" -m pip --version >/dev/null 2>&1 || apt_install python3-pip
      $as_root "$py" -m pip install -q --break-system-packages "$@"
    else
      "$py" -m pip install -q "$@"
    fi
  }
  # module, Debian package (for /usr/bin/python3), PyPI package (for another python)
  for spec in "jsonschema python3-jsonschema jsonschema" "markdown_it python3-markdown-it markdown-it-py"; do
    set -- $spec
    if ! "$py" -c "import $1" 2>/dev/null; then
      if [ "$py" = /usr/bin/python3 ]; then apt_install "$2"; else pip_install "$3"; fi
    fi
  done
  "$py" -c "import frictionless" 2>/dev/null || pip_install "frictionless==5.18.1"
fi

if ! command -v swift >/dev/null; then
  echo "setup: swift is not on PATH; install Swift 6 first (https://swift.org/install)" >&2
  exit 1
fi

# Spark: a Java runtime from Debian, PySpark from PyPI (pinned), for the python scripts/spark.sh uses:
# BRIEFING_PYTHON, else /usr/bin/python3.
if [ "$mode" = "--test" ] || [ "$mode" = "--spark" ]; then
  as_root=""
  if [ "$(id -u)" != 0 ]; then as_root="sudo"; fi
  if ! command -v java >/dev/null; then
    jre=openjdk-17-jre-headless
    apt-cache show "$jre" >/dev/null 2>&1 || jre=default-jre-headless
    echo "setup: installing $jre (for Spark)"
    $as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$jre" >/dev/null
  fi
  spark_py="${BRIEFING_PYTHON:-/usr/bin/python3}"
  if ! "$spark_py" -c "import pyspark" 2>/dev/null; then
    echo "setup: installing pyspark for $spark_py"
    if ! "$spark_py" -m pip --version >/dev/null 2>&1; then
      $as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
      $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-pip >/dev/null
    fi
    if [ "$spark_py" = /usr/bin/python3 ]; then
      $as_root "$spark_py" -m pip install -q --break-system-packages "pyspark==3.5.7"
    else
      "$spark_py" -m pip install -q "pyspark==3.5.7"
    fi
  fi
fi
