#!/usr/bin/env python3
"""Markdown table of a catalog sweep (bench/catalog_sweep.sh): per system the held-out drift error, the largest Lyapunov
exponent of the target and of the full 1000-neuron network (same run length, Benettin/QR with RK4; ± their standard
errors over blocks of the run), and the network's valid prediction time in Lyapunov times.

  python3 bench/catalog_sweep.py bench/results/<date>-catalog-sweep > summary.md
"""
import json, os, statistics, sys

out = sys.argv[1]
order = [line.split()[0] for line in open(os.path.join(out, "log.txt")) if line.strip()]
rows, ratios, valid = [], [], []
for name in order:
    path = os.path.join(out, "analysis", name + ".json")
    if not os.path.exists(path):
        rows.append(f"| `{name}` | | failed | | | | |")
        continue
    a = json.load(open(path))
    m = a["metrics"]
    d = a["latentDimension"]
    drift = m["drift"]["mean"]
    ly = m["lyapunov"]
    lt = ly.get("target", [float("nan")])[0]
    ln = ly["network"][0]
    se = ((ly.get("targetStandardErrors", [0])[0]) ** 2 + (ly.get("networkStandardErrors", [0])[0]) ** 2) ** 0.5
    f = m.get("forecast", {})
    vt = f.get("validLyapunovTimes")
    cens = f.get("censored", 0)
    ratio = ln / lt if lt > 0 else float("nan")
    if lt > 0:
        ratios.append((abs(ratio - 1), abs(ln - lt) <= 2 * se))
    if vt is not None:
        valid.append(vt)
    vts = "" if vt is None else f"{vt:.1f}" + (f" ({cens} of {f.get('starts')} censored)" if cens else "")
    tse = ly.get("targetStandardErrors", [0])[0]
    nse = ly.get("networkStandardErrors", [0])[0]
    rows.append(f"| `{name}` | {d} | {drift:.1e} | {lt:.4f} ± {tse:.4f} | {ln:.4f} ± {nse:.4f} | {ratio:.3f} | {vts} |")
print(open(os.path.join(out, "settings.txt")).read().strip().replace("\n", "; "))
print()
print("| system | d | held-out drift error | λ_max target ± s.e. | λ_max network (all N) ± s.e. | network / target | valid time (Lyapunov times) |")
print("|---|---:|---:|---:|---:|---:|---:|")
print("\n".join(rows))
print()
if ratios:
    within = lambda tol: sum(r <= tol for r, _ in ratios)
    agree = sum(1 for r, ok in ratios if ok or r <= 0.05)
    print(f"λ_max of the network within 5 % of the target's for {within(0.05)} of {len(ratios)} chaotic flows, "
          f"within 10 % for {within(0.10)}, within 20 % for {within(0.20)}; within 5 % or two combined standard errors "
          f"(the ± are the block standard errors of the two estimates) for {agree}; "
          f"median valid time {statistics.median(valid):.1f} Lyapunov times (range {min(valid):.1f}–{max(valid):.1f}).")
