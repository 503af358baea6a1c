#!/usr/bin/env bash
# Soak test (documented in README, not run in CI): train → simulate (plain and checkpointed) → analyze over and over in
# one JVM for SOAK_SECONDS (default 3600), recording the heap after a full GC and the open file descriptors after each
# round (from inside), and from outside every SAMPLE seconds the JVM's heap (jcmd GC.heap_info) and /proc/PID/fd count.
# Prints "FLAT" when neither grows between the first and the last quarter of the rounds, else "GROWING", and exits 1.
#
#   bench/soak.sh                 # one hour
#   SOAK_SECONDS=300 bench/soak.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${SOAK_SECONDS:-3600}"
SAMPLE="${SAMPLE:-30}"
HEAP="${SOAK_HEAP:--Xmx512m}"
OUT="${SOAK_OUT:-bench/results/soak-$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$OUT"
[ -f ddmatch-cli/target/ddmatch-all.jar ] || ./ddmatch --version >/dev/null
java $HEAP -Xlog:gc:file="$OUT/gc.log" -cp ddmatch-cli/target/ddmatch-all.jar bench/Soak.java "$SECONDS_TO_RUN" > "$OUT/rounds.txt" &
pid=$!
: > "$OUT/samples.txt"
while kill -0 "$pid" 2>/dev/null; do
  fds=$(ls /proc/$pid/fd 2>/dev/null | wc -l || echo -1)
  heap=$(jcmd "$pid" GC.heap_info 2>/dev/null | sed -n 's/.*total \([0-9]*K\), used \([0-9]*K\).*/\2/p' | head -1)
  echo "$(date -u +%H:%M:%S) fds $fds heap_used ${heap:-?}" >> "$OUT/samples.txt"
  sleep "$SAMPLE"
done
wait "$pid"
cat "$OUT/rounds.txt" | tail -3
# Verdict from the in-JVM rounds: medians of the first and last quarter.
awk '
  { heap[NR] = $4; fd[NR] = $6 }
  function median(a, lo, hi,   n, i, j, t, b) {
    n = 0; for (i = lo; i <= hi; i++) b[++n] = a[i]
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (b[j] < b[i]) { t = b[i]; b[i] = b[j]; b[j] = t }
    return b[int((n + 1) / 2)]
  }
  END {
    if (NR < 8) { print "too few rounds (" NR ") for a verdict; run longer"; exit 2 }
    q = int(NR / 4)
    h1 = median(heap, 1, q); h2 = median(heap, NR - q + 1, NR)
    f1 = median(fd, 1, q);   f2 = median(fd, NR - q + 1, NR)
    printf "rounds %d: heap after GC %d → %d KiB, open fds %d → %d\n", NR, h1, h2, f1, f2
    if (h2 <= h1 * 1.10 + 2048 && f2 <= f1 + 2) { print "FLAT" } else { print "GROWING"; exit 1 }
  }' "$OUT/rounds.txt" | tee "$OUT/verdict.txt"
exit "${PIPESTATUS[0]}"
