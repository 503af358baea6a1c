#!/bin/bash
# ab.sh with a wait for a quiet moment (1-min load < $MAXLOAD, default 1.5; up to 60 s) before each pair of runs
n=$1 m=$2 rounds=$3; shift 3
J25=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
for r in $(seq $rounds); do
  for w in $(seq 12); do awk -v x=${MAXLOAD:-1.5} '{exit !($1 < x)}' /proc/loadavg && break; sleep 5; done
  for jar in "$@"; do
    echo "$(date -u +%H:%M:%S) load $(cut -d' ' -f1 /proc/loadavg) $(basename $jar): $($J25 -Xmx4g --add-modules jdk.incubator.vector -Dddmatch.blas=java -cp $jar:${FF:-/tmp/gram/ff} FloorFit $n $m 1 2>&1 | grep -v WARN)"
  done
done
