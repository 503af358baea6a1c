import sys,collections,statistics
# input lines: "<round> <base|new> N,d=<n> <d> integrator <ns> stepper <ns>"
r=collections.defaultdict(dict)
for l in sys.stdin:
    p=l.split()
    if len(p)<8: continue
    r[(p[2]+' '+p[3])].setdefault(p[0],{})[p[1]]=(int(p[5]),int(p[7]))
for cfg,rounds in sorted(r.items()):
    for i,name in ((0,'integrator'),(1,'stepper')):
        b=[v['base'][i] for v in rounds.values() if 'base' in v and 'new' in v]
        n=[v['new'][i] for v in rounds.values() if 'base' in v and 'new' in v]
        ratios=sorted(x/y for x,y in zip(b,n))
        print(f"{cfg:12s} {name:10s} base {statistics.median(b):6.0f} ({min(b)}-{max(b)})  new {statistics.median(n):6.0f} ({min(n)}-{max(n)})  per-round speed-up median {statistics.median(ratios):.2f} ({ratios[0]:.2f}-{ratios[-1]:.2f})")
