#!/usr/bin/env bash
# One line naming the CPU for a benchmark record: model name, family/model (lscpu's "AMD EPYC" alone does not tell
# a Zen 4 from a Zen 5: family 25 is Zen 3/4, family 26 Zen 5), vCPUs and the widest AVX-512 support.
m=$(lscpu | sed -n 's/^Model name:[[:space:]]*//p')
fam=$(sed -n 's/^cpu family[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo | head -1)
mod=$(sed -n 's/^model[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo | head -1)
avx=$(grep -q avx512f /proc/cpuinfo && echo AVX-512 || (grep -q avx2 /proc/cpuinfo && echo AVX2 || echo "no AVX2"))
echo "$m (family $fam, model $mod), $(nproc) vCPUs, $avx"
