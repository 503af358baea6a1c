#!/usr/bin/env bash
# The performance targets of BENCHMARKS.md's summary table in one session, Java and NumPy back to back (quiet machine
# wanted: every step logs the load average before it). Steps:
#   1. JMH, each JDK: one network step (written-out Euler step, the library's fused Euler–Maruyama stepper with and
#      without noise, the scalar kernel) and the practical-limit kernels at N = 250, 1000; 64 trajectories at N = 1000;
#      then NumPy's kernels (1 thread) and its batch (1 and 2 threads) right after;
#   2. JMH (first JDK): Lyapunov spectrum cost per RK4 step (k = 5, N = 250, 1000, 4000); the step vs N = 100 … 8000
#      and NumPy's; the dense step, mat-vec and 64-state product and NumPy's;
#   3. `ddmatch train lorenz --neurons 1000` through the shaded jar on the first JDK: pure-Java and native BLAS, with
#      the default M = 5000 and with --samples 500 (time to a held-out drift error below 1e-3);
#   4. `./ddmatch demo` through the launcher (its newest JDK): wall time of two runs, then one under JFR and the
#      profile's summary by bench/jfr_summary.py (demo-*.txt, jfr-summary.md).
# Results: bench/results/<UTC date>-targets/ (*.txt committed; json/log git-ignored).
#   JDKS="java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java" bench/run-targets.sh
set -euo pipefail
cd "$(dirname "$0")/.."
JDKS="${JDKS:-java}"
PYTHON="${PYTHON:-python3}"
OUT="${OUT:-bench/results/$(date -u +%Y-%m-%d)-targets}"
mkdir -p "$OUT"
log() { echo "$(date -u +%H:%M:%S) $1: load average $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"; }
bench/machine.sh $JDKS > "$OUT/machine.txt"
BUILD=1 bench/run-jmh.sh -l > /dev/null

jmh() {  # jmh TAG JAVA REGEX ARGS...
  local tag=$1 java=$2 re=$3; shift 3
  log "jmh-$tag"
  OPENBLAS_NUM_THREADS=1 JAVA="$java" bench/run-jmh.sh "$re" -f 1 -wi 5 -i 5 -w 1s -r 1s "$@" \
      -rf json -rff "$OUT/jmh-$tag.json" > "$OUT/jmh-$tag.log" 2>&1 || true
  sed -n '/^Benchmark /,$p' "$OUT/jmh-$tag.log" | grep -v ':gc.alloc.rate \|:gc.count\|:gc.time\|churn' > "$OUT/jmh-$tag.txt"
}
numpy() {  # numpy TAG THREADS --only WHAT
  local tag=$1 threads=$2; shift 2
  log "numpy-$tag"
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS="$threads" OMP_NUM_THREADS="$threads" \
      "$PYTHON" bench/numpy_reference.py "$@" > "$OUT/numpy-$tag.txt"
}

for j in $JDKS; do
  v=$("$j" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/jdk\1/p')
  jmh "step-$v" "$j" 'NetworkStepBenchmark.(eulerStep|eulerMaruyamaStepper|eulerMaruyamaStepperNoisy)$|ScalarKernelStepBenchmark.eulerStep$|PracticalLimitBenchmark.(tanhKernel|multiplyAddsVector)$' \
      -p n=250,1000 -prof gc
  jmh "batch-$v" "$j" 'BatchStepBenchmark.(batch64Stepper|batch64Steps100StepperTwoThreads|batch64BatchKernel|batch64EulerStep)$' -p n=1000
  numpy "kernels-1thread-after-$v" 1 --only kernels
  numpy "kernels-2thread-after-$v" 2 --only kernels
done
j1=${JDKS%% *}
v1=$("$j1" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/jdk\1/p')
jmh "lyapunov-$v1" "$j1" 'LyapunovBenchmark' -p n=250,1000,4000 -p k=5
jmh "scaling-$v1" "$j1" 'NetworkStepBenchmark.eulerMaruyamaStepper$' -p n=100,200,500,1000,2000,4000,8000
numpy "scaling-1thread" 1 --only scaling
jmh "dense-$v1" "$j1" 'DenseStepBenchmark.(denseEulerStep|matvecJava|matmat64Java|matmat64Native|driftBatch64)$'
numpy "dense-1thread" 1 --only dense
jar=ddmatch-cli/target/ddmatch-cli-0.1.0-SNAPSHOT-all.jar
./mvnw -q -B -o -DskipTests -pl ddmatch-cli -am package
for blas in java native; do
  for samples in 5000 500; do
    for rep in 1 2; do
      log "train-$blas-$samples-$rep"
      d=$(mktemp -d)
      { /usr/bin/time -f "wall %e s, user %U s, max RSS %M kB" env OPENBLAS_NUM_THREADS=1 "$j1" -Xmx4g \
          --add-modules jdk.incubator.vector -Dddmatch.blas=$blas -jar "$jar" train lorenz --neurons 1000 \
          --samples $samples -o "$d/m" ; } > "$OUT/train-$blas-$samples-$rep.txt" 2>&1 || true
      # the held-out drift error of the model just trained (2000 fresh points; not part of the timing)
      (cd "$d" && "$j1" -Xmx4g --add-modules jdk.incubator.vector -jar "$OLDPWD/$jar" analyze m --metrics drift \
          -o a.json 2>&1 | sed -n '/^drift:/,/points/p') >> "$OUT/train-$blas-$samples-$rep.txt" || true
      rm -rf "$d"
    done
  done
done
for i in 1 2; do
  log "demo-$i"
  d=$(mktemp -d)
  { /usr/bin/time -f "wall %e s, user %U s, sys %S s, max RSS %M kB" ./ddmatch demo -o "$d" ; } > "$OUT/demo-run$i.txt" 2>&1 || true
  rm -rf "$d"
done
log "demo-jfr"
d=$(mktemp -d)
DDMATCH_JAVA_OPTS="-Xmx4g --add-modules jdk.incubator.vector -XX:StartFlightRecording=filename=$d/demo.jfr,settings=profile" \
    ./ddmatch demo -o "$d/out" > "$OUT/demo-jfr-run.txt" 2>&1 || true
# a jfr tool at least as new as the launcher's JDK reads the recording: try them, newest-looking first
for jfr_tool in $(ls -d /usr/lib/jvm/*/bin/jfr 2>/dev/null | tac); do
  if [ -f "$d/demo.jfr" ] && "$jfr_tool" print --events jdk.ExecutionSample --stack-depth 64 "$d/demo.jfr" > "$d/samples.txt" 2>/dev/null; then
    "$PYTHON" bench/jfr_summary.py "$d/samples.txt" > "$OUT/jfr-summary.md"
    break
  fi
done
rm -rf "$d"
log "end"
echo "results in $OUT"
