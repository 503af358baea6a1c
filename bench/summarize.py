#!/usr/bin/env python3
"""Turns one bench/run-all.sh result directory into Markdown tables: JMH scores (every JDK found), NumPy medians,
ns per neuron-step and the Java/NumPy ratio (> 1: Java slower). Java figures are the
median of the JMH measurement iterations (the JMH mean ± 99.9 % error is in the .txt files), NumPy figures the median
of the repeats, so that single disturbed iterations on a shared machine do not decide a ratio. Standard library only.

Usage: python3 bench/summarize.py bench/results/<date>
"""
import glob
import json
import os
import re
import sys

# (JMH benchmark, NumPy operation, neuron-steps per op as a function of N or None)
KERNELS = [
    ("NetworkStepBenchmark.eulerStep", "euler_step", lambda n: n),
    ("NetworkStepBenchmark.eulerMaruyamaStepper", "euler_step", lambda n: n),
    ("PracticalLimitBenchmark.fusedStepExpForm", "euler_step", lambda n: n),
    ("PracticalLimitBenchmark.fusedStepMathTanh", "euler_step", lambda n: n),
    ("PracticalLimitBenchmark.tanhExpForm", "tanh_expform", lambda n: n),
    ("PracticalLimitBenchmark.tanhMath", "tanh_np", lambda n: n),
    ("PracticalLimitBenchmark.multiplyAdds", None, lambda n: n),
    ("BatchStepBenchmark.batch64EulerStep", "batch64_matrix", lambda n: 64 * n),
    ("BatchStepBenchmark.batch64EulerStep", "batch64_loop", lambda n: 64 * n),
]
RIDGE = [
    ("RidgeFitBenchmark.gramMultInner", "gram_phiT_phi", "1"),
    ("RidgeFitBenchmark.gramMultInnerMT", "gram_phiT_phi", "2"),
    ("RidgeFitBenchmark.eigGram", "eigh_gram", "1"),
    ("RidgeFitBenchmark.plainSolve", "plain_solve", "1"),
    ("RidgeFitBenchmark.fitGcv", "fit_gcv", "1"),
]


def load_jmh(d):
    res = {}  # tag -> {(bench, n): (score, err, unit)}
    for path in sorted(glob.glob(os.path.join(d, "jmh-*-jdk*.json"))):
        tag = re.search(r"(jdk\d+)", path).group(1)
        for r in json.load(open(path)):
            name = ".".join(r["benchmark"].split(".")[-2:])
            n = int(r.get("params", {}).get("n", 1000))
            pm = r["primaryMetric"]
            raw = sorted(v for fork in pm.get("rawData", []) for v in fork)
            median = (raw[(len(raw) - 1) // 2] + raw[len(raw) // 2]) / 2 if raw else pm["score"]
            alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
            res.setdefault(tag, {})[(name, n)] = (median, pm["scoreError"], pm["scoreUnit"], alloc, pm["score"])
    return res


def load_numpy(d):
    res = {}  # (op, n, threads) -> median
    for path in sorted(glob.glob(os.path.join(d, "numpy-*thread.txt"))):
        for line in open(path):
            parts = line.split()
            if len(parts) == 7 and parts[1].isdigit() and not line.startswith("#"):
                op, n, th, med = parts[0], int(parts[1]), parts[2], float(parts[3])
                res[(op, n, th)] = (med, parts[6])
    return res


def fmt(x):
    if x is None:
        return "–"
    if x >= 100:
        return f"{x:,.0f}"
    if x >= 10:
        return f"{x:.1f}"
    return f"{x:.3g}"


def main():
    d = sys.argv[1]
    jmh = load_jmh(d)
    npy = load_numpy(d)
    tags = sorted(jmh, key=lambda t: int(t[3:]))
    print(f"### Kernels (single thread), {os.path.basename(d.rstrip('/'))}\n")
    head = ["Java benchmark", "N"]
    for t in tags:
        head += [f"{t} median ns/op", f"{t} ns/neuron-step", f"{t} B/op"]
    head += ["NumPy op", "NumPy ns/op", "NumPy ns/neuron-step"] + [f"{t}/NumPy" for t in tags]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    ns = sorted({n for t in tags for (b, n) in jmh[t] if b.startswith("NetworkStep")}) or [250, 1000, 4000]
    for bench, op, steps in KERNELS:
        for n in (ns if not bench.startswith("Batch") else [1000]):
            row = [f"`{bench}`", str(n)]
            scores = []
            for t in tags:
                s = jmh[t].get((bench, n))
                scores.append(s[0] if s else None)
                row += [fmt(s[0]) if s else "–", fmt(s[0] / steps(n)) if s else "–",
                        fmt(s[3]) if s and s[3] is not None else "–"]
            ref = npy.get((op, n, "1"), (None, None))[0] if op else None
            ref_ns = ref * 1 if ref is not None else None
            row += [op or "–", fmt(ref_ns), fmt(ref_ns / steps(n)) if ref_ns else "–"]
            row += [f"{s / ref_ns:.2f}" if s and ref_ns else "–" for s in scores]
            print("| " + " | ".join(row) + " |")
    print(f"\n### Ridge fit, F = 1000, M = 5000, 3 outputs (seconds per operation)\n")
    head = ["Java benchmark", "Java threads"] + [f"{t} s" for t in tags] + \
        ["NumPy op", "NumPy 1 thread s", "NumPy 2 threads s"] + [f"{t}/NumPy (same threads)" for t in tags]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for bench, op, th in RIDGE:
        row = [f"`{bench}`", th]
        scores = []
        for t in tags:
            s = jmh[t].get((bench, 1000))
            scores.append(s[0] if s else None)
            row.append(f"{s[0]:.3f} (mean {s[4]:.3f} ± {s[1]:.3f})" if s else "–")
        n1 = npy.get((op, 1000, "1"), (None,))[0]
        n2 = npy.get((op, 1000, "2"), (None,))[0]
        row += [op, f"{n1:.3f}" if n1 else "–", f"{n2:.3f}" if n2 else "–"]
        ref = n1 if th == "1" else n2
        row += [f"{s / ref:.1f}" if s and ref else "–" for s in scores]
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
