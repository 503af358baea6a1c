#!/usr/bin/env bash
# The simulation targets on an AVX2-only CPU, emulated on this one: the JVM limited to AVX2 (-XX:UseAVX=2, so the
# Vector API's preferred species is 4 doubles) and NumPy without its AVX-512 loops (NPY_DISABLE_CPU_FEATURES) and
# OpenBLAS on its Haswell kernel (OPENBLAS_CORETYPE). Same core, narrower vectors: an emulation, not a real AVX2 machine
# (whose clock, caches and port layout differ). Per JDK: JMH single-trajectory step and practical-limit kernels
# (N = 250, 1000) and the 64-trajectory batch (1 and 2 threads), then NumPy's kernels at 1 and 2 threads right after.
# Results: bench/results/<UTC date>-avx2/ (*.txt committed; json/log git-ignored).
#   JDKS="java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java" bench/run-avx2.sh
set -euo pipefail
cd "$(dirname "$0")/.."
JDKS="${JDKS:-java}"
PYTHON="${PYTHON:-python3}"
OUT="${OUT:-bench/results/$(date -u +%Y-%m-%d)-avx2}"
mkdir -p "$OUT"
bench/machine.sh $JDKS > "$OUT/machine.txt"
BUILD=1 bench/run-jmh.sh -l > /dev/null
log() { echo "$(date -u +%H:%M:%S) $1: load average $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"; }
for j in $JDKS; do
  v=$("$j" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/jdk\1/p')
  log "jmh-$v"
  OPENBLAS_NUM_THREADS=1 JAVA="$j" bench/run-jmh.sh \
      'NetworkStepBenchmark.eulerMaruyamaStepper$|PracticalLimitBenchmark.(tanhKernel|multiplyAddsVector)$|BatchStepBenchmark.(batch64Stepper|batch64Steps100StepperTwoThreads)$' \
      -p n=250,1000 -f 1 -wi 5 -i 5 -w 1s -r 1s -jvmArgsAppend -XX:UseAVX=2 \
      -rf json -rff "$OUT/jmh-$v.json" > "$OUT/jmh-$v.log" 2>&1 || true
  sed -n '/^Benchmark /,$p' "$OUT/jmh-$v.log" > "$OUT/jmh-$v.txt"
  grep -m1 "VM options" "$OUT/jmh-$v.log" >> "$OUT/machine.txt" || true
  for t in 1 2; do
    log "numpy-${t}thread-after-$v"
    env -u OPENBLAS_L2_SIZE OPENBLAS_CORETYPE=Haswell NPY_DISABLE_CPU_FEATURES="X86_V4 AVX512_ICL" \
        OPENBLAS_NUM_THREADS=$t OMP_NUM_THREADS=$t "$PYTHON" bench/numpy_reference.py --only kernels \
        > "$OUT/numpy-kernels-${t}thread-after-$v.txt"
  done
done
log end
echo "results in $OUT"
