# SingleProbe: the library's single-state read-in (readIn3Phi: tanh + 3 accumulators), unrolled U = 1, 2, 3 vectors.
def body(i):
    return f"""            DoubleVector x{i} = DoubleVector.fromArray(S, x, i + {i} * L);
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
            c0 = f{i}.fma(DoubleVector.fromArray(S, w, i + {i} * L), c0);
            c1 = f{i}.fma(DoubleVector.fromArray(S, w, n + i + {i} * L), c1);
            c2 = f{i}.fma(DoubleVector.fromArray(S, w, n2 + i + {i} * L), c2);
"""
def method(U):
    s=f"""    double readIn{U}(double[] x, double[] s) {{
        final int n = this.n, n2 = 2 * n;
        DoubleVector c0 = DoubleVector.zero(S), c1 = DoubleVector.zero(S), c2 = DoubleVector.zero(S);
        int i = 0;
        for (int bound = n - {U} * L; i <= bound; i += {U} * L) {{
"""
    for k in range(U): s+=body(k)
    s+="        }\n"
    if U>1:
        s+="        for (int bound = S.loopBound(n); i < bound; i += L) {\n"+body(0)+"        }\n"
    s+="""        c0.intoArray(s, 0);
        double s0 = laneSum(s, 0);
        c1.intoArray(s, 0);
        double s1 = laneSum(s, 0);
        c2.intoArray(s, 0);
        double s2 = laneSum(s, 0);
        for (; i < n; i++) { double f = scalarTanh(x[i]); s0 = Math.fma(f, w[i], s0); s1 = Math.fma(f, w[n + i], s1); s2 = Math.fma(f, w[n2 + i], s2); }
        return s0 + 2 * s1 + 3 * s2;
    }

"""
    return s
head=open('../2026-12-06-batch-tile/head.java').read()
head=head.replace("public class TileProbe","public class SingleProbe").replace("TileProbe(int n","SingleProbe(int n")
main_start=head.index("    public static void main")
head=head[:main_start]+"""    public static void main(String[] args) {
        int n = Integer.getInteger("n", 1000);
        int rounds = Integer.getInteger("rounds", 8);
        SingleProbe k = new SingleProbe(n, 20240601L);
        double[] x = new double[n];
        java.util.SplittableRandom r = new java.util.SplittableRandom(99);
        for (int i = 0; i < n; i++) x[i] = 2 * gauss(r);
        double[] s = new double[64];
        double ref = k.readIn3(x, s);
        System.out.println("same: " + (k.readIn1(x, s) == ref) + " " + (k.readIn2(x, s) == ref));
        int reps = Integer.getInteger("reps", 200000);
        double sink = 0;
        for (int w = 0; w < 3; w++) for (int u = 1; u <= 3; u++) for (int q = 0; q < reps; q++) sink += k.call(u, x, s);
        System.out.printf("N = %d, %s %s; ns per read-in (ns per neuron)%n", n, System.getProperty("java.vm.name"), System.getProperty("java.version"));
        for (int round = 0; round < rounds; round++) {
            StringBuilder line = new StringBuilder("round " + round + ":");
            for (int u = 1; u <= 3; u++) {
                long t0 = System.nanoTime();
                for (int q = 0; q < reps; q++) sink += k.call(u, x, s);
                double ns = (System.nanoTime() - t0) / (double) reps;
                line.append(String.format("  U=%d: %.0f (%.3f)", u, ns, ns / n));
            }
            System.out.println(line);
        }
        System.out.println(sink == 42 ? "" : " ");
    }

    double call(int u, double[] x, double[] s) {
        switch (u) { case 1: return readIn1(x, s); case 2: return readIn2(x, s); default: return readIn3(x, s); }
    }
}
"""
gen=method(1)+method(2)+method(3)
open('SingleProbe.java','w').write(head.replace('//GEN', gen))
