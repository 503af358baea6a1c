#!/usr/bin/env bash
# Dense J against NumPy+OpenBLAS in alternating rounds, for a ratio that survives this machine's run-to-run noise
# (single runs of the mat-vec differed by up to 1.5x, BENCHMARKS.md section 0000). Each round, for each JDK: JMH
# DenseStepBenchmark (Euler step, mat-vec, 64-state product by the Java kernel; N = 1000, 2000; 1 fork, 4 x 1 s
# warm-up, 5 x 1 s), then NumPy's dense rows right after; 1 BLAS thread everywhere. bench/dense_rounds.py then gives
# the per-round Java/NumPy ratios and their median.
# JVM_ARGS adds options to the benchmark JVMs (e.g. -XX:+UseTransparentHugePages: NumPy puts arrays of 4 MB and more on
# transparent huge pages by itself, the JVM only with that option).
# Results: bench/results/<UTC date>-dense-rounds/ (*.txt and summary.md committed; json/log git-ignored).
#   ROUNDS=5 JDKS="java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java" bench/run-dense-rounds.sh
set -euo pipefail
cd "$(dirname "$0")/.."
JDKS="${JDKS:-java}"
ROUNDS="${ROUNDS:-5}"
JVM_ARGS="${JVM_ARGS:-}"
PYTHON="${PYTHON:-python3}"
OUT="${OUT:-bench/results/$(date -u +%Y-%m-%d)-dense-rounds}"
mkdir -p "$OUT"
{
  bench/machine.sh $JDKS
  echo "benchmark JVM options: ${JVM_ARGS:-(none)}"
} > "$OUT/machine.txt"
BUILD=1 bench/run-jmh.sh -l > /dev/null
for r in $(seq 1 "$ROUNDS"); do
  for j in $JDKS; do
    v=$("$j" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/jdk\1/p')
    echo "$(date -u +%H:%M:%S) round $r jmh-$v: load average $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
    OPENBLAS_NUM_THREADS=1 JAVA="$j" bench/run-jmh.sh 'DenseStepBenchmark.(denseEulerStep|matvecJava|matmat64Java)$' \
        -f 1 -wi 4 -i 5 -w 1s -r 1s ${JVM_ARGS:+-jvmArgsAppend "$JVM_ARGS"} -rf json -rff "$OUT/jmh-$v-round$r.json" > "$OUT/jmh-$v-round$r.log" 2>&1 || true
    sed -n '/^Benchmark /,$p' "$OUT/jmh-$v-round$r.log" > "$OUT/jmh-$v-round$r.txt"
    echo "$(date -u +%H:%M:%S) round $r numpy-after-$v: load average $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 \
        "$PYTHON" bench/numpy_reference.py --only dense > "$OUT/numpy-after-$v-round$r.txt"
  done
done
echo "$(date -u +%H:%M:%S) end: load average $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
"$PYTHON" bench/dense_rounds.py "$OUT" > "$OUT/summary.md"
cat "$OUT/summary.md"
