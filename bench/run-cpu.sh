#!/usr/bin/env bash
# What this CPU can do per cycle, for the bounds quoted in BENCHMARKS.md: bench/cpu/pipes.c (512-bit operation
# throughput, clock from the FMA latency) and bench/cpu/tanh.c (the library's vector tanh and the table variant
# compiled by gcc). Needs gcc and an AVX-512 CPU. Results: bench/results/<UTC date>-cpu/cpu.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${OUT:-bench/results/$(date -u +%Y-%m-%d)-cpu}"
if ! grep -q avx512f /proc/cpuinfo; then echo "no AVX-512 on this CPU: nothing to measure" >&2; exit 1; fi
mkdir -p "$OUT"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gcc -O2 -mavx512f -mfma -o "$tmp/pipes" bench/cpu/pipes.c
gcc -O2 -mavx512f -mavx512dq -mfma -o "$tmp/tanh" bench/cpu/tanh.c -lm
{
  echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ), $(bench/cpu.sh), $(gcc --version | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
  "$tmp/pipes" | tee "$tmp/pipes.txt"
  ghz=$(sed -n 's/.*clock \([0-9.]*\) GHz.*/\1/p' "$tmp/pipes.txt")
  "$tmp/tanh" "$ghz"
} > "$OUT/cpu.txt"
cat "$OUT/cpu.txt"
