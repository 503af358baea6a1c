#!/usr/bin/env bash
# Cold start, whole launcher: the launcher of commit OLD (default 3be97a0) against the working tree's, each command in
# a new JVM, back to back per command, the order swapped every round. Both run the same jar.
# Usage (from the repository root): ROUNDS=4 bench/results/2026-12-06-coldstart/launchers.sh > OUT.txt
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
work="$(mktemp -d)"
old_launcher="$root/.ddmatch-launcher-old"
trap 'rm -rf "$work" "$old_launcher"' EXIT
git -C "$root" show "${OLD:-3be97a0}:ddmatch" > "$old_launcher"; chmod +x "$old_launcher"
new_launcher="$root/ddmatch"
"$new_launcher" train lorenz --neurons 1000 --output "$work/m1000" >/dev/null 2>&1
t() {
  local label=$1; shift
  local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || { echo "$label FAILED"; return; }; e=$(date +%s.%N)
  printf '%s %.2f\n' "$label" "$(echo "$e - $s" | bc)"
}
for r in $(seq "${ROUNDS:-3}"); do
  if [ $((r % 2)) = 1 ]; then order="old new"; else order="new old"; fi
  L() { if [ "$1" = old ]; then echo "$old_launcher"; else echo "$new_launcher"; fi; }
  for v in $order; do t "version:$v" "$(L $v)" --version; done
  for v in $order; do t "systems:$v" "$(L $v)" systems; done
  for v in $order; do rm -rf "$work/mt"; t "train-N1000:$v" "$(L $v)" train lorenz --neurons 1000 --output "$work/mt"; done
  for v in $order; do t "simulate-T50:$v" "$(L $v)" simulate "$work/m1000" -t 50 -o "$work/z.npy"; done
  for v in $order; do t "simulate-T2000:$v" "$(L $v)" simulate "$work/m1000" -t 2000 -o "$work/z.npy"; done
  for v in $order; do t "analyze:$v" "$(L $v)" analyze "$work/m1000" --output "$work/a-$v.json"; done
  for v in $order; do t "demo:$v" "$(L $v)" demo --no-report --quiet; done
  cmp -s "$work/a-old.json" "$work/a-new.json" && echo "round $r: analyze output identical" || echo "round $r: analyze output DIFFERS"
done
