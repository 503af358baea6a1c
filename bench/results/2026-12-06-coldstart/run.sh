#!/usr/bin/env bash
# Cold-start A/B of the launcher's per-method compile thresholds: each command in a new JVM through ./ddmatch, the old
# defaults (DDMATCH_JAVA_OPTS without the CompileCommand options) and the new ones back to back per command, ROUNDS
# rounds (SHORT=1: without reproduce all --quick).
# Usage (from the repository root): ROUNDS=3 bench/results/2026-12-06-coldstart/run.sh > OUT.txt
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
dd="$root/ddmatch"
thp=""; grep -qE '\[(always|madvise)\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null && thp=" -XX:+UseTransparentHugePages"
old="-Xmx4g$thp --add-modules jdk.incubator.vector"
"$dd" train lorenz --neurons 1000 --output "$work/m1000" >/dev/null 2>&1
t() {   # label, command...: wall seconds of one run
  local label=$1; shift
  local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || { echo "$label FAILED"; return; }; e=$(date +%s.%N)
  printf '%s %.2f\n' "$label" "$(echo "$e - $s" | bc)"
}
run_as() {   # variant, label, command...
  local v=$1; shift
  if [ "$v" = old ]; then DDMATCH_JAVA_OPTS="$old" t "$1:$v" "${@:2}"; else (unset DDMATCH_JAVA_OPTS; t "$1:$v" "${@:2}"); fi
}
for r in $(seq "${ROUNDS:-3}"); do
  # each command old and new back to back, the order swapped every round
  if [ $((r % 2)) = 1 ]; then order="old new"; else order="new old"; fi
  for v in $order; do run_as $v simulate-T50 "$dd" simulate "$work/m1000" -t 50 -o "$work/z.npy"; done
  for v in $order; do run_as $v simulate-T2000 "$dd" simulate "$work/m1000" -t 2000 -o "$work/z.npy"; done
  for v in $order; do run_as $v analyze "$dd" analyze "$work/m1000" --output "$work/a-$v.json"; done
  for v in $order; do rm -rf "$work/mt"; run_as $v train-N1000 "$dd" train lorenz --neurons 1000 --output "$work/mt"; done
  for v in $order; do run_as $v demo "$dd" demo --no-report --quiet; done
  if [ -z "${SHORT:-}" ]; then
    for v in $order; do run_as $v reproduce-all-quick "$dd" reproduce all --quick --output "$work/r-$v"; done
  fi
  cmp -s "$work/a-old.json" "$work/a-new.json" && echo "round $r: analyze output identical" || echo "round $r: analyze output DIFFERS"
done
