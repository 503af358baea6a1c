#!/bin/bash
# alternate before/after JVMs (session 12: readIn3Phi two vectors per iteration); NormProbe from ../2026-12-06-fused-norm
J=${J:-/usr/lib/jvm/temurin-25-jdk-amd64/bin}
for round in $(seq 1 ${ROUNDS:-3}); do for v in base new; do CP=$([ $v = base ] && echo /tmp/ab-before/classes || echo /tmp/ab-after/classes)
for nd in "300 1" "1000 3" "1000 2"; do
 $J/java --add-modules jdk.incubator.vector -cp $CP:/tmp/np2 DriftProbe $nd 2>&1 | grep -v WARN | python3 /tmp/np2/med.py $v $round "$nd"
done; done; done
