"""Run a Briefing pipeline on Apache Spark.

    spark-submit [--master URL] spark/briefing_spark.py PIPELINE [options]

Spark distributes the work and shuffles the duplicate keys; the Swift binary does the text. The
partial results go to one folder every executor and the driver can read (README, "Running on
Apache Spark", gives their format):

1. The corpus is split in SHARDS contiguous ranges of its sorted entries; each shard is one Spark
   task that runs `briefing shard prepare` (read, parse, each paragraph's print). The task
   hands back to Spark a (key, paragraph) pair per key of each paragraph print (its exact key and
   MinHash band keys), not the documents.
2. The duplicate candidates are found as a Spark shuffle: the pairs are grouped by key, and a
   paragraph that shares a key with another is a candidate. No task holds every print. The driver
   writes the candidates' references to `candidates.txt`.
3. `briefing shard decide` (on the driver, one process) looks the candidates up in corpus order
   and writes which paragraphs repeat one kept earlier (in their own document or an earlier one).
4. Each shard is a Spark task again: `briefing shard finish` removes its repeats and runs enrich.
5. `briefing merge` (on the driver) aggregates, exports and publishes under out/<pipeline>/ exactly
   as `briefing run` does.

A document that cannot be read or parsed is a warning and a counter in its shard, as in a local
run; a shard process that fails (a crash, a full disk) fails the Spark job with the shard, the step
and the process's own message.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request

from pyspark import SparkFiles
from pyspark.sql import SparkSession


def parse_args(argv):
    p = argparse.ArgumentParser(prog="briefing_spark.py", description=__doc__.split("\n\n")[0])
    p.add_argument("pipeline", help="the pipeline file (its corpus must be readable at the same path by every executor)")
    p.add_argument("--binary", default=None,
                   help="the briefing binary: a path, or the name of a file shipped with spark-submit --files "
                        "(default: .build/release/briefing beside this script's folder)")
    p.add_argument("--shards", type=int, default=None,
                   help="how many shards, one Spark task each (default: the default parallelism, i.e. one per core)")
    p.add_argument("--shard-workers", type=int, default=None,
                   help="threads per shard process (default: spark.task.cpus, 1 unless set)")
    p.add_argument("--partials", default=None,
                   help="folder for the shards' partial results, on storage every executor and the driver share "
                        "(default: out/.spark/<application id> under the project root)")
    p.add_argument("--keep-partials", action="store_true", help="keep the partial results after the merge")
    p.add_argument("--quiet", action="store_true", help="print nothing but errors")
    p.add_argument("--report", default=None,
                   help="write a JSON record of the run (shards, documents, paragraphs looked up, shuffle bytes, "
                        "seconds per step) to this file")
    return p.parse_args(argv)


def resolve_binary(binary):
    """The binary's path on this machine: a path as given, else a file shipped with --files."""
    if os.path.sep in binary and os.path.exists(binary):
        return os.path.abspath(binary)
    shipped = SparkFiles.get(os.path.basename(binary))
    if os.path.exists(shipped):
        os.chmod(shipped, 0o755)
        return shipped
    if os.path.exists(binary):
        return os.path.abspath(binary)
    raise FileNotFoundError(f"briefing binary not found: {binary} (nor shipped with --files)")


def pack(ref):
    """A print's reference `shard:document:paragraph` as one integer (less to shuffle than text)."""
    shard, document, paragraph = (int(part) for part in ref.split(":"))
    return shard << 44 | document << 20 | paragraph


def unpack(packed):
    return f"{packed >> 44}:{packed >> 20 & 0xFFFFFF}:{packed & 0xFFFFF}"


def run_step(exe, step, args, what):
    """Runs `briefing shard <step> …`; a failure raises with the process's own last lines."""
    cmd = [exe, "shard", step] + args
    done = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, errors="replace")
    if done.returncode != 0:
        tail = " ".join(done.stderr.strip().splitlines()[-20:])
        status = f"signal {-done.returncode}" if done.returncode < 0 else f"exit {done.returncode}"
        where = f" {what}" if what else ""
        raise RuntimeError(f"briefing shard {step}{where} failed ({status}): {tail}")


def prepare(binary, pipeline, partials, count, workers):
    """The Spark task of one shard's first step: yields (key, reference) for each key of each
    paragraph print (its exact key and MinHash band keys, as integers)."""
    def task(indices):
        exe = resolve_binary(binary)
        for index in indices:
            run_step(exe, "prepare", [pipeline, "--partials", partials, "--index", str(index), "--count", str(count),
                                      "--workers", str(workers)], f"(shard {index} of {count})")
            path = os.path.join(partials, f"shard-{index:05d}", "prints.jsonl")
            with open(path, encoding="utf-8") as lines:
                for line in lines:
                    if not line.strip():
                        continue
                    record = json.loads(line)
                    ref = pack(record["ref"])
                    yield int(record["x"], 16), ref
                    for band in record["b"]:
                        yield int(band, 16), ref
    return task


def finish(binary, pipeline, partials, count, workers):
    """The Spark task of one shard's last step (its repeats removed, enrich)."""
    def task(indices):
        exe = resolve_binary(binary)
        for index in indices:
            run_step(exe, "finish", [pipeline, "--partials", partials, "--index", str(index), "--workers", str(workers)],
                     f"(shard {index} of {count})")
            yield index
    return task


