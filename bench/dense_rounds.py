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


def main(d):
    jdks = sorted({re.match(r"jmh-(jdk\d+)-round", os.path.basename(p)).group(1)
                   for p in glob.glob(os.path.join(d, "jmh-jdk*-round*.json"))})
    print(f"Dense J, Java (JMH) / NumPy+OpenBLAS (1 thread), alternating rounds; times in µs, ratio = Java / NumPy "
          f"(below 1: Java faster). Source: `{d}`.\n")
    for v in jdks:
        rounds = sorted(glob.glob(os.path.join(d, f"jmh-{v}-round*.json")),
                        key=lambda p: int(re.search(r"round(\d+)", p).group(1)))
        data = []
        for p in rounds:
            r = re.search(r"round(\d+)", p).group(1)
            npath = os.path.join(d, f"numpy-after-{v}-round{r}.txt")
            if os.path.exists(npath):
                data.append((r, jmh(p), numpy(npath)))
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
