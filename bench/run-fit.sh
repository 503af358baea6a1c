#!/usr/bin/env bash
# The closed-form fit against NumPy + OpenBLAS at the same thread count, and PyTorch's Adam on the same loss (issue 8,
# "Closed-form fit" and "Versus gradient training"), back to back in one session (quiet machine wanted: each step
# logs the load average). Steps:
#   1. bench/fit/FitOnly.java (compiled against the shaded jar): RidgeRegression.fit with GCV at F = 1000 and 4000
#      features, M = 5000, d = 3, 1 and 2 threads, pure-Java kernels (-Dddmatch.blas=java) and native BLAS/LAPACK;
#      then numpy_reference.py --only linalg (Gram, eigh, plain Cholesky solve, the same GCV fit) at 1 and 2 threads;
#   2. memory: the Java fit at F = 4000 under a heap cap of Φ + Gram + 10 % + 64 MB (fails with OutOfMemoryError
#      if the fit holds more than the feature and Gram matrices plus small change);
#   3. bench/torch_adam.py (Debian's python3-torch, /usr/bin/python3) with 1 and 2 threads, 120 s budget;
#   4. scaling: the native fit (Java kernels if no native BLAS loads), 1 thread, F = 100 … 8000, one process per F
#      (F = 8000 > M takes the dual form), and bench/plot_scaling.py's log-log plot with the fitted exponent.
# STEPS chooses (default "fit memory torch scaling"). Results: bench/results/<UTC date>-fit/ (*.txt, *.svg committed).
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/run-fit.sh
#   STEPS=scaling bench/run-fit.sh
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA="${JAVA:-java}"
PYTHON="${PYTHON:-python3}"
TORCH_PYTHON="${TORCH_PYTHON:-/usr/bin/python3}"
OUT="${OUT:-bench/results/$(date -u +%Y-%m-%d)-fit}"
STEPS="${STEPS:-fit memory torch scaling}"
step() { [[ " $STEPS " == *" $1 "* ]]; }
jar=ddmatch-cli/target/ddmatch-cli-0.1.0-SNAPSHOT-all.jar
mkdir -p "$OUT"
[ -f "$jar" ] || ./mvnw -q -B -DskipTests -pl ddmatch-cli -am package
classes=$(mktemp -d)
trap 'rm -rf "$classes"' EXIT
"$(dirname "$(readlink -f "$(command -v "$JAVA")")")/javac" -d "$classes" -cp "$jar" bench/fit/FitOnly.java
log() { echo "$(date -u +%H:%M:%S) $1: load average $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"; }
{
  bench/machine.sh "$JAVA"
  echo "steps: $STEPS"
} >> "$OUT/machine.txt"
fitonly() {  # fitonly F REPS THREADS BLAS [JVM options]: one FitOnly process (BLAS java|native|auto), its lines on stdout
  local f=$1 reps=$2 threads=$3 blas=$4; shift 4
  local prop=(); [ "$blas" = auto ] || prop=(-Dddmatch.blas="$blas")
  /usr/bin/time -f "wall %e s, max RSS %M kB" env OPENBLAS_NUM_THREADS="$threads" "$JAVA" -Xmx8g "$@" \
      --add-modules jdk.incubator.vector "${prop[@]}" -cp "$jar:$classes" FitOnly "$f" 5000 "$reps" "$threads" "$blas" \
      2>&1 | grep -v 'incubator'
}
fit() {  # fit F REPS THREADS BLAS
  log "fit-$1-$3-$4"
  fitonly "$@" >> "$OUT/fit-F$1.txt" || echo "FAILED (exit $?)" >> "$OUT/fit-F$1.txt"
}
numpy() {  # numpy F THREADS [--quick]
  local f=$1 threads=$2; shift 2
  log "numpy-linalg-$f-$threads"
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS="$threads" OMP_NUM_THREADS="$threads" \
      "$PYTHON" bench/numpy_reference.py --only linalg --features "$f" "$@" > "$OUT/numpy-linalg-F$f-${threads}thread.txt"
}
if step fit; then
  : > "$OUT/fit-F1000.txt"; : > "$OUT/fit-F4000.txt"
  for threads in 1 2; do
    for blas in java native; do fit 1000 3 $threads $blas; done
    numpy 1000 $threads
  done
  for threads in 1 2; do
    for blas in java native; do fit 4000 1 $threads $blas; done
    numpy 4000 $threads --quick
  done
fi
# heap cap: Φ (M·F doubles) + Gram (F² doubles), +10 %, +64 MB for everything else
cap=$(( (8 * 5000 * 4000 + 8 * 4000 * 4000) * 11 / 10 / 1048576 + 64 ))
if step memory; then
  log "memory-cap-${cap}m"
  { echo "heap cap -Xmx${cap}m (F = 4000, M = 5000: Φ 160 MB + Gram 128 MB = 288 MB)"
    fitonly 4000 1 2 java -Xmx${cap}m | tail -5 ; } > "$OUT/fit-F4000-heap-cap.txt" 2>&1 || true
fi
if ! step torch; then :
elif "$TORCH_PYTHON" -c 'import torch' 2>/dev/null; then
  for threads in 1 2; do
    log "torch-adam-$threads"
    "$TORCH_PYTHON" bench/torch_adam.py --neurons 1000 --threads $threads > "$OUT/torch-adam-${threads}thread.txt" 2>&1 || true
  done
else
  echo "torch not importable by $TORCH_PYTHON: skipped" > "$OUT/torch-adam-skipped.txt"
fi
if step scaling; then
  : > "$OUT/fit-scaling.txt"
  for f in 100 200 500 1000 2000 4000 8000; do
    reps=3; [ "$f" -ge 4000 ] && reps=1
    log "fit-scaling-$f"
    fitonly "$f" "$reps" 1 auto | grep 'fit median' | sed 's/F=\([0-9]*\) M=/n=\1 m=/' >> "$OUT/fit-scaling.txt" || true
  done
  "$PYTHON" bench/plot_scaling.py "$OUT/fit-scaling.svg" "ridge fit with GCV=$OUT/fit-scaling.txt" --fit-from 1000 \
      --title "ridge fit with GCV, M = 5000, d = 3, native BLAS, 1 thread: time vs N" >> "$OUT/fit-scaling.txt"
fi
log "end"
echo "results in $OUT"
