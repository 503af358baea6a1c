#!/usr/bin/env bash
# One line on how fast each vCPU runs 512-bit FMAs while all of them are busy (bench/cpu/vcpu_fma.c pinned to each vCPU
# at once), for the record of a two-thread benchmark: this host at times gives one vCPU 60-65 % of the other's speed.
#   bench/vcpu-check.sh    ->  "vCPU ns per FMA-vector, all busy: cpu0 0.457 cpu1 0.789"
# Needs gcc, taskset and AVX-512; prints why not otherwise.
set -uo pipefail
cd "$(dirname "$0")"
bin="${TMPDIR:-/tmp}/ddmatch-vcpu_fma"
if ! grep -q avx512f /proc/cpuinfo; then echo "vCPU check: no AVX-512"; exit 0; fi
if ! command -v taskset >/dev/null; then echo "vCPU check: no taskset"; exit 0; fi
if [[ ! -x "$bin" || cpu/vcpu_fma.c -nt "$bin" ]]; then
  gcc -O2 -mavx512f -mfma -o "$bin" cpu/vcpu_fma.c 2>/dev/null || { echo "vCPU check: no gcc"; exit 0; }
fi
tmp=$(mktemp -d)
for c in $(seq 0 $(($(nproc) - 1))); do taskset -c "$c" "$bin" 1 > "$tmp/$c" & done
wait
line="vCPU ns per FMA-vector, all busy:"
for c in $(seq 0 $(($(nproc) - 1))); do line+=" cpu$c $(cat "$tmp/$c")"; done
rm -rf "$tmp"
echo "$line"
