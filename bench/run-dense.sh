#!/usr/bin/env bash
# Dense J, matrix-vector and matrix-matrix work (BENCHMARKS.md §000 "Dense J, matrix–matrix"), Java and NumPy back to
# back, 1 BLAS thread everywhere. For each JDK:
#   1. JMH DenseStepBenchmark with OPENBLAS_NUM_THREADS=1 (native BLAS loaded): the Euler step (mat-vec), the 64-state
#      product by the Java kernel and by the native dgemm, and driftBatch64 (native);
#   2. JMH driftBatch64 again with -Dddmatch.blas=java (the Java kernel inside the whole batch drift), and the product
#      by the scalar Java kernel (-Dddmatch.kernel=scalar, as without the Vector API module);
#   3. NumPy's dense rows (dense_step, dense_matvec, dense_matmat64) right after.
# Results: bench/results/<UTC date>-dense/ (*.txt committed; json/log git-ignored).
#   JDKS="java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java" bench/run-dense.sh
set -euo pipefail
cd "$(dirname "$0")/.."
JDKS="${JDKS:-java}"
PYTHON="${PYTHON:-python3}"
OUT="${OUT:-bench/results/$(date -u +%Y-%m-%d)-dense}"
mkdir -p "$OUT"
bench/machine.sh $JDKS > "$OUT/machine.txt"
BUILD=1 bench/run-jmh.sh -l > /dev/null

jmh() {  # jmh TAG JAVA REGEX ARGS...
  local tag=$1 java=$2 re=$3; shift 3
  echo "$tag: load average before $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
  OPENBLAS_NUM_THREADS=1 JAVA="$java" bench/run-jmh.sh "$re" -f 1 -wi 5 -i 5 -w 1s -r 1s "$@" \
      -rf json -rff "$OUT/jmh-$tag.json" > "$OUT/jmh-$tag.log" 2>&1 || true
  sed -n '/^Benchmark /,$p' "$OUT/jmh-$tag.log" > "$OUT/jmh-$tag.txt"
}
numpy() {  # numpy TAG
  echo "numpy-$1: load average before $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 \
      "$PYTHON" bench/numpy_reference.py --only dense > "$OUT/numpy-dense-1thread-$1.txt"
}

for j in $JDKS; do
  v=$("$j" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/jdk\1/p')
  jmh "dense-$v" "$j" 'DenseStepBenchmark'
  jmh "dense-$v-blas-java" "$j" 'DenseStepBenchmark.driftBatch64' -jvmArgsAppend -Dddmatch.blas=java
  jmh "dense-$v-scalar" "$j" 'DenseStepBenchmark.matmat64Java' -jvmArgsAppend -Dddmatch.kernel=scalar
  numpy "after-$v"
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
echo "results in $OUT"
