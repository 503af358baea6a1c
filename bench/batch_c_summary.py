"""Summary of bench/run-batch-c.sh: per round, µs per step of 64 trajectories at N = 1000 for the Java batch step
(JMH, when the run had JDKS), the C kernel (bench/cpu/batch.c) and its degree-3-tanh variant, each on one and on two
threads, and NumPy's batched step; speed-up = NumPy (100 steps, per step, same thread count) / the other.
Usage: python3 bench/batch_c_summary.py bench/results/<date>-batch-c"""
import pathlib
import re
import statistics
import sys


def parse(text):
    rows, java, c_count, numpy_threads = {}, None, 0, None
    for line in text.splitlines():
        m = re.match(r"# round \d+, .*cpu0 ([\d.]+) cpu1 ([\d.]+)", line)
        if m:
            rows["vCPU ns/FMA"] = f"{m.group(1)} / {m.group(2)}"
        m = re.match(r'Java, openjdk version "(\d+)', line)
        if m:
            java = "JDK " + m.group(1)
        m = re.match(r"BatchStepBenchmark\.batch64Steps100StepBatch(TwoThreads)?\s+\d+\s+avgt\s+\d+\s+([\d.]+)", line)
        if m and java:
            rows[f"Java {java}, {'2 threads' if m.group(1) else '1 thread'}"] = float(m.group(2)) / 1e5   # 100 steps, ns→µs
        if line.startswith("C, AVX-512"):
            c_count += 1
            kind = "C" if c_count == 1 else "C, degree-3 tanh"
        m = re.match(r"(one|two) threads?:\s+([\d.]+) us", line)
        if m:
            rows[f"{kind}, {'1 thread' if m.group(1) == 'one' else '2 threads'}"] = float(m.group(2))
        m = re.match(r"NumPy, (\d) BLAS", line)
        if m:
            numpy_threads = m.group(1)
        m = re.match(r"batch64_100steps\s+\d+\s+\d+\s+([\d.e+]+)", line)
        if m:
            rows[f"NumPy, {numpy_threads} thread{'s' if numpy_threads == '2' else ''}"] = float(m.group(1)) / 1e5
    return rows


def main(folder):
    rounds = [parse(p.read_text()) for p in sorted(pathlib.Path(folder).glob("round*.txt"), key=lambda p: int(p.stem[5:]))]
    rounds = [r for r in rounds if "NumPy, 2 threads" in r]   # a round still running is left out
    names = [k for k in rounds[0] if not k.startswith(("NumPy", "vCPU"))]
    print(f"µs per step of 64 trajectories, N = 1000 ({len(rounds)} rounds; `{folder}`); speed-up = NumPy / it, same threads")
    print()
    print("| | per round | speed-up per round | **median** | min |")
    print("|---|---|---|---:|---:|")
    for name in names:
        ts = [r[name] for r in rounds]
        ref = "NumPy, 2 threads" if "2 threads" in name else "NumPy, 1 thread"
        sp = [r[ref] / r[name] for r in rounds]
        print(f"| {name} | {' / '.join(f'{t:.1f}' for t in ts)} | {' / '.join(f'{s:.1f}' for s in sp)} "
              f"| **{statistics.median(sp):.1f}** | {min(sp):.1f} |")
    for ref in ("NumPy, 1 thread", "NumPy, 2 threads"):
        print(f"| {ref} | {' / '.join(f'{r[ref]:.1f}' for r in rounds)} | | | |")
    print(f"| vCPU ns per FMA-vector before the round | {' ; '.join(r['vCPU ns/FMA'] for r in rounds)} | | | |")


if __name__ == "__main__":
    main(sys.argv[1])
