#!/usr/bin/env python3
"""Summary of bench/run-dense-rounds.sh: for each JDK, operation and N, the Java time of every round (median of its 5
JMH iterations), NumPy's right after it (median of its repeats), the per-round ratio Java/NumPy and the median ratio.

Usage: python3 bench/dense_rounds.py bench/results/<date>-dense-rounds   (prints Markdown)
"""
import glob
import json
import os
import re
import statistics
import sys

PAIRS = (("denseEulerStep", "dense_step", "Euler step (tanh, J φ, update)"),
         ("matvecJava", "dense_matvec", "mat-vec J φ"),
         ("matmat64Java", "dense_matmat64", "64-state product"))


def jmh(path):
    out = {}
    for r in json.load(open(path)):
        short = r["benchmark"].rsplit(".", 1)[-1]
        raw = [v for fork in r["primaryMetric"]["rawData"] for v in fork]
        scale = {"ns/op": 1.0, "us/op": 1e3, "ms/op": 1e6}[r["primaryMetric"]["scoreUnit"]]
        out[(short, int(r["params"]["n"]))] = statistics.median(raw) * scale
    return out


def numpy(path):
    out = {}
    for line in open(path):
        m = re.match(r"^(\w+)\s+(\d+)\s+\S+\s+([\d.e+-]+)\s", line)
        if m:
            out[(m.group(1), int(m.group(2)))] = float(m.group(3))
    return out


def rounds(d, threads=(1,)):
    """{jdk: [(round, JMH medians, {threads: NumPy medians}), ...]} for the rounds of bench/run-rounds.sh in d that have
    a NumPy file for every thread count (NumPy on 1 thread: numpy-after-<jdk>-round<r>.txt; on t:
    numpy-<t>threads-after-...)."""
    out = {}
    for p in glob.glob(os.path.join(d, "jmh-jdk*-round*.json")):
        v, r = re.match(r"jmh-(jdk\d+)-round(\d+)\.json", os.path.basename(p)).groups()
        files = {t: os.path.join(d, f"numpy-{'' if t == 1 else f'{t}threads-'}after-{v}-round{r}.txt") for t in threads}
        if all(os.path.exists(f) for f in files.values()):
            out.setdefault(v, []).append((int(r), jmh(p), {t: numpy(f) for t, f in files.items()}))
    return {v: sorted(rs, key=lambda x: x[0]) for v, rs in sorted(out.items())}


def main(d):
    print(f"Dense J, Java (JMH) / NumPy+OpenBLAS (1 thread), alternating rounds; times in µs, ratio = Java / NumPy "
          f"(below 1: Java faster). Source: `{d}`.\n")
    for v, rs in rounds(d).items():
        data = [(r, j, q[1]) for r, j, q in rs]
        print(f"### {v}, {len(data)} rounds\n")
        print("| operation | N | Java per round | NumPy per round | ratio per round | **median ratio** | max |")
        print("|---|---:|---|---|---|---:|---:|")
        for jname, nname, label in PAIRS:
            for n in (1000, 2000):
                rows = [(j.get((jname, n)), q.get((nname, n))) for _, j, q in data]
                rows = [(a, b) for a, b in rows if a and b]
                if not rows:
                    continue
                ratios = [a / b for a, b in rows]
                fmt = lambda xs: " / ".join(f"{x / 1e3:,.0f}" for x in xs)
                print(f"| {label} | {n} | {fmt([a for a, _ in rows])} | {fmt([b for _, b in rows])} | "
                      f"{' / '.join(f'{x:.2f}' for x in ratios)} | **{statistics.median(ratios):.2f}** | "
                      f"{max(ratios):.2f} |")
        print()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
