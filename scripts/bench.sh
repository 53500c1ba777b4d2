#!/usr/bin/env bash
# Benchmark: briefing and the pandas peer (../shared/bench/peer_pipeline.py) side by side, in one run,
# on corpora made by ../shared/bench/scale_corpus.py --seed 42, warm page cache, median of RUNS runs.
#
#   bash scripts/bench.sh [N ...]        (make bench; BENCH_SIZES="1000 10000 100000" make bench)
#
# Environment: RUNS (default 3), BENCH_TMP (corpora and peer outputs, default /tmp), BENCH_VENV (the
# peer's virtualenv, default $BENCH_TMP/bench-venv, made from ../shared/bench/requirements.txt when
# missing), SHARED (default ../shared), BENCH_SPARK=1 (also `make spark`'s path, scripts/spark.sh, in local
# mode: its wall time, the largest process's peak RSS, the seconds of each step and the bytes Spark
# shuffled). Prints a markdown table: docs, MB, wall time, peak RSS, briefing's time per stage (from
# run.json) and the peer's, and the ratios. Needs /usr/bin/time (Debian `time`).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
tmp=${BENCH_TMP:-/tmp}
runs=${RUNS:-3}
venv=${BENCH_VENV:-$tmp/bench-venv}
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(${BENCH_SIZES:-1000 10000})

[ -x /usr/bin/time ] || { echo "bench: installing time"; apt-get install -y -qq time >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }; }
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import pandas, xlsxwriter, pycountry" 2>/dev/null; then
  echo "bench: making the peer's virtualenv in $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q -r "$shared/bench/requirements.txt"
fi
[ -x .build/release/briefing ] || swift build -c release --product briefing

results=$(mktemp)
for n in "${sizes[@]}"; do
  corpus="$tmp/corpus-$n"
  if [ "$(find "$corpus" -maxdepth 1 -name '*.txt' 2>/dev/null | wc -l)" != "$n" ]; then
    rm -rf "$corpus"
    python3 "$shared/bench/scale_corpus.py" --seeds seeds --out "$corpus" --docs "$n" --seed 42 >/dev/null 2>&1
  fi
  for r in $(seq "$runs"); do
    find "$corpus" -maxdepth 1 -name '*.txt' -print0 | xargs -0 cat > /dev/null
    BRIEFING_CORPUS="$corpus" /usr/bin/time -f "%e %M" -o "$tmp/bench-briefing.time" \
      .build/release/briefing run --quiet Pipelines/bench.yaml
    # keep each run's stage times: the next run replaces latest/
    cp out/bench/latest/run.json "$tmp/bench-run-$n-$r.json"
    echo "briefing $n $(cat "$tmp/bench-briefing.time") $tmp/bench-run-$n-$r.json" >> "$results"
    find "$corpus" -maxdepth 1 -name '*.txt' -print0 | xargs -0 cat > /dev/null
    rm -rf "$tmp/peer-$n"
    /usr/bin/time -f "%e %M" -o "$tmp/bench-peer.time" "$venv/bin/python" "$shared/bench/peer_pipeline.py" \
      --in "$corpus" --out "$tmp/peer-$n" 2>/dev/null
    echo "peer $n $(cat "$tmp/bench-peer.time") $tmp/peer-$n/timings.json" >> "$results"
    if [ "${BENCH_SPARK:-0}" = 1 ]; then
      find "$corpus" -maxdepth 1 -name '*.txt' -print0 | xargs -0 cat > /dev/null
      BRIEFING_CORPUS="$corpus" /usr/bin/time -f "%e %M" -o "$tmp/bench-spark.time" \
        bash scripts/spark.sh Pipelines/bench.yaml --quiet --report "$tmp/bench-spark-$n-$r.json" >/dev/null
      echo "spark $n $(cat "$tmp/bench-spark.time") $tmp/bench-spark-$n-$r.json" >> "$results"
    fi
  done
done

python3 - "$results" <<'PY'
import json, os, statistics, subprocess, sys
rows = [l.split() for l in open(sys.argv[1])]
def med(xs): return statistics.median(xs)
cpu = subprocess.run(["sh", "-c", "lscpu | sed -n 's/^Model name: *//p'"], capture_output=True, text=True).stdout.strip()
tools = sorted(set(r[0] for r in rows))
print(f"machine: {os.cpu_count()} cores, {cpu}; median of {len(rows)//len(tools)//len(set(r[1] for r in rows))} runs, warm cache")
print()
print("| docs | MB | tool | wall s | peak RSS MiB | parse | dedupe | enrich | aggregate | export | wall ratio peer/briefing | RSS ratio briefing/peer |")
print("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for n in sorted(set(int(r[1]) for r in rows)):
    out = {}
    for tool in ("briefing", "peer"):
        rs = [r for r in rows if r[0] == tool and int(r[1]) == n]
        wall = med([float(r[2]) for r in rs]); rss = med([int(r[3]) / 1024 for r in rs])
        stages = {}
        for r in rs:
            d = json.load(open(r[4]))
            if tool == "briefing":
                for s in d["stages"]: stages.setdefault(s["stage"], []).append(s["seconds"])
            else:
                for k in ("parse", "dedupe", "enrich", "aggregate", "export"):
                    stages.setdefault(k, []).append(d[k] + (d["read"] if k == "parse" else 0))
        out[tool] = (wall, rss, {k: med(v) for k, v in stages.items()})
    mb = sum(os.path.getsize(os.path.join(f"{os.environ.get('BENCH_TMP', '/tmp')}/corpus-{n}", f))
             for f in os.listdir(f"{os.environ.get('BENCH_TMP', '/tmp')}/corpus-{n}")) / 1e6
    bw, br, _ = out["briefing"]; pw, pr, _ = out["peer"]
    for tool in ("briefing", "peer"):
        w, r, st = out[tool]
        cells = " | ".join(f"{st.get(k, 0):.2f}" for k in ("parse", "dedupe", "enrich", "aggregate", "export"))
        ratio = f"{pw / bw:.2f}×" if tool == "briefing" else ""
        rratio = f"{br / pr:.2f}" if tool == "briefing" else ""
        print(f"| {n:,} | {mb:.1f} | {tool} | {w:.2f} | {r:.0f} | {cells} | {ratio} | {rratio} |")
sparks = [r for r in rows if r[0] == "spark"]
if sparks:
    print()
    print("Spark, local mode (scripts/spark.sh): wall time, the largest process's peak RSS, seconds per step, bytes shuffled")
    print()
    print("| docs | wall s | peak RSS MiB (largest process) | prepare + shuffle | decide | finish | merge | shuffled MiB | per 1,000 articles KiB | spark/briefing wall |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in sorted(set(int(r[1]) for r in sparks)):
        rs = [r for r in sparks if int(r[1]) == n]
        reports = [json.load(open(r[4])) for r in rs]
        wall = med([float(r[2]) for r in rs]); rss = med([int(r[3]) / 1024 for r in rs])
        step = lambda k: med([rep["seconds"][k] for rep in reports])
        shuffled = med([rep["shuffle_bytes"] or 0 for rep in reports])
        docs = reports[0]["documents"]
        bw = med([float(r[2]) for r in rows if r[0] == "briefing" and int(r[1]) == n])
        print(f"| {n:,} | {wall:.2f} | {rss:.0f} | {step('prepare and shuffle'):.2f} | {step('decide'):.2f} | "
              f"{step('finish'):.2f} | {step('merge'):.2f} | {shuffled / 2**20:.1f} | {shuffled * 1000 / docs / 1024:.0f} | {wall / bw:.2f}× |")
PY
rm -f "$results"
