#!/usr/bin/env python3
"""Summary of `WHAT=single bench/run-rounds.sh`: one trajectory of the d = 3 network at N = 250 and 1000, for each JDK
the Java time of the Euler–Maruyama stepper per step in every round (median of its 5 JMH iterations), NumPy's step
right after it (median of its repeats), the per-round speed-up NumPy / Java and its median (targets: ≥ 10 at N = 250,
≥ 5 at N = 1000), Java's ns per neuron-step and the step's time over the practical limit measured in the same JMH run
(the vector tanh of N plus 2·N·d vector fused multiply-adds; target within 2).

Usage: python3 bench/single_rounds.py bench/results/<date>-single-rounds   (prints Markdown)
"""
import statistics
import sys

from dense_rounds import rounds

TARGET = {250: 10, 1000: 5}


def main(d):
    print(f"One trajectory, d = 3: Java (JMH) Euler–Maruyama step against NumPy's step (`euler_step`, 1 thread), "
          f"alternating rounds; times in ns per step, speed-up = NumPy / Java. Source: `{d}`.\n")
    for v, rs in rounds(d).items():
        data = [(j, q[1]) for _, j, q in rs]
        print(f"### {v}, {len(data)} rounds\n")
        print("| Java | N | Java per round | NumPy per round | speed-up per round | **median** | target "
              "| ns per neuron-step | step / limit per round |")
        print("|---|---:|---|---|---|---:|---:|---:|---|")
        for jname, label in (("eulerMaruyamaStepper", "stepper, no noise"),
                             ("eulerMaruyamaStepperNoisy", "stepper, d = 3 Brownian increments")):
            for n in (250, 1000):
                rows = [(j.get((jname, n)), q.get(("euler_step", n)),
                         (j.get(("tanhKernel", n)) or 0) + (j.get(("multiplyAddsVector", n)) or 0)) for j, q in data]
                rows = [r for r in rows if r[0] and r[1]]
                if not rows:
                    continue
                speed = [b / a for a, b, _ in rows]
                limit = [a / c for a, _, c in rows if c]
                fmt = lambda xs: " / ".join(f"{x:,.0f}" for x in xs)
                print(f"| {label} | {n} | {fmt([a for a, _, _ in rows])} | {fmt([b for _, b, _ in rows])} | "
                      f"{' / '.join(f'{x:.1f}' for x in speed)} | **{statistics.median(speed):.1f}** | {TARGET[n]} "
                      f"| {statistics.median(a for a, _, _ in rows) / n:.2f} | {' / '.join(f'{x:.2f}' for x in limit)} |")
        print()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
