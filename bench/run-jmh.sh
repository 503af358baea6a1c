#!/usr/bin/env bash
# Runs the JMH suite compiled by `./mvnw -Pbench -DskipTests package` (bench/src/main/java, package ddmatch.bench).
#
#   bench/run-jmh.sh                         # whole suite, JMH defaults from the annotations (-f 1, 3 × 1 s warm-up, 5 × 1 s)
#   bench/run-jmh.sh NetworkStep -prof gc    # any JMH options / benchmark regexps are passed through
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/run-jmh.sh   # another JDK
#   BUILD=1 bench/run-jmh.sh                 # (re)build with -Pbench first
#   THP=0 bench/run-jmh.sh DenseStep         # heap without transparent huge pages (before 2026-12-05: always so)
#
# The classpath is ddmatch-core/target/classes plus the runtime dependencies of the bench profile (dependency:build-classpath).
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA="${JAVA:-java}"
CP_FILE=ddmatch-core/target/bench-classpath.txt
if [[ "${BUILD:-0}" == 1 || ! -f ddmatch-core/target/classes/META-INF/BenchmarkList ]]; then
  ./mvnw -q -Pbench -DskipTests -pl ddmatch-core -am package
fi
if [[ "${BUILD:-0}" == 1 || ! -f "$CP_FILE" ]]; then
  ./mvnw -q -Pbench -pl ddmatch-core dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile="$PWD/$CP_FILE"
fi
# The heap on transparent huge pages where the kernel offers them, as the ddmatch launcher runs it (THP=0: without).
thp=()
if [[ "${THP:-1}" == 1 ]] && grep -qE '\[(always|madvise)\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null; then
  thp=(-XX:+UseTransparentHugePages)
fi
exec "$JAVA" -Xmx4g "${thp[@]}" --add-modules jdk.incubator.vector -cp "ddmatch-core/target/classes:$(cat "$CP_FILE")" org.openjdk.jmh.Main "$@"
