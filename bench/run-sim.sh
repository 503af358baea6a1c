#!/usr/bin/env bash
# The simulation half of the benchmarks (issue 8), Java and NumPy back to back in one session:
#   1. JMH kernels on each JDK: network step (Vector API kernel and, in a fork with -Dddmatch.kernel=scalar, the scalar
#      kernel), the practical-limit kernels, the 64-trajectory batch (1 and 2 threads), the dense step; with -prof gc;
#   2. NumPy: the same kernels with 1 BLAS thread, the batch also with 2;
#   3. scaling: the step at N = 100 … 8000 (JMH, both kernels; NumPy);
#   4. the Lyapunov spectrum's cost per step vs N and k.
# Results: bench/results/<UTC date>-sim/ (*.txt committed; json/log git-ignored). Then: python3 bench/scaling_plot.py DIR.
#   JDKS="java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java" bench/run-sim.sh
set -euo pipefail
cd "$(dirname "$0")/.."
JDKS="${JDKS:-java}"
PYTHON="${PYTHON:-python3}"
OUT="${OUT:-bench/results/$(date -u +%Y-%m-%d)-sim}"
mkdir -p "$OUT"
bench/machine.sh $JDKS > "$OUT/machine.txt"
BUILD=1 bench/run-jmh.sh -l > /dev/null

jmh() {  # jmh TAG JAVA REGEX ARGS...
  local tag=$1 java=$2 re=$3; shift 3
  JAVA="$java" bench/run-jmh.sh "$re" -f 1 -w 1s -r 1s "$@" -rf json -rff "$OUT/jmh-$tag.json" > "$OUT/jmh-$tag.log" 2>&1 || true
  sed -n '/^Benchmark /,$p' "$OUT/jmh-$tag.log" | grep -v ':gc.alloc.rate \|:gc.count\|:gc.time\|churn' > "$OUT/jmh-$tag.txt"
}

for j in $JDKS; do
  v=$("$j" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/jdk\1/p')
  jmh "kernels-$v" "$j" 'NetworkStepBenchmark.(eulerStep|eulerMaruyamaStepper|eulerMaruyamaStepperNoisy)$|ScalarKernelStepBenchmark.eulerStep$|PracticalLimitBenchmark.(tanhKernel|tanhFastBatch|multiplyAdds|multiplyAddsVector)$|DenseStepBenchmark' \
      -wi 2 -i 5 -prof gc
  jmh "batch-$v" "$j" 'BatchStepBenchmark' -p n=1000 -wi 2 -i 5 -prof gc
done
j1=${JDKS%% *}
v1=$("$j1" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/jdk\1/p')
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 \
    "$PYTHON" bench/numpy_reference.py --only kernels > "$OUT/numpy-kernels-1thread.txt"
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 \
    "$PYTHON" bench/numpy_reference.py --only dense > "$OUT/numpy-dense-1thread.txt"
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=2 OMP_NUM_THREADS=2 \
    "$PYTHON" bench/numpy_reference.py --only kernels > "$OUT/numpy-kernels-2thread.txt"
jmh "scaling-$v1" "$j1" 'NetworkStepBenchmark.(eulerStep|eulerMaruyamaStepper)$|ScalarKernelStepBenchmark.eulerStep$' \
    -p n=100,200,500,1000,2000,4000,8000 -wi 2 -i 5
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 \
    "$PYTHON" bench/numpy_reference.py --only scaling > "$OUT/numpy-scaling-1thread.txt"
jmh "lyapunov-$v1" "$j1" 'LyapunovBenchmark' -p n=250,1000,4000 -p k=2,5,10 -wi 2 -i 3
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
echo "results in $OUT"
