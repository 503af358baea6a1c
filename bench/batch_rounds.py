#!/usr/bin/env python3
"""Summary of `WHAT=batch bench/run-rounds.sh`: 64 trajectories of the N = 1000, d = 3 network, for each JDK and
benchmark the Java time per Euler step of every round (median of its 5 JMH iterations), NumPy's batched (64 x N
matrix) step right after it at the same thread count (median of its repeats), the per-round speed-up NumPy / Java
and its median; and Java's ns per neuron-step (time per step / 64 000; for two threads, times two: per core).

Usage: python3 bench/batch_rounds.py bench/results/<date>-batch-rounds   (prints Markdown)
"""
import statistics
import sys

from dense_rounds import rounds

NEURON_STEPS = 64 * 1000
# (JMH benchmark, steps per operation, threads, NumPy row, label)
ROWS = (("batch64StepBatch", 1, 1, "batch64_matrix", "eulerStepBatch, one step, 1 thread"),
        ("batch64Steps100StepBatch", 100, 1, "batch64_100steps", "eulerStepBatch, 100 steps, 1 thread"),
        ("batch64Steps100StepBatchTwoThreads", 100, 2, "batch64_100steps", "eulerStepBatch, 100 steps, 2 threads × 32"),
        ("batch64Steps100StepBatchTwoThreadsDynamic", 100, 2, "batch64_100steps",
         "eulerStepBatch, 100 steps, 2 threads taking tiles of 4"),
        ("batch64Stepper", 1, 1, "batch64_matrix", "64 single fused steps (Stepper), 1 thread"),
        ("batch64Steps100StepperTwoThreads", 100, 2, "batch64_100steps", "64 single fused steps, 100 steps, 2 threads"))


def main(d):
    print(f"64 trajectories, N = 1000: Java (JMH) per Euler step against NumPy's batched step at the same thread count, "
          f"alternating rounds; times in µs per step, speed-up = NumPy / Java (target ≥ 5). Source: `{d}`.\n")
    for v, rs in rounds(d, (1, 2)).items():
        data = [(j, q) for _, j, q in rs]
        print(f"### {v}, {len(data)} rounds\n")
        print("| Java | Java per round | NumPy per round | speed-up per round | **median speed-up** | min "
              "| ns per neuron-step (per core) |")
        print("|---|---|---|---|---:|---:|---:|")
        for jname, steps, threads, nname, label in ROWS:
            rows = [(j.get((jname, 1000)), q[threads].get((nname, 1000))) for j, q in data]
            rows = [(a / steps, b / steps) for a, b in rows if a and b]
            if not rows:
                continue
            speed = [b / a for a, b in rows]
            per_neuron = statistics.median(a for a, _ in rows) * threads / NEURON_STEPS
            fmt = lambda xs: " / ".join(f"{x / 1e3:,.1f}" for x in xs)
            print(f"| {label} | {fmt([a for a, _ in rows])} | {fmt([b for _, b in rows])} | "
                  f"{' / '.join(f'{x:.1f}' for x in speed)} | **{statistics.median(speed):.1f}** | {min(speed):.1f} "
                  f"| {per_neuron:.2f} |")
        print()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
