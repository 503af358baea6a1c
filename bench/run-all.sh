#!/usr/bin/env bash
# Builds the JMH suite, runs it and the NumPy reference back to back, and writes the raw outputs to
# bench/results/<UTC date>/ (small .txt files are committed; JSON and logs are git-ignored).
#
#   bench/run-all.sh
#   JDKS="java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java" bench/run-all.sh   # JMH on several JDKs
#   PYTHON=python3.12 bench/run-all.sh
#
# Thread counts: the JMH benchmarks are single-threaded except RidgeFitBenchmark.gramMultInnerMT; NumPy runs once
# with OPENBLAS_NUM_THREADS=OMP_NUM_THREADS=1 (everything) and once with 2 (Gram/eig/solve/fit only).
# OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE, where set, make OpenBLAS pick a slower kernel: they are unset for the NumPy
# command only (env -u ...), and the kernel OpenBLAS then uses is printed in the NumPy output.
set -euo pipefail
cd "$(dirname "$0")/.."
JDKS="${JDKS:-java}"
PYTHON="${PYTHON:-python3}"
OUT="bench/results/$(date -u +%Y-%m-%d)"
mkdir -p "$OUT"

{
  bench/machine.sh
  echo "cpus: $(nproc) (threads per core: $(lscpu | sed -n 's/^Thread(s) per core:[[:space:]]*//p'))"
  echo "ram: $(free -g | awk '/^Mem:/{print $2 " GiB"}')"
  echo "kernel: $(uname -sr)"
  echo "env OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-<unset>} OPENBLAS_L2_SIZE=${OPENBLAS_L2_SIZE:-<unset>}"
  for j in $JDKS; do echo "jdk ($j):"; "$j" -version 2>&1 | sed 's/^/  /'; done
} > "$OUT/machine.txt"
cat "$OUT/machine.txt"

BUILD=1 bench/run-jmh.sh -l > /dev/null   # build with -Pbench and write the classpath

for j in $JDKS; do
  tag=$("$j" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/jdk\1/p')
  # Network step, batch and the practical-limit kernels in one JMH run (3 × 1 s warm-up, 5 × 1 s, 1 fork), with the
  # allocation profiler to show that the step allocates nothing.
  JAVA="$j" bench/run-jmh.sh 'NetworkStepBenchmark|BatchStepBenchmark|PracticalLimitBenchmark' \
      -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc \
      -rf json -rff "$OUT/jmh-kernels-$tag.json" 2>&1 | tee "$OUT/jmh-kernels-$tag.log" \
    | sed -n '/^Benchmark /,$p' > "$OUT/jmh-kernels-$tag.txt"
  # Ridge fit and its parts: 1 warm-up + 3 measured iterations (each ≥ 1 operation), seconds per operation.
  JAVA="$j" bench/run-jmh.sh 'RidgeFitBenchmark' -f 1 -wi 1 -i 3 -w 1s -r 1s \
      -rf json -rff "$OUT/jmh-ridge-$tag.json" 2>&1 | tee "$OUT/jmh-ridge-$tag.log" \
    | sed -n '/^Benchmark /,$p' > "$OUT/jmh-ridge-$tag.txt"
done

env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 \
    "$PYTHON" bench/numpy_reference.py --only all | tee "$OUT/numpy-1thread.txt"
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=2 OMP_NUM_THREADS=2 \
    "$PYTHON" bench/numpy_reference.py --only linalg | tee "$OUT/numpy-2thread.txt"

"$PYTHON" bench/summarize.py "$OUT" | tee "$OUT/summary.md"
echo "results in $OUT"
