#!/usr/bin/env python3
"""Summary of bench/run-sim.sh: medians of the JMH iterations (from the JSON files) and of the NumPy repeats, the
ratios of the issue-8 targets, and the scaling plot (SVG, written by hand; no plotting library).

Usage: python3 bench/sim_summary.py bench/results/<date>-sim   (prints Markdown; writes DIR/scaling.svg)
"""
import glob
import json
import math
import os
import re
import statistics
import sys


def jmh_medians(path):
    """{(benchmark short name, n, k): median ns/op of the last 3 iterations} from a JMH JSON result file."""
    out = {}
    if not os.path.exists(path):
        return out
    for r in json.load(open(path)):
        name = r["benchmark"].rsplit(".", 2)
        short = name[-2] + "." + name[-1]
        p = r.get("params", {})
        raw = [v for fork in r["primaryMetric"]["rawData"] for v in fork]
        # Steady state: the median of the last 3 iterations. Vector API code runs boxed (100–1000× slower) until C2
        # compiles it, which took up to ~4 s (warm-up + first measured iterations) on the loaded machine.
        raw = raw[-3:]
        scale = {"ns/op": 1.0, "us/op": 1e3, "ms/op": 1e6, "s/op": 1e9}[r["primaryMetric"]["scoreUnit"]]
        out[(short, int(p.get("n", 0)), int(p.get("k", 0)))] = statistics.median(raw) * scale
    return out


def numpy_medians(path):
    """{(operation, n): median ns/op} from numpy_reference.py output."""
    out = {}
    if not os.path.exists(path):
        return out
    for line in open(path):
        m = re.match(r"^(\w+)\s+(\d+)\s+\S+\s+([\d.e+-]+)\s+([\d.e+-]+)\s+([\d.e+-]+)\s+(\S+)", line)
        if m:
            scale = 1e9 if m.group(6) == "s/op" else 1.0
            out[(m.group(1), int(m.group(2)))] = float(m.group(3)) * scale
    return out


def fmt(v, digits=0):
    return "–" if v is None else f"{v:,.{digits}f}"


def ratio(a, b):
    return None if a is None or b is None else a / b


