# InterleaveProbe: the batch step with each tile's read-in sweep interleaved with the previous tile's update sweep
# (one loop over the neurons doing both; independent states, so the same operations and bits as read-in then update).
import re
def tanh_acc(i, pre=''):
    return f"""            DoubleVector x{i} = DoubleVector.fromArray(S, xs, o{i} + j);
            DoubleVector a{i} = x{i}.abs();
            VectorMask<Double> big{i} = a{i}.compare(VectorOperators.GT, A_MAX);
            DoubleVector t{i} = a{i}.fma(TWO_LOG2E, ROUND);
            DoubleVector k{i} = t{i}.sub(ROUND);
            DoubleVector h{i} = k{i}.fma(V_MHALF_LN2, a{i});
            DoubleVector r{i} = h{i}.add(h{i});
            DoubleVector rr{i} = r{i}.mul(r{i});
            DoubleVector r4{i} = rr{i}.mul(rr{i});
            DoubleVector g{i} = r4{i}.fma(r{i}.fma(VQ9, VQ8), rr{i}.fma(r{i}.fma(VQ7, VQ6), r{i}.fma(VQ5, VQ4)));
            DoubleVector q{i} = r4{i}.fma(g{i}, rr{i}.fma(r{i}.fma(VQ3, VQ2), r{i}.fma(VQ1, VQ0)));
            DoubleVector p{i} = q{i}.fma(rr{i}, r{i});
            DoubleVector sc{i} = t{i}.reinterpretAsLongs().add(1023L).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            DoubleVector u{i} = sc{i}.fma(p{i}, sc{i}.sub(1.0));
            DoubleVector f{i} = u{i}.div(u{i}.add(2.0)).blend(1.0, big{i}).reinterpretAsLongs()
                    .or(x{i}.reinterpretAsLongs().and(SIGN)).reinterpretAsDoubles();
            c{i}0 = f{i}.fma(w0, c{i}0);
            c{i}1 = f{i}.fma(w1, c{i}1);
            c{i}2 = f{i}.fma(w2, c{i}2);
"""
def upd(i):
    return f"""            DoubleVector y{i} = DoubleVector.fromArray(S, xs, p{i}o + j);
            DoubleVector z{i} = bj.sub(y{i}).fma(vh, y{i});
            z{i} = uu0.fma(b{i}0, z{i});
            z{i} = uu1.fma(b{i}1, z{i});
            z{i} = uu2.fma(b{i}2, z{i});
            z{i}.intoArray(xs, p{i}o + j);
"""
def read_decl(T):
    s="        final int o0 = oRead;\n"
    for i in range(1,T): s+=f"        final int o{i} = o{i-1} + n;\n"
    for i in range(T): s+="        DoubleVector "+", ".join(f"c{i}{k} = DoubleVector.zero(S)" for k in range(3))+";\n"
    return s
def read_tail(T):
    s=""
    for i in range(T):
        for k in range(3): s+=f"        c{i}{k}.intoArray(s, 0);\n        s[sRead + {3*i+k}] = laneSum(s, 0);\n"
    s+=f"""        for (int t = 0; t < {T}; t++) {{
            double t0 = 0, t1 = 0, t2 = 0;
            int o = oRead + t * n;
            for (int i = bound; i < n; i++) {{
                double f = scalarTanh(xs[o + i]);
                t0 = Math.fma(f, w[i], t0);
                t1 = Math.fma(f, w[n + i], t1);
                t2 = Math.fma(f, w[n2 + i], t2);
            }}
            s[sRead + 3 * t] += t0;
            s[sRead + 3 * t + 1] += t1;
            s[sRead + 3 * t + 2] += t2;
        }}
"""
    return s
def upd_decl(T):
    s=f"""        final double ht = invTau * h;
        for (int k = 0; k < {3*T}; k++) s[sUpd + k] = Math.fma(s[sUpd + k], ht, cs[betaUpd * 3 + k]);
        final DoubleVector vh = bc(ht);
        final int p0o = betaUpd * n;
"""
    for i in range(1,T): s+=f"        final int p{i}o = p{i-1}o + n;\n"
    for i in range(T): s+="        DoubleVector "+", ".join(f"b{i}{k} = bc(s[sUpd + {3*i+k}])" for k in range(3))+";\n"
    return s
