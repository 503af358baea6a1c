#!/usr/bin/env python3
"""Log-log plot (plain SVG, no plotting library) of time vs N for one or more series, with the least-squares exponent
of each over N >= --fit-from. A series is LABEL=FILE; the file may hold any of three kinds of line:

  FitOnly (bench/fit/FitOnly.java):    "... n=N m=M threads=T fit median S s ..."     (seconds)
  JMH (one benchmark, parameter n):    "Benchmark.name   N  avgt  5  SCORE ± ERR  ns/op"  (JMH's unit)
  numpy_reference.py --only scaling:   "euler_step   N  THREADS  MEDIAN  MIN  MEAN  ns/op"  (the median)

Usage: python3 bench/plot_scaling.py OUT.svg LABEL=FILE [LABEL=FILE ...] [--fit-from 1000] [--title TEXT]
       python3 bench/plot_scaling.py RESULTS.txt OUT.svg [--fit-from 1000]     (one FitOnly series, as before)
Prints one line per series: its exponent and points.
"""
import math, re, sys

UNITS = {"s": 1.0, "s/op": 1.0, "ms/op": 1e-3, "us/op": 1e-6, "ns/op": 1e-9}
COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd")


def read_points(path):
    pts = []
    for line in open(path):
        m = re.search(r"n=(\d+) m=(\d+) threads=\S+ fit median ([\d.]+) s", line)
        if m:
            pts.append((int(m.group(1)), float(m.group(3))))
            continue
        m = re.match(r"\S+\s+(\d+)\s+avgt\s+\d+\s+([\d.]+)\s+±\s+[\d.]+\s+(\S+)$", line.strip())
        if m and m.group(3) in UNITS:
            pts.append((int(m.group(1)), float(m.group(2)) * UNITS[m.group(3)]))
            continue
        m = re.match(r"euler_step\s+(\d+)\s+\d+\s+([\d.e+-]+)\s+\S+\s+\S+\s+(ns/op)$", line.strip())
        if m:
            pts.append((int(m.group(1)), float(m.group(2)) * UNITS[m.group(3)]))
    if not pts:
        sys.exit(f"{path}: no FitOnly, JMH or numpy_reference scaling lines found")
    return sorted(pts)


def exponent(pts, fit_from):
    sel = [(math.log10(n), math.log10(t)) for n, t in pts if n >= fit_from]
    if len(sel) < 2:
        sys.exit(f"fewer than two points with N >= {fit_from:g}: lower --fit-from")
    mx = sum(x for x, _ in sel) / len(sel)
    my = sum(y for _, y in sel) / len(sel)
    slope = sum((x - mx) * (y - my) for x, y in sel) / sum((x - mx) ** 2 for x, _ in sel)
    return slope, mx, my, min(x for x, _ in sel), max(x for x, _ in sel)


def label_seconds(e):
    for unit, scale in (("s", 0), ("ms", -3), ("µs", -6), ("ns", -9)):
        if e >= scale:
            return f"{10 ** (e - scale):g} {unit}"
    return f"1e{e} s"


def main():
    args = sys.argv[1:]
    fit_from = 1000.0
    title = "time vs N"
    if "--fit-from" in args:
        i = args.index("--fit-from"); fit_from = float(args[i + 1]); del args[i:i + 2]
    if "--title" in args:
        i = args.index("--title"); title = args[i + 1]; del args[i:i + 2]
    if len(args) == 2 and "=" not in args[1]:   # the old form: RESULTS.txt OUT.svg
        out, series = args[1], [("ridge fit with GCV", args[0])]
        title = "ridge fit with GCV: time vs N (M = 5000 samples, d = 3)"
    else:
        out, series = args[0], [tuple(s.split("=", 1)) for s in args[1:]]
    data = [(label, read_points(path)) for label, path in series]
    w, h, pad = 600, 420, 70
    xs = [math.log10(n) for _, pts in data for n, _ in pts]
    ys = [math.log10(t) for _, pts in data for _, t in pts]
    x0, x1 = math.floor(min(xs)), math.ceil(max(xs))
    y0, y1 = math.floor(min(ys)), math.ceil(max(ys))
    X = lambda x: pad + (x - x0) / (x1 - x0) * (w - 2 * pad)
    Y = lambda y: h - pad - (y - y0) / (y1 - y0) * (h - 2 * pad)
    s = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" font-family="sans-serif" font-size="12">',
         f'<rect width="{w}" height="{h}" fill="white"/>']
    for d in range(x0, x1 + 1):
        s.append(f'<line x1="{X(d)}" y1="{Y(y0)}" x2="{X(d)}" y2="{Y(y1)}" stroke="#ddd"/>')
        s.append(f'<text x="{X(d)}" y="{h - pad + 18}" text-anchor="middle">{10 ** d:g}</text>')
    for d in range(y0, y1 + 1):
        s.append(f'<line x1="{X(x0)}" y1="{Y(d)}" x2="{X(x1)}" y2="{Y(d)}" stroke="#ddd"/>')
        s.append(f'<text x="{pad - 8}" y="{Y(d) + 4}" text-anchor="end">{label_seconds(d)}</text>')
    for k, (label, pts) in enumerate(data):
        c = COLOURS[k % len(COLOURS)]
        px = [math.log10(n) for n, _ in pts]; py = [math.log10(t) for _, t in pts]
        slope, mx, my, fa, fb = exponent(pts, fit_from)
        s.append(f'<polyline fill="none" stroke="{c}" stroke-width="2" points="'
                 + " ".join(f"{X(x):.1f},{Y(y):.1f}" for x, y in zip(px, py)) + '"/>')
        for x, y in zip(px, py):
            s.append(f'<circle cx="{X(x):.1f}" cy="{Y(y):.1f}" r="3.5" fill="{c}"/>')
        s.append(f'<line x1="{X(fa):.1f}" y1="{Y(my + slope * (fa - mx)):.1f}" x2="{X(fb):.1f}" '
                 f'y2="{Y(my + slope * (fb - mx)):.1f}" stroke="{c}" stroke-dasharray="5,4"/>')
        s.append(f'<text x="{pad + 10}" y="{pad - 18 + 16 * k}" fill="{c}">{label}: exponent {slope:.2f} '
                 f'(N ≥ {fit_from:g})</text>')
        print(f"{label}: exponent {slope:.3f} over N >= {fit_from:g}; points {pts}")
    s.append(f'<text x="{w / 2}" y="{h - 20}" text-anchor="middle">neurons N</text>')
    s.append(f'<text x="{w / 2}" y="20" text-anchor="middle">{title}</text>')
    s.append('</svg>')
    open(out, "w").write("\n".join(s) + "\n")


if __name__ == "__main__":
    main()