def shuffle_bytes(spark):
    """Bytes written by the job's shuffles, from Spark's status API (None when the UI is off)."""
    url = spark.sparkContext.uiWebUrl
    if not url:
        return None
    app = spark.sparkContext.applicationId
    try:
        with urllib.request.urlopen(f"{url}/api/v1/applications/{app}/stages?status=complete", timeout=10) as r:
            stages = json.load(r)
    except OSError:
        return None
    return sum(s.get("shuffleWriteBytes", 0) for s in stages)


def failure(error):
    """The shard's own message out of the Java stack trace Spark wraps a task's exception in."""
    text = str(error)
    for line in text.splitlines():
        if line.startswith("RuntimeError: briefing shard "):
            start = line.find("briefing shard")
            lines = text.splitlines()
            rest = lines[lines.index(line) + 1:]
            # the process's own error lines follow the first line, up to the end of the Python trace
            detail = []
            for more in rest:
                if more.startswith("\tat ") or more.startswith("  ") or not more.strip():
                    break
                detail.append(more.strip())
            return " ".join([line[start:].strip()] + detail)
    return text.splitlines()[0] if text else type(error).__name__


def main(argv):
    args = parse_args(argv)
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    pipeline = os.path.abspath(args.pipeline)
    binary = args.binary or os.path.join(root, ".build", "release", "briefing")
    spark = SparkSession.builder.appName("briefing " + os.path.basename(pipeline)).getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("ERROR")
    started = time.monotonic()
    count = args.shards or sc.defaultParallelism
    workers = args.shard_workers or int(sc.getConf().get("spark.task.cpus", "1"))
    partials = os.path.abspath(args.partials or os.path.join(root, "out", ".spark", sc.applicationId))
    os.makedirs(partials, exist_ok=True)
    steps = {}
    try:
        # 1. one task per shard; its (key, paragraph) pairs come back to Spark, its documents and
        #    prints stay in the partials folder
        keys = sc.parallelize(range(count), count).mapPartitions(prepare(binary, pipeline, partials, count, workers))
        # 2. the shuffle: grouped by key, a key held by two paragraphs or more makes them candidates
        #    (an extra candidate costs a lookup, never a different result)
        refs = keys.groupByKey() \
            .flatMap(lambda kv: kv[1] if len(kv[1]) > 1 else []) \
            .distinct()
        candidates_file = os.path.join(partials, "candidates.txt")
        written = 0
        with open(candidates_file, "w", encoding="utf-8") as out:
            for ref in refs.toLocalIterator():
                out.write(unpack(ref) + "\n")
                written += 1
        steps["prepare and shuffle"] = time.monotonic() - started
        # 3. the repeats, decided in corpus order from the candidates' prints
        exe = resolve_binary(binary)
        run_step(exe, "decide", [pipeline, "--partials", partials, "--candidates", candidates_file], "")
        steps["decide"] = time.monotonic() - started - sum(steps.values())
        # 4. one task per shard again: repeats removed, enrich
        sc.parallelize(range(count), count).mapPartitions(finish(binary, pipeline, partials, count, workers)).count()
        steps["finish"] = time.monotonic() - started - sum(steps.values())
        shuffled = shuffle_bytes(spark)
        headers = [json.load(open(os.path.join(partials, f"shard-{i:05d}", "shard.json"))) for i in range(count)]
        documents = sum(h["documents"] for h in headers)
        # 5. the merge, on the driver: the same publish as `briefing run`
        cmd = [exe, "merge", pipeline, "--partials", partials]
        if args.quiet:
            cmd.append("--quiet")
        merged = subprocess.run(cmd, stderr=subprocess.PIPE, text=True, errors="replace")
        steps["merge"] = time.monotonic() - started - sum(steps.values())
        # spark-submit mixes the driver's standard error into its output: the merge's errors are
        # marked so that scripts/spark.sh sends them back to standard error
        mark = "spark: error: " if merged.returncode != 0 else ""
        for line in merged.stderr.splitlines():
            print(mark + line, file=sys.stderr if mark else sys.stdout)
        report = {"shards": count, "documents": documents, "looked_up": written, "shuffle_bytes": shuffled,
                  "seconds": {k: round(v, 2) for k, v in steps.items()}}
        if args.report:
            with open(args.report, "w", encoding="utf-8") as out:
                json.dump(report, out)
        if not args.quiet:
            per_thousand = f" ({shuffled * 1000 / documents / 1024:.1f} KiB per 1,000 articles)" if shuffled is not None and documents else ""
            timing = ", ".join(f"{k} {v:.1f} s" for k, v in steps.items())
            print(f"spark: {count} shard(s), {documents} documents, {written} paragraphs looked up; "
                  f"shuffled {shuffled if shuffled is not None else '?'} bytes{per_thousand}; {timing}")
        return merged.returncode
    except Exception as error:  # a shard that failed, as Spark reports it: say which and why, on one line
        print(f"spark: error: {failure(error)}", file=sys.stderr)
        return 1
    finally:
        if not args.keep_partials:
            shutil.rmtree(partials, ignore_errors=True)
        spark.stop()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
