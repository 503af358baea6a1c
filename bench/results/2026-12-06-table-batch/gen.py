# Generates TableProbe.java: the library's batch read-in (tanh + 3T accumulators) and update for tiles of T states,
# with the library's tanh ("lib", variant 10·T) or the table form ("table", variant 10·T + 3). See README.md.
T_LIST = [1, 2, 4]


def tanh_lib(i):
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
"""


def tanh_table(i):
    return f"""            DoubleVector x{i} = DoubleVector.fromArray(S, xs, o{i} + j);
            DoubleVector a{i} = x{i}.abs();
            VectorMask<Double> big{i} = a{i}.compare(VectorOperators.GT, A_MAX);
            DoubleVector t{i} = a{i}.fma(SIXTEEN_LOG2E, ROUND);
            DoubleVector k{i} = t{i}.sub(ROUND);
            DoubleVector h{i} = k{i}.fma(V_MLN2_16, a{i});
            DoubleVector r{i} = h{i}.add(h{i});
            DoubleVector rr{i} = r{i}.mul(r{i});
            DoubleVector q{i} = rr{i}.fma(rr{i}.fma(r{i}.fma(VP5, VP4), r{i}.fma(VP3, VP2)), r{i}.fma(VP1, VP0));
            DoubleVector p{i} = q{i}.fma(rr{i}, r{i});
            LongVector ti{i} = t{i}.reinterpretAsLongs();
            DoubleVector sc{i} = ti{i}.lanewise(VectorOperators.LSHL, 49).add(VTB.rearrange(ti{i}.and(7L).toShuffle())).reinterpretAsDoubles();
            DoubleVector u{i} = sc{i}.fma(p{i}, sc{i}.sub(1.0));
            DoubleVector f{i} = u{i}.div(u{i}.add(2.0)).blend(1.0, big{i}).reinterpretAsLongs()
                    .or(x{i}.reinterpretAsLongs().and(SIGN)).reinterpretAsDoubles();
"""


def readin(T, mode):
    name = f"readIn{T}{'T' if mode == 'table' else ''}"
    s = f"    void {name}(double[] xs, int o0, double[] s) {{\n        final int n = this.n, n2 = 2 * n;\n        final double[] w = this.w;\n"
    for i in range(1, T):
        s += f"        final int o{i} = o{i-1} + n;\n"
    s += "        final int bound = S.loopBound(n);\n"
    for i in range(T):
        s += "        DoubleVector " + ", ".join(f"c{i}{k} = DoubleVector.zero(S)" for k in range(3)) + ";\n"
    s += """        int j = 0;
        for (; j < bound; j += L) {
            DoubleVector w0 = DoubleVector.fromArray(S, w, j), w1 = DoubleVector.fromArray(S, w, n + j),
                    w2 = DoubleVector.fromArray(S, w, n2 + j);
"""
    for i in range(T):
        s += tanh_table(i) if mode == 'table' else tanh_lib(i)
        s += f"""            c{i}0 = f{i}.fma(w0, c{i}0);
            c{i}1 = f{i}.fma(w1, c{i}1);
            c{i}2 = f{i}.fma(w2, c{i}2);
"""
    s += "        }\n"
    for i in range(T):
        for k in range(3):
            s += f"        c{i}{k}.intoArray(s, 0);\n        s[L + {3*i+k}] = laneSum(s, 0);\n"
    fn = 'tableTanh' if mode == 'table' else 'scalarTanh'
    s += f"""        for (int t = 0; t < {T}; t++) {{
            double t0 = 0, t1 = 0, t2 = 0;
            int o = o0 + t * n;
            for (int i = bound; i < n; i++) {{
                double f = {fn}(xs[o + i]);
                t0 = Math.fma(f, w[i], t0);
                t1 = Math.fma(f, w[n + i], t1);
                t2 = Math.fma(f, w[n2 + i], t2);
            }}
            s[L + 3 * t] += t0;
            s[L + 3 * t + 1] += t1;
            s[L + 3 * t + 2] += t2;
        }}
    }}

"""
    return s


def update(T):
    s = f"""    void update{T}(double[] xs, int beta, double h, double[] cs, double[] s) {{
        final int n = this.n, n2 = 2 * n;
        final double[] u = this.u, b = this.b;
        final int o0 = beta * n;
"""
    for i in range(1, T):
        s += f"        final int o{i} = o{i-1} + n;\n"
    s += f"""        final int bound = S.loopBound(n);
        final double ht = invTau * h;
        for (int k = 0; k < {3*T}; k++) s[L + k] = Math.fma(s[L + k], ht, cs[beta * 3 + k]);
        final DoubleVector vh = bc(ht);
"""
    for i in range(T):
        s += "        DoubleVector " + ", ".join(f"b{i}{k} = bc(s[L + {3*i+k}])" for k in range(3)) + ";\n"
    s += """        int j = 0;
        for (; j < bound; j += L) {
            DoubleVector u0 = DoubleVector.fromArray(S, u, j), u1 = DoubleVector.fromArray(S, u, n + j),
                    u2 = DoubleVector.fromArray(S, u, n2 + j), bj = DoubleVector.fromArray(S, b, j);
"""
    for i in range(T):
        s += f"""            DoubleVector x{i} = DoubleVector.fromArray(S, xs, o{i} + j);
            DoubleVector r{i} = bj.sub(x{i}).fma(vh, x{i});
            r{i} = u0.fma(b{i}0, r{i});
            r{i} = u1.fma(b{i}1, r{i});
            r{i} = u2.fma(b{i}2, r{i});
            r{i}.intoArray(xs, o{i} + j);
"""
    s += f"""        }}
        for (int t = 0; t < {T}; t++) {{
            double e0 = s[L + 3 * t], e1 = s[L + 3 * t + 1], e2 = s[L + 3 * t + 2];
            int o = o0 + t * n;
            for (int i = bound; i < n; i++) {{
                double xi = xs[o + i];
                double xn = Math.fma(b[i] - xi, ht, xi);
                xn = Math.fma(u[i], e0, xn);
                xn = Math.fma(u[n + i], e1, xn);
                xn = Math.fma(u[n2 + i], e2, xn);
                xs[o + i] = xn;
            }}
        }}
    }}

"""
    return s


body = open('head.java').read()
gen = ""
for T in T_LIST:
    gen += readin(T, 'lib') + readin(T, 'table') + update(T)
step = "    void step(int variant, double[] xs, int batch, double h, double[] cs, double[] s) {\n        switch (variant) {\n"
for T in T_LIST:
    for m, code in [('', 0), ('T', 3)]:
        step += f"            case {T*10+code}: for (int beta = 0; beta + {T} <= batch; beta += {T}) {{ readIn{T}{m}(xs, beta * n, s); update{T}(xs, beta, h, cs, s); }} break;\n"
step += "            default: throw new IllegalArgumentException();\n        }\n    }\n"
open('TableProbe.java', 'w').write(body.replace('//GEN', gen + step))
