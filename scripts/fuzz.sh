#!/usr/bin/env bash
# Builds briefing-fuzz with libFuzzer and AddressSanitizer and runs every fuzz target for
# FUZZ_SECONDS (default 60) each, one after another. Fails on any crash, leak, timeout (-timeout=10)
# or out-of-memory (-rss_limit_mb=2048), and says where the reproducer is. See Fuzz/README.md.
#
#   FUZZ_SECONDS=600 FUZZ_TARGETS="parse cron" scripts/fuzz.sh
#   scripts/fuzz.sh --build-only
set -uo pipefail
cd "$(dirname "$0")/.."

SWIFT="${SWIFT:-swift}"
SECONDS_PER_TARGET="${FUZZ_SECONDS:-60}"
TARGETS="${FUZZ_TARGETS:-parse enrich pipeline data cron text xlsx}"
SCRATCH="${FUZZ_SCRATCH:-.build-fuzz}"
WORK="$SCRATCH/fuzz"          # generated seeds, growing corpora, crash artefacts, logs (git-ignored)
BIN="$SCRATCH/debug/briefing-fuzz"

echo "fuzz: building briefing-fuzz (libFuzzer + ASan) in $SCRATCH"
mkdir -p "$WORK/logs"
"$SWIFT" build -c debug --scratch-path "$SCRATCH" --product briefing-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DBRIEFING_FUZZ \
    -Xcc -fsanitize=fuzzer-no-link,address >"$WORK/logs/build.log" 2>&1
build=$?
# ld.gold warns about every ASan helper it cannot export; the rest of the output is worth showing.
grep -v "Cannot export local symbol" "$WORK/logs/build.log" | tail -40
if [ $build != 0 ] || [ ! -x "$BIN" ]; then
  echo "fuzz: build failed (log $WORK/logs/build.log)" >&2
  exit 1
fi
[ "${1:-}" = "--build-only" ] && exit 0

rm -rf "$WORK/seeds"
python3 scripts/fuzz-seeds.py "$WORK/seeds" || { echo "fuzz: cannot generate seeds" >&2; exit 1; }

status=0
summary=()
for target in $TARGETS; do
  corpus="$WORK/corpus/$target"
  artifacts="$WORK/artifacts/$target"
  log="$WORK/logs/$target.log"
  mkdir -p "$corpus" "$artifacts" "$WORK/logs" "$WORK/seeds/$target"
  seeds=("$WORK/seeds/$target")
  [ -d "Fuzz/$target/seeds" ] && seeds+=("Fuzz/$target/seeds")
  dict=()
  [ -f "Fuzz/$target/dict" ] && dict=(-dict="Fuzz/$target/dict")
  # the targets write their scratch files (pipeline files, workbooks) under TMPDIR: keep them here
  export TMPDIR="$PWD/$WORK/tmp"
  rm -rf "$TMPDIR" && mkdir -p "$TMPDIR"
  echo "fuzz: $target for ${SECONDS_PER_TARGET}s (log $log)"
  start=$(date +%s)
  # FUZZ_KEEP_GOING=1 (long campaigns): after a crash, start again for the time left (the corpus
  # is kept), so that one bug does not end the target's run; every reproducer is kept and counted.
  : >"$log"
  rc=0; crashes=0; execs=0; runs=0
  while :; do
    left=$(( SECONDS_PER_TARGET - ($(date +%s) - start) ))
    [ $left -le 0 ] && break
    BRIEFING_FUZZ_TARGET="$target" SWIFT_BACKTRACE=enable=no \
      ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:${ASAN_OPTIONS:-}" LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan.supp:${LSAN_OPTIONS:-}" \
      "$BIN" "$corpus" "${seeds[@]}" "${dict[@]}" \
        -max_total_time="$left" -timeout=10 -rss_limit_mb=2048 -detect_leaks=1 \
        -artifact_prefix="$artifacts/" -print_final_stats=1 >>"$log" 2>&1
    one=$?
    runs=$((runs + 1))
    # this run's executions: its final stats, or its last status line when a sanitizer ended it first
    n=$(awk -v run="$runs" '/^INFO: Seed: /{r++} r==run' "$log" | grep -aoE 'stat::number_of_executed_units: *[0-9]+|^#[0-9]+' | tail -1 | grep -aoE '[0-9]+$')
    execs=$((execs + ${n:-0}))
    [ $one = 0 ] && break
    rc=$one
    crashes=$((crashes + 1))
    [ "${FUZZ_KEEP_GOING:-0}" = 1 ] && [ $runs -lt 50 ] || break
  done
  rm -rf "$TMPDIR"
  elapsed=$(( $(date +%s) - start ))
  cov=$(grep -aoE 'cov: [0-9]+' "$log" | tail -1 | grep -aoE '[0-9]+')
  if [ $rc = 0 ]; then
    summary+=("$(printf '%-9s %5ss %10s execs  cov %-6s ok' "$target" "$elapsed" "$execs" "${cov:-?}")")
  else
    status=1
    kind=$(grep -aoE 'ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer): [a-z-]+' "$log" | head -1)
    artefact=$(grep -aoE 'Test unit written to [^ ]+' "$log" | sed 's/Test unit written to //' | sort -u | tr '\n' ' ')
    summary+=("$(printf '%-9s %5ss %10s execs  cov %-6s FAILED (exit %s, %s crash/leak/timeout runs) %s' "$target" "$elapsed" "$execs" "${cov:-?}" "$rc" "$crashes" "$kind")")
    echo "fuzz: $target FAILED (exit $rc): ${kind:-see the log}" >&2
    grep -aE 'briefing-fuzz: |ERROR: |SUMMARY: ' "$log" | head -5 >&2
    echo "fuzz: reproducer: ${artefact:-none written, see $log}" >&2
    echo "fuzz: replay: BRIEFING_FUZZ_TARGET=$target $BIN ${artefact:-<file>}   (or: swift run briefing-fuzz $target ${artefact:-<file>})" >&2
  fi
done

echo "fuzz: summary (FUZZ_SECONDS=$SECONDS_PER_TARGET)"
printf '  %s\n' "${summary[@]}"
# the closing line in the plain form test runners read: fuzz targets that passed and failed
failed=$(printf '%s\n' "${summary[@]}" | grep -c 'FAILED' || true)
echo "fuzz: $(( ${#summary[@]} - failed )) passed, $failed failed"
exit $status
