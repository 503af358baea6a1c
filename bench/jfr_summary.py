#!/usr/bin/env python3
"""Where the time goes in a JFR recording: share of execution samples by phase (the ddmatch packages on the stack) and
by top frame. Input: the text of `jfr print --events jdk.ExecutionSample --stack-depth 64 FILE.jfr`.

  DDMATCH_JAVA_OPTS="-Xmx4g --add-modules jdk.incubator.vector -XX:StartFlightRecording=filename=demo.jfr,settings=profile" ./ddmatch demo
  jfr print --events jdk.ExecutionSample --stack-depth 64 demo.jfr > samples.txt
  python3 bench/jfr_summary.py samples.txt      # Markdown tables
"""
import re, sys, collections
top = collections.Counter(); phase = collections.Counter(); pkg = collections.Counter()
total = 0
cur = None
def classify(frames):
    s = " ".join(frames)
    if "ddmatch.fit." in s: return "fit (ridge: Gram, eigendecomposition, GCV, features)"
    if "ddmatch.analysis.lyapunov" in s or "LargestLyapunov" in s: return "Lyapunov exponents (network and target)"
    if "ddmatch.analysis" in s: return "other analysis (D_stsp, residence times, EPR, ...)"
    if "ddmatch.solve" in s: return "simulation (Integrator/steppers)"
    if "ddmatch.report" in s or "ddmatch.io" in s: return "report / io"
    if "ddmatch." in s: return "other ddmatch"
    return "JVM / JDK (JIT, GC threads not sampled)"
frames = []
for line in open(sys.argv[1]):
    line = line.rstrip()
    if line.startswith("jdk.ExecutionSample"):
        if frames:
            total += 1; top[frames[0]] += 1; phase[classify(frames)] += 1
            m = re.match(r"([a-z0-9_.]+)\.[A-Z]", frames[0]); pkg[m.group(1) if m else frames[0].split("(")[0]] += 1
        frames = []; cur = True
    elif re.match(r"\s+[\w$.]+\(.*\)\s+line:", line) or re.match(r"\s+[\w$./]+\.[\w$<>]+\(", line):
        frames.append(line.strip().split(" line:")[0])
if frames:
    total += 1; top[frames[0]] += 1; phase[classify(frames)] += 1
print(f"samples: {total}")
print("\n| phase (by the ddmatch packages on the stack) | share of samples |\n|---|---:|")
for k, v in phase.most_common(): print(f"| {k} | {100*v/total:.1f} % |")
print("\n| top frame (method executing) | share |\n|---|---:|")
for k, v in top.most_common(15): print(f"| `{k}` | {100*v/total:.1f} % |")
