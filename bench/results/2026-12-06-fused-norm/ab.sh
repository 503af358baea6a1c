#!/bin/bash
# alternate base/new JVMs; prints integrator and noise+stepper ns/step (median of the last 4 of 6 reps per JVM)
J=${J:-/usr/lib/jvm/temurin-25-jdk-amd64/bin}
NEW=/work/main/ddmatch-core/target/classes
for round in $(seq 1 ${ROUNDS:-3}); do for v in base new; do CP=$([ $v = base ] && echo /tmp/np/base || echo $NEW)
for nd in "300 1" "1000 3"; do
 $J/java --add-modules jdk.incubator.vector -cp $CP:${PROBE_DIR:-/tmp/np} NormProbe $nd 2>&1 | grep -v WARN | python3 "$(dirname "$0")"/med.py $v $round "$nd"
done; done; done
