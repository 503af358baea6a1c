#!/usr/bin/env python3
"""Summary of `WHAT=ensemble bench/run-rounds.sh`: 64 noisy trajectories of the N = 1000, d = 3 network through
ddmatch's Ensemble (JMH EnsembleBenchmark: in lock step, and one trajectory at a time), 100 Euler-Maruyama steps with
a divergence check per trajectory and step, against NumPy's batched form of the same (numpy_reference.py --only
ensemble) at the same thread count, per round; times in µs per step (the 64 trajectories), speed-ups NumPy / Java and
lock step / one at a time.

Usage: python3 bench/ensemble_rounds.py bench/results/<date>-ensemble-rounds   (prints Markdown)
"""
import json
import statistics
import sys

from dense_rounds import rounds

STEPS = 100


def jmh_threads(path):
    """{(benchmark, threads): median µs per operation} of an EnsembleBenchmark JSON file."""
    out = {}
    for r in json.load(open(path)):
        short = r["benchmark"].rsplit(".", 1)[-1]
        raw = [v for fork in r["primaryMetric"]["rawData"] for v in fork]
        scale = {"ns/op": 1e-3, "us/op": 1.0, "ms/op": 1e3}[r["primaryMetric"]["scoreUnit"]]
        out[(short, int(r["params"]["threads"]))] = statistics.median(raw) * scale
    return out


def main(d):
    print(f"64 noisy trajectories, N = 1000, 100 steps: ddmatch's Ensemble (JMH) against NumPy's batched ensemble at "
          f"the same thread count, alternating rounds; µs per step. Source: `{d}`.\n")
    for v, rs in rounds(d, (1, 2)).items():
        print(f"### {v}, {len(rs)} rounds\n")
        print("| threads | lock step per round | one at a time per round | NumPy per round | lock step / one at a time "
              "| NumPy / lock step | **median NumPy / lock step** |")
        print("|---:|---|---|---|---|---|---:|")
        for t in (1, 2):
            rows = []
            for r, _, q in rs:
                j = jmh_threads(f"{d}/jmh-{v}-round{r}.json")
                lock, single = j.get(("lockStep", t)), j.get(("perTrajectory", t))
                npy = q[t].get(("ensemble64_100steps", 1000))
                if lock and single and npy:
                    rows.append((lock / STEPS, single / STEPS, npy / 1e3 / STEPS))
            if not rows:
                continue
            fmt = lambda xs: " / ".join(f"{x:,.1f}" for x in xs)
            gain = [b / a for a, b, _ in rows]
            speed = [c / a for a, _, c in rows]
            print(f"| {t} | {fmt([a for a, _, _ in rows])} | {fmt([b for _, b, _ in rows])} | "
                  f"{fmt([c for _, _, c in rows])} | {' / '.join(f'{x:.2f}' for x in gain)} | "
                  f"{' / '.join(f'{x:.1f}' for x in speed)} | **{statistics.median(speed):.1f}** |")
        print()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
