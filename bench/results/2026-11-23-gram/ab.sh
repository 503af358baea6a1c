#!/bin/bash
# usage: ab.sh N M ROUNDS jar1 jar2 ...  — one fresh JVM per run, jars interleaved
n=$1 m=$2 rounds=$3; shift 3
J25=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
for r in $(seq $rounds); do
  for jar in "$@"; do
    echo "$(date -u +%H:%M:%S) load $(cut -d' ' -f1 /proc/loadavg) $(basename $jar): $($J25 -Xmx4g --add-modules jdk.incubator.vector -Dddmatch.blas=java -cp $jar:${FF:-/tmp/gram/ff} FloorFit $n $m 1 2>&1 | grep -v WARN)"
  done
done
