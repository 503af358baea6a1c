#!/usr/bin/env bash
# Before/after in one session: the same JMH selection on two snapshots of the compiled benchmark classes, one JVM
# after the other (each line of the log records the time and the load average).
#
#   BUILD=1 bench/run-jmh.sh -l >/dev/null && bench/run-ab.sh snapshot /tmp/before      # on the old commit
#   BUILD=1 bench/run-jmh.sh -l >/dev/null && bench/run-ab.sh snapshot /tmp/after       # on the new one
#   bench/run-ab.sh run /tmp/before /tmp/after OUTDIR LyapunovBenchmark -p n=250,1000,4000 -p k=5 -f 1 -wi 5 -i 5
#
# OUTDIR gets jmh-before.log / jmh-after.log (JMH output) and log.txt (start/end times, load average).
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA="${JAVA:-java}"
case "${1:-}" in
  snapshot)
    mkdir -p "$2"
    rm -rf "$2/classes"
    cp -r ddmatch-core/target/classes "$2/classes"
    cp ddmatch-core/target/bench-classpath.txt "$2/"
    ;;
  run)
    before=$2 after=$3 out=$4; shift 4
    mkdir -p "$out"
    # the heap on transparent huge pages where the kernel offers them, as bench/run-jmh.sh (THP=0: without)
    thp=()
    if [[ "${THP:-1}" == 1 ]] && grep -qE '\[(always|madvise)\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null; then
      thp=(-XX:+UseTransparentHugePages)
    fi
    for side in before after; do
      dir=$before; [[ $side == after ]] && dir=$after
      echo "== $side start $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/log.txt"
      "$JAVA" -Xmx4g "${thp[@]}" --add-modules jdk.incubator.vector -cp "$dir/classes:$(cat "$dir/bench-classpath.txt")" \
          org.openjdk.jmh.Main "$@" > "$out/jmh-$side.log" 2>&1
      echo "== $side end $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/log.txt"
    done
    ;;
  *)
    echo "usage: bench/run-ab.sh snapshot DIR | run BEFORE_DIR AFTER_DIR OUTDIR JMH_ARGS..." >&2
    exit 2
    ;;
esac
