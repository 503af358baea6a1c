#!/usr/bin/env python3
"""Log-log plot (plain SVG, no plotting library) of ridge-fit time vs N from FitOnly-style lines
"... n=N m=M threads=T fit median S s ...", with the least-squares exponent over N >= --fit-from.

Usage: python3 bench/plot_scaling.py RESULTS.txt OUT.svg [--fit-from 1000]
"""
import math, re, sys

def main():
    src, out = sys.argv[1], sys.argv[2]
    fit_from = float(sys.argv[sys.argv.index("--fit-from") + 1]) if "--fit-from" in sys.argv else 1000
    pts = []
    for line in open(src):
        m = re.search(r"n=(\d+) m=(\d+) threads=\S+ fit median ([\d.]+) s", line)
        if m: pts.append((int(m.group(1)), float(m.group(3))))
    pts.sort()
    sel = [(math.log10(n), math.log10(t)) for n, t in pts if n >= fit_from]
    mx = sum(x for x, _ in sel) / len(sel); my = sum(y for _, y in sel) / len(sel)
    slope = sum((x - mx) * (y - my) for x, y in sel) / sum((x - mx) ** 2 for x, _ in sel)
    w, h, pad = 560, 400, 60
    xs = [math.log10(n) for n, _ in pts]; ys = [math.log10(t) for _, t in pts]
    x0, x1 = math.floor(min(xs)), math.ceil(max(xs)); y0, y1 = math.floor(min(ys)), math.ceil(max(ys))
    X = lambda x: pad + (x - x0) / (x1 - x0) * (w - 2 * pad)
    Y = lambda y: h - pad - (y - y0) / (y1 - y0) * (h - 2 * pad)
    s = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" font-family="sans-serif" font-size="12">',
         f'<rect width="{w}" height="{h}" fill="white"/>']
    for d in range(x0, x1 + 1):
        s.append(f'<line x1="{X(d)}" y1="{Y(y0)}" x2="{X(d)}" y2="{Y(y1)}" stroke="#ddd"/>')
        s.append(f'<text x="{X(d)}" y="{h - pad + 18}" text-anchor="middle">1e{d}</text>')
    for d in range(y0, y1 + 1):
        s.append(f'<line x1="{X(x0)}" y1="{Y(d)}" x2="{X(x1)}" y2="{Y(d)}" stroke="#ddd"/>')
        s.append(f'<text x="{pad - 8}" y="{Y(d) + 4}" text-anchor="end">1e{d} s</text>')
    s.append('<polyline fill="none" stroke="#1f77b4" stroke-width="2" points="'
             + " ".join(f"{X(x):.1f},{Y(y):.1f}" for x, y in zip(xs, ys)) + '"/>')
    for x, y in zip(xs, ys):
        s.append(f'<circle cx="{X(x):.1f}" cy="{Y(y):.1f}" r="3.5" fill="#1f77b4"/>')
    fx = [min(x for x, _ in sel), max(x for x, _ in sel)]
    s.append(f'<line x1="{X(fx[0]):.1f}" y1="{Y(my + slope * (fx[0] - mx)):.1f}" x2="{X(fx[1]):.1f}" '
             f'y2="{Y(my + slope * (fx[1] - mx)):.1f}" stroke="#d62728" stroke-dasharray="5,4"/>')
    s.append(f'<text x="{w / 2}" y="{h - 15}" text-anchor="middle">neurons N (M = 5000 samples, d = 3)</text>')
    s.append(f'<text x="{w / 2}" y="22" text-anchor="middle">ridge fit with GCV: time vs N; fitted exponent {slope:.2f} (N ≥ {fit_from:g})</text>')
    s.append('</svg>')
    open(out, "w").write("\n".join(s) + "\n")
    print(f"exponent {slope:.3f} over N >= {fit_from:g}; points {pts}")

if __name__ == "__main__":
    main()
