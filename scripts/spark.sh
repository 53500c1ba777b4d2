#!/usr/bin/env bash
# Runs a pipeline on Apache Spark (spark/briefing_spark.py) with the PySpark that scripts/setup.sh
# installs, and publishes under out/<pipeline>/ like `briefing run`.
#
#   scripts/spark.sh Pipelines/hanoi-convention.yaml [driver options: --shards N, --keep-partials, --quiet]
#
# SPARK_MASTER (default local[*]) is passed to spark-submit as --master; BRIEFING_BINARY (default
# .build/release/briefing) is the binary the tasks run; SPARK_SUBMIT_OPTIONS adds spark-submit options.
set -euo pipefail
cd "$(dirname "$0")/.."
py="${BRIEFING_PYTHON:-/usr/bin/python3}"
if ! "$py" -c "import pyspark" 2>/dev/null; then
  echo "spark: $py cannot import pyspark; run scripts/setup.sh --spark (make spark does)" >&2
  exit 1
fi
submit="$("$py" -c 'import os, pyspark; print(os.path.join(os.path.dirname(pyspark.__file__), "bin", "spark-submit"))')"
binary="${BRIEFING_BINARY:-.build/release/briefing}"
export PYSPARK_PYTHON="$py" PYSPARK_DRIVER_PYTHON="$py"
# in local mode Spark binds to this machine; saying so spares a warning about the host name
if [[ "${SPARK_MASTER:-local[*]}" == local* ]]; then export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"; fi
# spark-submit merges the driver's standard error into its standard output: the driver's errors
# ("spark: error: …") go back to standard error here, the rest stays on standard output.
set +e
# shellcheck disable=SC2086
"$submit" --master "${SPARK_MASTER:-local[*]}" \
  --driver-java-options "-Dlog4j2.configurationFile=file:$PWD/spark/log4j2.properties" \
  --conf spark.ui.showConsoleProgress=false ${SPARK_SUBMIT_OPTIONS:-} \
  spark/briefing_spark.py "$@" --binary "$binary" \
  | awk '/^spark: error: / { print > "/dev/stderr"; fflush("/dev/stderr"); next } { print; fflush() }'
exit "${PIPESTATUS[0]}"
