#!/usr/bin/env bash
# The head of a benchmark's machine.txt: date, commit (dirty or not), CPU (bench/cpu.sh), load average, and one line
# per JDK given as arguments (paths of java executables).
#   bench/machine.sh java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java > "$OUT/machine.txt"
cd "$(dirname "$0")/.." || exit 1
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "git: $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo ' (dirty)')"
echo "cpu: $(bench/cpu.sh)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for j in "$@"; do echo "jdk ($j): $("$j" -version 2>&1 | head -2 | tr '\n' ' ')"; done
