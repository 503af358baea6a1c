import sys,re,statistics
v,r,nd=sys.argv[1:4]
I=[];S=[]
for line in sys.stdin:
    m=re.search(r'integrator (\d+) ns/step, noise\+stepper (\d+)',line)
    if m: I.append(int(m.group(1))); S.append(int(m.group(2)))
I=I[2:];S=S[2:]
print(f"{r} {v:4s} N,d={nd} integrator {statistics.median(I):.0f} stepper {statistics.median(S):.0f}")