def upd_tail(T):
    return f"""        for (int t = 0; t < {T}; t++) {{
            double e0 = s[sUpd + 3 * t], e1 = s[sUpd + 3 * t + 1], e2 = s[sUpd + 3 * t + 2];
            int o = betaUpd * n + t * n;
            for (int i = bound; i < n; i++) {{
                double xi = xs[o + i];
                double xn = Math.fma(b[i] - xi, ht, xi);
                xn = Math.fma(u[i], e0, xn);
                xn = Math.fma(u[n + i], e1, xn);
                xn = Math.fma(u[n2 + i], e2, xn);
                xs[o + i] = xn;
            }}
        }}
"""
W="""            DoubleVector w0 = DoubleVector.fromArray(S, w, j), w1 = DoubleVector.fromArray(S, w, n + j),
                    w2 = DoubleVector.fromArray(S, w, n2 + j);
"""
UU="""            DoubleVector uu0 = DoubleVector.fromArray(S, u, j), uu1 = DoubleVector.fromArray(S, u, n + j),
                    uu2 = DoubleVector.fromArray(S, u, n2 + j), bj = DoubleVector.fromArray(S, b, j);
"""
HEAD="""        final int n = this.n, n2 = 2 * n, bound = S.loopBound(n);
        final double[] w = this.w, u = this.u, b = this.b;
"""
def readin(T):
    return f"    void readIn{T}(double[] xs, int oRead, double[] s, int sRead) {{\n"+HEAD+read_decl(T)+"        int j = 0;\n        for (; j < bound; j += L) {\n"+W+"".join(tanh_acc(i) for i in range(T))+"        }\n"+read_tail(T)+"    }\n\n"
def update(T):
    return f"    void update{T}(double[] xs, int betaUpd, double h, double[] cs, double[] s, int sUpd) {{\n"+HEAD+upd_decl(T)+"        int j = 0;\n        for (; j < bound; j += L) {\n"+UU+"".join(upd(i) for i in range(T))+"        }\n"+upd_tail(T)+"    }\n\n"
def fused(T, mode):
    # mode 'after': update ops after the read-in ops in the loop body; 'before': update first; 'mid': between states
    body=W
    if mode=='before': body+=UU+"".join(upd(i) for i in range(T))+"".join(tanh_acc(i) for i in range(T))
    elif mode=='after': body+="".join(tanh_acc(i) for i in range(T))+UU+"".join(upd(i) for i in range(T))
    else:
        body+=UU
        for i in range(T): body+=tanh_acc(i)+upd(i)
    name={'before':'B','after':'A','mid':'M'}[mode]
    return (f"    void fused{T}{name}(double[] xs, int oRead, int betaUpd, double h, double[] cs, double[] s, int sRead, int sUpd) {{\n"
            +HEAD+read_decl(T)+upd_decl(T)+"        int j = 0;\n        for (; j < bound; j += L) {\n"+body+"        }\n"+read_tail(T)+upd_tail(T)+"    }\n\n")
gen=""
for T in (2,4):
    gen+=readin(T)+update(T)
    for m in ('before','after','mid'): gen+=fused(T,m)
step="    void step(int variant, double[] xs, int batch, double h, double[] cs, double[] s) {\n        final int n = this.n;\n        switch (variant) {\n"
for T in (2,4):
    step+=f"            case {T*10}: for (int beta = 0; beta + {T} <= batch; beta += {T}) {{ readIn{T}(xs, beta * n, s, L); update{T}(xs, beta, h, cs, s, L); }} break;\n"
    for mi,m in enumerate('BAM'):
        step+=f"""            case {T*10+mi+1}: {{
                int sA = L, sB = L + 16;
                readIn{T}(xs, 0, s, sA);
                int beta = {T};
                for (; beta + {T} <= batch; beta += {T}) {{ fused{T}{m}(xs, beta * n, beta - {T}, h, cs, s, sB, sA); int t = sA; sA = sB; sB = t; }}
                update{T}(xs, beta - {T}, h, cs, s, sA);
                break;
            }}
"""
step+="            default: throw new IllegalArgumentException();\n        }\n    }\n"
head=open("head.java").read().replace("TileProbe","InterleaveProbe")
head=head.replace("int[] variants = {40, 41, 30, 31, 20, 21, 10, 11};","int[] variants = {20, 21, 22, 23, 40, 41, 42, 43};")
head=head.replace("double[] s = new double[L + 48];","double[] s = new double[L + 64];")
open('InterleaveProbe.java','w').write(head.replace('//GEN', gen+step))
