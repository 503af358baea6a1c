#!/usr/bin/env bash
# The lock-step batch step written in C (bench/cpu/batch.c: the algorithm of VectorKernels.eulerStepBatch compiled by
# gcc) against NumPy's batched step, in alternating rounds: what this CPU does with the library's algorithm when the
# compiler is not C2, for comparison with the Java rounds of bench/run-rounds.sh (WHAT=batch). Each round: the vCPUs'
# FMA speed (bench/vcpu-check.sh), the C kernel (timings of 1000 steps, so that starting the threads is amortised),
# the same with the degree-3 tanh polynomial (-DCHEAP: what a tanh less accurate than double would buy), then NumPy's
# batched step on 1 and 2 BLAS threads; with JDKS set (java executables), first the Java batch step of the same round
# (JMH BatchStepBenchmark: eulerStepBatch, 100 steps on 1 thread and on 2 threads of 32; 1 fork, 4 x 1 s warm-up,
# 5 x 1 s). Needs gcc, AVX-512, python3 with numpy (and for JDKS the bench build, as bench/run-jmh.sh makes it).
# Results: bench/results/<UTC date>-batch-c/ (round<r>.txt, machine.txt).
#   ROUNDS=5 bench/run-batch-c.sh
#   ROUNDS=3 JDKS="/usr/lib/jvm/temurin-25-jdk-amd64/bin/java java" bench/run-batch-c.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${ROUNDS:-5}"
PYTHON="${PYTHON:-python3}"
OUT="${OUT:-bench/results/$(date -u +%Y-%m-%d)-batch-c}"
if ! grep -q avx512f /proc/cpuinfo; then echo "no AVX-512 on this CPU: nothing to measure" >&2; exit 1; fi
mkdir -p "$OUT"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gcc -O2 -march=native -pthread -DSTEPS=1000 -DREPS=11 -o "$tmp/batch" bench/cpu/batch.c -lm
gcc -O2 -march=native -pthread -DSTEPS=1000 -DREPS=11 -DCHEAP -o "$tmp/batch3" bench/cpu/batch.c -lm
JDKS="${JDKS:-}"
{ bench/machine.sh $JDKS; gcc --version | head -1; } > "$OUT/machine.txt"
[[ -z "$JDKS" ]] || BUILD=1 bench/run-jmh.sh -l > /dev/null
for r in $(seq 1 "$ROUNDS"); do
  {
    echo "# round $r, $(date -u +%H:%M:%S), load average $(cut -d' ' -f1-3 /proc/loadavg); $(bench/vcpu-check.sh)"
    for j in $JDKS; do
      echo "Java, $("$j" -version 2>&1 | head -1):"
      OPENBLAS_NUM_THREADS=1 JAVA="$j" bench/run-jmh.sh 'BatchStepBenchmark.batch64Steps100StepBatch(TwoThreads)?$' \
          -p n=1000 -f 1 -wi 4 -i 5 -w 1s -r 1s 2>&1 | sed -n '/^Benchmark /,$p'
    done
    "$tmp/batch"
    "$tmp/batch3"
    for t in 1 2; do
      echo "NumPy, $t BLAS thread(s):"
      env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=$t OMP_NUM_THREADS=$t \
          "$PYTHON" bench/numpy_reference.py --only batch | grep -E 'batch64_(matrix|100steps)'
    done
  } > "$OUT/round$r.txt"
  cat "$OUT/round$r.txt"
done
