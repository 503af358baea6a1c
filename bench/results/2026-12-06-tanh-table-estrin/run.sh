#!/usr/bin/env bash
# The 2026-12-05 table-tanh harness with the library's own tanh (NetworkKernels.tanh, the Estrin form) in place of its
# single-vector forms: two lines of ../2026-12-05-tanh/TanhTable.java changed by sed, then run on each JDK in JDKS
# (java binaries). From the repository root, after the jar is built: bench/results/2026-12-06-tanh-table-estrin/run.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
jar="$root/ddmatch-core/target/ddmatch-all.jar"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
sed -e 's/String\[\] names = {"lib", "lib3", "table", "table3"};/String[] names = {"horner3", "estrin-lib", "table3"};/' \
    -e 's/K\[\] ks = {TanhTable::lib, TanhTable::lib3, TanhTable::table, TanhTable::table3};/K[] ks = {TanhTable::lib3, (xx, oo, nn) -> ddmatch.rnn.NetworkKernels.tanh(xx, oo, nn), TanhTable::table3};/' \
    "$root/bench/results/2026-12-05-tanh/TanhTable.java" > "$work/TanhTable.java"
grep -q 'estrin-lib' "$work/TanhTable.java" || { echo "the harness changed; edit this script" >&2; exit 1; }
for java in ${JDKS:-java}; do
  bin="$(dirname "$java")"
  rm -f "$work"/*.class
  "$bin/javac" --add-modules jdk.incubator.vector -cp "$jar" -d "$work" "$work/TanhTable.java" 2>/dev/null
  echo "## $("$java" -version 2>&1 | head -1)"
  "$java" --add-modules jdk.incubator.vector -cp "$jar:$work" TanhTable 2>&1 | grep -v WARNING
done
