#!/usr/bin/env bash
# Java against NumPy in alternating rounds, for ratios that survive this machine's run-to-run noise (single runs of the
# same benchmark differed by up to 1.5x, BENCHMARKS.md section 0000). WHAT chooses the comparison:
#   dense  JMH DenseStepBenchmark (Euler step, mat-vec, 64-state product by the Java kernel; N = 1000, 2000), then
#          NumPy's dense rows, 1 BLAS thread everywhere; summary by bench/dense_rounds.py (Java / NumPy per round);
#   batch  JMH BatchStepBenchmark at N = 1000 (64 trajectories: the lock-step batch step eulerStepBatch, one step and
#          100 steps on 1 thread, 100 steps on 2 threads of 32 trajectories or taking tiles of four from a shared
#          counter; the same with 64 single fused steps), then
#          NumPy's batched step on 1 and on 2 BLAS threads; summary by bench/batch_rounds.py (NumPy / Java per round);
#   ensemble JMH EnsembleBenchmark at N = 1000 (64 noisy trajectories through Ensemble.finalStates, 100 steps: in lock
#          step and one trajectory at a time, on 1 and 2 threads), then NumPy's batched noisy ensemble with its
#          divergence check on 1 and 2 BLAS threads; summary by bench/ensemble_rounds.py;
#   single JMH NetworkStepBenchmark (the Euler–Maruyama stepper, without and with noise) and PracticalLimitBenchmark (the
#          vector tanh of N, 2·N·d vector FMAs) at N = 250, 1000, then NumPy's single-trajectory step; summary by
#          bench/single_rounds.py (NumPy / Java per round, ns per neuron-step, step / practical limit).
# Each round, for each JDK: JMH (1 fork, 4 x 1 s warm-up, 5 x 1 s), then NumPy right after; machine.txt logs the load
# average and the vCPUs' FMA speed with all of them busy (bench/vcpu-check.sh) before each JMH run.
# JVM_ARGS adds options to the benchmark JVMs (bench/run-jmh.sh already puts the heap on transparent huge pages where
# the kernel offers them, as the ddmatch launcher does; THP=0 turns that off).
# Results: bench/results/<UTC date>-<WHAT>-rounds/ (*.txt and summary.md committed; json/log git-ignored).
#   WHAT=batch ROUNDS=5 JDKS="java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java" bench/run-rounds.sh
set -euo pipefail
cd "$(dirname "$0")/.."
JDKS="${JDKS:-java}"
ROUNDS="${ROUNDS:-5}"
JVM_ARGS="${JVM_ARGS:-}"
PYTHON="${PYTHON:-python3}"
WHAT="${WHAT:-dense}"
case "$WHAT" in
  dense) REGEX='DenseStepBenchmark.(denseEulerStep|matvecJava|matmat64Java)$'; PARAMS=(); THREADS=(1) ;;
  batch) REGEX='BatchStepBenchmark.(batch64StepBatch|batch64Steps100StepBatch|batch64Steps100StepBatchTwoThreads|batch64Steps100StepBatchTwoThreadsDynamic|batch64Stepper|batch64Steps100StepperTwoThreads)$'
         PARAMS=(-p n=1000); THREADS=(1 2) ;;
  ensemble) REGEX='EnsembleBenchmark.(lockStep|perTrajectory)$'; PARAMS=(-p n=1000); THREADS=(1 2) ;;
  single) REGEX='(NetworkStepBenchmark.eulerMaruyamaStepper(Noisy)?|PracticalLimitBenchmark.(tanhKernel|multiplyAddsVector))$'
         PARAMS=(-p n=250,1000); THREADS=(1) ;;
  *) echo "WHAT=$WHAT: allowed are dense, batch, ensemble and single" >&2; exit 2 ;;
esac
OUT="${OUT:-bench/results/$(date -u +%Y-%m-%d)-$WHAT-rounds}"
mkdir -p "$OUT"
{
  bench/machine.sh $JDKS
  echo "benchmark JVM options: ${JVM_ARGS:-(none)}"
} > "$OUT/machine.txt"
BUILD=1 bench/run-jmh.sh -l > /dev/null
for r in $(seq 1 "$ROUNDS"); do
  for j in $JDKS; do
    v=$("$j" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/jdk\1/p')
    echo "$(date -u +%H:%M:%S) round $r jmh-$v: load average $(cut -d' ' -f1-3 /proc/loadavg); $(bench/vcpu-check.sh)" >> "$OUT/machine.txt"
    OPENBLAS_NUM_THREADS=1 JAVA="$j" bench/run-jmh.sh "$REGEX" "${PARAMS[@]}" \
        -f 1 -wi 4 -i 5 -w 1s -r 1s ${JVM_ARGS:+-jvmArgsAppend "$JVM_ARGS"} -rf json -rff "$OUT/jmh-$v-round$r.json" > "$OUT/jmh-$v-round$r.log" 2>&1 || true
    sed -n '/^Benchmark /,$p' "$OUT/jmh-$v-round$r.log" > "$OUT/jmh-$v-round$r.txt"
    for t in "${THREADS[@]}"; do
      tag=numpy-after-$v-round$r; [[ $t == 1 ]] || tag=numpy-${t}threads-after-$v-round$r
      echo "$(date -u +%H:%M:%S) round $r $tag: load average $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
      env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=$t OMP_NUM_THREADS=$t \
          "$PYTHON" bench/numpy_reference.py --only "$WHAT" > "$OUT/$tag.txt"
    done
  done
done
echo "$(date -u +%H:%M:%S) end: load average $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
"$PYTHON" "bench/${WHAT}_rounds.py" "$OUT" > "$OUT/summary.md"
cat "$OUT/summary.md"
