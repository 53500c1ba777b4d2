#!/usr/bin/env python3
"""Writes the generated seed corpora of the fuzz targets (Fuzz/README.md) from the repository's own files.

usage: scripts/fuzz-seeds.py OUT   -> OUT/<target>/<name> for every target

The committed seeds in Fuzz/<target>/seeds (hand-made edge cases) are passed to libFuzzer beside these.
"""
import glob
import hashlib
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA_KINDS = ["countries", "organisations", "titles", "metrics", "commitments", "themes", "events"]
US, RS = "\x1f", "\x1e"  # cell and row separators of the export targets (FuzzTable)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def write(out, target, data):
    folder = os.path.join(out, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)


def main():
    out = sys.argv[1]
    articles = sorted(glob.glob(os.path.join(ROOT, "seeds", "*.txt")))
    for fixture in ("devset", "heldout"):
        articles += sorted(glob.glob(os.path.join(ROOT, "Tests/BriefingKitTests/Fixtures", fixture, "articles", "*.txt")))[:6]
    for path in articles:
        data = read(path)
        write(out, "parse", data)
        write(out, "enrich", data)

    pipelines = sorted(glob.glob(os.path.join(ROOT, "Pipelines", "*.yaml")))
    for path in pipelines:
        write(out, "pipeline", read(path))
        for line in read(path).decode("utf-8", "replace").splitlines():
            m = re.match(r'\s*schedule:\s*"([^"]*)"', line)
            if m:
                write(out, "cron", m.group(1).encode())

    for i, kind in enumerate(DATA_KINDS):
        path = os.path.join(ROOT, "Pipelines", "data", kind + ".yaml")
        if os.path.exists(path):
            write(out, "data", bytes([i]) + read(path))

    # Export targets: a documents-like table of the seed articles' lines (title, URL, date, numbers),
    # in both CSV dialects, with and without neutralisation (the first byte's flags).
    for n, path in enumerate(articles[:8]):
        lines = [l.strip() for l in read(path).decode("utf-8", "replace").splitlines() if l.strip()][:12]
        header = ["documents", "document_id", "long text", "\x01source_url", "\x04date", "\x02words", "\x03score", "\x05ok"]
        rows = [US.join(header)]
        for i, line in enumerate(lines):
            url = next((w for w in line.split() if w.startswith("http")), "https://example.org/a?x=1&y=2")
            rows.append(US.join([f"d{n}-{i}", line, url, "2025-10-26" if i % 2 else "2025-10", str(len(line.split())),
                                 f"{i / 3:.4f}", "true" if i % 2 else "false"]))
        body = RS.join(rows).encode()
        for flags in range(4):
            write(out, "text", bytes([flags]) + body)
        write(out, "xlsx", bytes([n % 4]) + body)


if __name__ == "__main__":
    main()