def slope(points):
    """Least-squares slope of log t against log N."""
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(t) for _, t in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def svg_plot(series, path, title):
    """Log–log plot of time per step vs N; series = [(label, colour, [(n, ns)])]."""
    w, h, left, right, top, bottom = 640, 420, 70, 180, 30, 50
    allp = [p for _, _, pts in series for p in pts]
    x0, x1 = math.log10(min(n for n, _ in allp)), math.log10(max(n for n, _ in allp))
    y0, y1 = math.floor(math.log10(min(t for _, t in allp))), math.ceil(math.log10(max(t for _, t in allp)))
    px = lambda n: left + (math.log10(n) - x0) / (x1 - x0) * (w - left - right)
    py = lambda t: top + (y1 - math.log10(t)) / (y1 - y0) * (h - top - bottom)
    s = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" font-family="sans-serif" font-size="12">',
         f'<rect width="{w}" height="{h}" fill="white"/>',
         f'<text x="{left}" y="18" font-size="14">{title}</text>']
    for e in range(y0, y1 + 1):
        y = py(10 ** e)
        s.append(f'<line x1="{left}" y1="{y:.1f}" x2="{w - right}" y2="{y:.1f}" stroke="#ddd"/>')
        s.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">1e{e}</text>')
    for n in (100, 200, 500, 1000, 2000, 4000, 8000):
        if 10 ** x0 <= n <= 10 ** x1:
            x = px(n)
            s.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{h - bottom}" stroke="#eee"/>')
            s.append(f'<text x="{x:.1f}" y="{h - bottom + 16}" text-anchor="middle">{n}</text>')
    s.append(f'<rect x="{left}" y="{top}" width="{w - left - right}" height="{h - top - bottom}" fill="none" stroke="black"/>')
    s.append(f'<text x="{(left + w - right) / 2}" y="{h - 12}" text-anchor="middle">N (neurons)</text>')
    s.append(f'<text x="16" y="{(top + h - bottom) / 2}" transform="rotate(-90 16 {(top + h - bottom) / 2})" '
             f'text-anchor="middle">ns per Euler step</text>')
    for i, (label, colour, pts) in enumerate(series):
        pts = sorted(pts)
        d = " ".join(f"{'M' if j == 0 else 'L'}{px(n):.1f},{py(t):.1f}" for j, (n, t) in enumerate(pts))
        s.append(f'<path d="{d}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for n, t in pts:
            s.append(f'<circle cx="{px(n):.1f}" cy="{py(t):.1f}" r="3" fill="{colour}"/>')
        ly = top + 16 + 20 * i
        s.append(f'<line x1="{w - right + 10}" y1="{ly - 4}" x2="{w - right + 30}" y2="{ly - 4}" stroke="{colour}" stroke-width="2"/>')
        s.append(f'<text x="{w - right + 35}" y="{ly}">{label}</text>')
    s.append("</svg>")
    open(path, "w").write("\n".join(s) + "\n")


def main(d):
    print(f"# Simulation benchmarks ({os.path.basename(d.rstrip('/'))})\n")
    if os.path.exists(os.path.join(d, "machine.txt")):
        print("```\n" + open(os.path.join(d, "machine.txt")).read().strip() + "\n```\n")
    np1 = numpy_medians(os.path.join(d, "numpy-kernels-1thread.txt"))
    np2 = numpy_medians(os.path.join(d, "numpy-kernels-2thread.txt"))
    npd = numpy_medians(os.path.join(d, "numpy-dense-1thread.txt"))
    for f in sorted(glob.glob(os.path.join(d, "jmh-kernels-jdk*.json"))):
        tag = re.search(r"jdk\d+", f).group(0)
        j = jmh_medians(f)
        jb = jmh_medians(os.path.join(d, f"jmh-batch-{tag}.json"))
        print(f"## {tag}: one Euler step, d = 3 (medians, ns/op; 1 thread)\n")
        print("| N | vector kernel | scalar kernel | NumPy | NumPy/vector | NumPy/scalar | vector ns/neuron-step | "
              "limit: tanhKernel + multiplyAddsVector (ns/neuron) | step/limit | FastTanh + scalar MACs (ns/neuron) |")
        print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for n in (250, 1000, 4000):
            v = j.get(("NetworkStepBenchmark.eulerStep", n, 0))
            s = j.get(("ScalarKernelStepBenchmark.eulerStep", n, 0))
            p = np1.get(("euler_step", n))
            tk = j.get(("PracticalLimitBenchmark.tanhKernel", n, 0))
            mv = j.get(("PracticalLimitBenchmark.multiplyAddsVector", n, 0))
            tf = j.get(("PracticalLimitBenchmark.tanhFastBatch", n, 0))
            ms = j.get(("PracticalLimitBenchmark.multiplyAdds", n, 0))
            lim = None if tk is None or mv is None else tk + mv
            lims = None if tf is None or ms is None else tf + ms
            print(f"| {n} | {fmt(v)} | {fmt(s)} | {fmt(p)} | {fmt(ratio(p, v), 2)} | {fmt(ratio(p, s), 2)} | "
                  f"{fmt(v / n if v else None, 2)} | {fmt(lim / n if lim else None, 2)} | {fmt(ratio(v, lim), 2)} | "
                  f"{fmt(lims / n if lims else None, 2)} |")
        print()
        if jb:
            print(f"### {tag}: 64 trajectories, N = 1000\n")
            print("| kernel | Java ns/op | ns/neuron-step | NumPy (same work) ns/op | NumPy/Java |")
            print("|---|---:|---:|---:|---:|")
            rows = (("batch64EulerStep (loop of 64 single steps)", "BatchStepBenchmark.batch64EulerStep", 1, np1.get(("batch64_matrix", 1000)), "matrix, 1 thread"),
                    ("batch64BatchKernel (driftBatch, one step)", "BatchStepBenchmark.batch64BatchKernel", 1, np1.get(("batch64_matrix", 1000)), "matrix, 1 thread"),
                    ("batch64Steps100BatchKernel (driftBatch, 1 thread)", "BatchStepBenchmark.batch64Steps100BatchKernel", 100, np1.get(("batch64_100steps", 1000)), "100 matrix steps, 1 thread"),
                    ("batch64Steps100TwoThreads (driftBatch, 2 × 32)", "BatchStepBenchmark.batch64Steps100TwoThreads", 100, np2.get(("batch64_100steps", 1000)), "100 matrix steps, 2 BLAS threads"))
            for label, key, steps, npv, nplabel in rows:
                v = jb.get((key, 1000, 0))
                print(f"| {label} | {fmt(v)} | {fmt(v / (steps * 64 * 1000) if v else None, 2)} | {fmt(npv)} ({nplabel}) | {fmt(ratio(npv, v), 2)} |")
            print()
        print(f"### {tag}: dense J, one Euler step (N tanh + N×N mat-vec)\n")
        print("| N | Java ns/op | NumPy step ns/op | NumPy mat-vec alone | Java/NumPy step |")
        print("|---:|---:|---:|---:|---:|")
        for n in (1000, 2000):
            v = j.get(("DenseStepBenchmark.denseEulerStep", n, 0))
            print(f"| {n} | {fmt(v)} | {fmt(npd.get(('dense_step', n)))} | {fmt(npd.get(('dense_matvec', n)))} | "
                  f"{fmt(ratio(v, npd.get(('dense_step', n))), 2)} |")
        print()
    for f in sorted(glob.glob(os.path.join(d, "jmh-scaling-jdk*.json"))):
        tag = re.search(r"jdk\d+", f).group(0)
        j = jmh_medians(f)
        nps = numpy_medians(os.path.join(d, "numpy-scaling-1thread.txt"))
        vec = sorted((n, t) for (b, n, _), t in j.items() if b == "NetworkStepBenchmark.eulerStep")
        sca = sorted((n, t) for (b, n, _), t in j.items() if b == "ScalarKernelStepBenchmark.eulerStep")
        nps = sorted((n, t) for (b, n), t in nps.items() if b == "euler_step")
        series = [(f"Java vector ({tag})", "#d62728", vec), (f"Java scalar ({tag})", "#1f77b4", sca), ("NumPy", "#2ca02c", nps)]
        series = [s for s in series if s[2]]
        print(f"## Scaling, one Euler step vs N ({tag}; medians, ns/op)\n")
        ns = sorted({n for _, _, pts in series for n, _ in pts})
        print("| N | " + " | ".join(s[0] for s in series) + " |")
        print("|---:|" + "---:|" * len(series))
        for n in ns:
            print(f"| {n} | " + " | ".join(fmt(dict(s[2]).get(n)) for s in series) + " |")
        print("| fitted exponent (all N) | " + " | ".join(f"{slope(s[2]):.2f}" for s in series) + " |")
        print("| fitted exponent (N ≥ 1000) | " + " | ".join(f"{slope([p for p in s[2] if p[0] >= 1000]):.2f}" for s in series) + " |")
        print()
        svg = os.path.join(d, "scaling.svg")
        svg_plot(series, svg, "One Euler step of the d = 3 network vs N (log–log)")
        print(f"![scaling]({os.path.basename(svg)})\n")
    for f in sorted(glob.glob(os.path.join(d, "jmh-lyapunov-jdk*.json"))):
        j = jmh_medians(f)
        print("## Lyapunov spectrum: cost per RK4 step (µs; 100 steps per op)\n")
        ks = sorted({k for (_, _, k) in j})
        ns = sorted({n for (_, n, _) in j})
        print("| N | " + " | ".join(f"k = {k}" for k in ks) + " | ns per (N·k) at largest k |")
        print("|---:|" + "---:|" * (len(ks) + 1))
        for n in ns:
            vals = [j.get(("LyapunovBenchmark.hundredSteps", n, k)) for k in ks]
            print(f"| {n} | " + " | ".join(fmt(v / 100 / 1e3 if v else None, 1) for v in vals)
                  + f" | {fmt(vals[-1] / 100 / (n * ks[-1]) if vals[-1] else None, 2)} |")
        for k in ks:
            pts = [(n, j[("LyapunovBenchmark.hundredSteps", n, k)]) for n in ns if ("LyapunovBenchmark.hundredSteps", n, k) in j]
            if len(pts) > 1:
                print(f"\nk = {k}: fitted exponent in N = {slope(pts):.2f}", end="")
        print("\n")


if __name__ == "__main__":
    main(sys.argv[1])
