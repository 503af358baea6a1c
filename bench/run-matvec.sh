#!/usr/bin/env bash
# Dense J, matrix-vector half (BENCHMARKS.md §000 "Dense J, matrix–vector"): Java and NumPy back to back, 1 BLAS thread.
# For each JDK:
#   1. JMH DenseStepBenchmark.denseEulerStep and .matvecJava (the Vector API mat-vec of MatrixProduct.multiply);
#   2. the same with -Dddmatch.kernel=scalar (the four-accumulator fallback used without the Vector API module);
#   3. NumPy's dense rows (dense_step, dense_matvec, dense_matmat64) right after.
# Results: bench/results/<UTC date>-matvec/ (*.txt committed; json/log git-ignored).
#   JDKS="java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java" bench/run-matvec.sh
set -euo pipefail
cd "$(dirname "$0")/.."
JDKS="${JDKS:-java}"
PYTHON="${PYTHON:-python3}"
OUT="${OUT:-bench/results/$(date -u +%Y-%m-%d)-matvec}"
TAG="${TAG:-after}"
mkdir -p "$OUT"
{
  echo "$TAG: date $(date -u +%Y-%m-%dT%H:%M:%SZ), git $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo ' (dirty)')"
  echo "cpu: $(bench/cpu.sh)"
  for j in $JDKS; do echo "jdk ($j): $("$j" -version 2>&1 | head -2 | tr '\n' ' ')"; done
} >> "$OUT/machine.txt"
BUILD=1 bench/run-jmh.sh -l > /dev/null

jmh() {  # jmh NAME JAVA REGEX ARGS...
  local name=$1 java=$2 re=$3; shift 3
  echo "$name: load average before $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
  OPENBLAS_NUM_THREADS=1 JAVA="$java" bench/run-jmh.sh "$re" -f 1 -wi 5 -i 5 -w 1s -r 1s "$@" \
      -rf json -rff "$OUT/jmh-$name.json" > "$OUT/jmh-$name.log" 2>&1 || true
  sed -n '/^Benchmark /,$p' "$OUT/jmh-$name.log" > "$OUT/jmh-$name.txt"
}
numpy() {  # numpy NAME
  echo "numpy-$1: load average before $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 \
      "$PYTHON" bench/numpy_reference.py --only dense > "$OUT/numpy-dense-1thread-$1.txt"
}

for j in $JDKS; do
  v=$("$j" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/jdk\1/p')
  jmh "$TAG-$v" "$j" 'DenseStepBenchmark.(denseEulerStep|matvecJava)'
  numpy "$TAG-$v"
  jmh "$TAG-$v-scalar" "$j" 'DenseStepBenchmark.(denseEulerStep|matvecJava)' -jvmArgsAppend -Dddmatch.kernel=scalar
done
echo "$TAG: load average at end $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
echo "results in $OUT"
