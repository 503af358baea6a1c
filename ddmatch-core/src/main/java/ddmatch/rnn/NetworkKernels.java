package ddmatch.rnn;

/**
 * The hot loops of {@link RateNetwork}: the drift {@code (1/τ)(−x + U W φ(x) + b)} and the Jacobian product
 * {@code (1/τ)(−v + U W (φ'(x) ⊙ v))} of one state, and the drift of a batch of B states sharing W.
 *
 * <p><b>Description.</b> A drift evaluation is split into three passes so that two of them are SIMD loops:
 * (1) φ(x) for all N neurons into a scratch array ({@link FastTanh#tanh(double[], double[], int, int)} for tanh,
 * which C2 vectorises); (2) the d read-in sums {@code a_k = Σ_j W_kj φ_j}, a reduction that C2 does not vectorise
 * (floating-point sums may not be reordered), written with four neurons per iteration and 4·d independent
 * accumulators (for d = 3) so that the adds pipeline; (3) {@code out_j = (b_j − x_j + Σ_k U_jk a_k)/τ} over the
 * columns of U stored contiguously (a unit-stride loop, vectorised).
 *
 * <p>Two fused forms serve the solvers: {@link #driftAndTangents} evaluates the drift and k Jacobian products in one
 * sweep (φ and φ' once, d·(1 + k) read-in sums; one RK4 stage of the Lyapunov spectrum), and {@link #driftBatch} the
 * drift of B states stored one after another, each bit-identical to {@link #drift} (lock-step ensembles).
 *
 * <p>The read-in sums of one state are added in the order (s₀ + s₁) + (s₂ + s₃) over the four neuron phases; every
 * kernel is deterministic. Scratch space is per thread; no call allocates after the first on a thread.
 *
 * <p><b>Vector API.</b> For tanh networks, when the JVM runs with {@code --add-modules jdk.incubator.vector} (the
 * {@code ddmatch} launcher and the test build add it), every kernel delegates to an explicitly vectorised version
 * ({@code VectorKernels}: a SIMD tanh of its own, the read-in sums in vector accumulators, fused multiply-adds); without
 * the module, or with {@code -Dddmatch.kernel=scalar}, the scalar code below runs. The choice is made once per JVM, so
 * results are reproducible within a run and for any thread count; the two kernels agree to rounding (≈ 1e-15
 * relative), not bit for bit, and the vector kernel's sums are grouped by the machine's vector width
 * ({@link #implementation()} says which kernel and width are in use).
 */
public final class NetworkKernels {
    private final int n;
    private final int d;
    private final double invTau;
    private final Activation activation;
    private final double[] wt;      // N × d, row j = weights from neuron j
    private final double[] uCols;   // d × N, row k = column k of U
    private final double[] b;
    private final ThreadLocal<double[]> scratch = ThreadLocal.withInitial(() -> new double[0]);
    private final SimdKernels simd;   // null: scalar kernels
    private final ThreadLocal<double[][]> stepBuffers = ThreadLocal.withInitial(() -> new double[][] {new double[0]});

    /**
     * @param u          U, row-major N × d (read, not kept)
     * @param wt         Wᵀ, row-major N × d (kept, not copied: the caller must not change it)
     * @param b          tonic input b, length N (kept, not copied)
     * @param tau        neural time constant τ &gt; 0
     * @param activation φ
     */
    public NetworkKernels(double[] u, double[] wt, double[] b, int n, int d, double tau, Activation activation) {
        this(u, wt, b, n, d, tau, activation, true);
    }

    /** @param vectorApi false forces the scalar kernels (tests compare both paths in one JVM) */
    NetworkKernels(double[] u, double[] wt, double[] b, int n, int d, double tau, Activation activation, boolean vectorApi) {
        if (u.length != n * d || wt.length != n * d || b.length != n) {
            throw new IllegalArgumentException("kernels: U has " + u.length + ", Wᵀ " + wt.length + " and b " + b.length
                    + " entries; expected N·d = " + (n * d) + ", N·d and N = " + n);
        }
        this.n = n;
        this.d = d;
        this.invTau = 1.0 / tau;
        this.activation = activation;
        this.wt = wt;
        this.b = b;
        this.uCols = new double[d * n];
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < d; k++) uCols[k * n + j] = u[j * d + k];
        }
        if (vectorApi && activation == Activation.TANH && SimdKernels.available()) {
            double[] wRows = new double[d * n];
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < d; k++) wRows[k * n + j] = wt[j * d + k];
            }
            this.simd = SimdKernels.load(wRows, uCols, b, n, d, invTau);
        } else {
            this.simd = null;
        }
    }

    /**
     * Which kernel computes this network's drift: {@code "scalar"}, or the Vector API kernel with its vector shape
     * (e.g. {@code "Vector API, 8 × double (512 bits)"}).
     */
    public String implementation() {
        return simd == null ? "scalar" : simd.description();
    }

    /**
     * States per tile of {@link #eulerStepBatch}'s Vector API kernel when d = 3 (2 or 4, the system property
     * {@code ddmatch.batchTile}, by default by JDK); 1 on the scalar kernels, which step the states one by one.
     */
    public int stepTile() {
        return simd == null ? 1 : simd.stepTile();
    }

    /**
     * The states per tile {@link #eulerStepBatch} steps together sharing the loads of the weights ({@link #stepTile()}),
     * or 0 when it has no tiled form for these kernels (scalar kernels, or d ≠ 3) and steps the states one by one.
     */
    public int tiledStep() {
        return simd != null && d == 3 ? simd.stepTile() : 0;
    }

    /**
     * {@code out[i] = tanh(x[i])} for i &lt; len, by the tanh the network kernels use: the Vector API tanh when
     * {@link #vectorApiInUse()}, else {@link FastTanh} (both within 2.5e-16 of {@link Math#tanh}, see BENCHMARKS.md).
     */
    public static void tanh(double[] x, double[] out, int len) {
        SimdKernels v = SimdKernels.shared();
        if (v != null) {
            v.tanh(x, out, len);
        } else {
            FastTanh.tanh(x, out, 0, len);
        }
    }

    private static final ThreadLocal<double[]> DOT_LANES = ThreadLocal.withInitial(() -> new double[64]);   // ≥ the widest vector (2048 bits)

    /**
     * The readout sums {@code zt[k] = Σ_j U_jk (x_j − b_j) / N} for k &lt; {@code columns}: {@link Embedding#project}
     * over the first {@code columns} columns of this kernel's U (the latent ones; a population column comes after
     * them). That method adds each sum in one chain of N dependent additions, which at a few cycles each made it the
     * hottest method of a recorded simulation (JFR of {@code ddmatch demo}: 27–29 % of the samples); here the sums run
     * in independent chains that pipeline: with the Vector API two vector fused multiply-add chains per column over
     * U's contiguous columns, their lanes added in lane order, then the tail (d = 3: the three columns in one sweep
     * that reads {@code x − b} once); otherwise, for d = 3, four neuron phases × three columns of scalar accumulators
     * added as (s₀ + s₁) + (s₂ + s₃), as in the read-in sums. The grouping differs from {@link Embedding#project}, so
     * the two agree to rounding (≈ 1e-16 of {@code Σ_j |U_jk (x_j − b_j)|/N}), not bit for bit; each is deterministic.
     * Allocates nothing after the first call on a thread.
     *
     * @param x       state, length ≥ N
     * @param zt      the readout in latent (standardised) units, length ≥ columns (written)
     * @param columns how many leading columns of U to read out, 1 ≤ columns ≤ the kernel's column count
     */
    public void project(double[] x, double[] zt, int columns) {
        if (columns < 1 || columns > d || x.length < n || zt.length < columns) {
            throw new IllegalArgumentException("project: columns = " + columns + " must be in [1, " + d + "], x needs ≥ N = "
                    + n + " and zt ≥ columns entries; got " + x.length + " and " + zt.length);
        }
        if (simd != null) {
            simd.project(x, zt, columns, DOT_LANES.get());
            return;
        }
        final double[] uc = uCols;
        final double inv = 1.0 / n;
        if (columns == 3) {
            final int n2 = 2 * n;
            double a0 = 0, a1 = 0, a2 = 0, b0 = 0, b1 = 0, b2 = 0, c0 = 0, c1 = 0, c2 = 0, e0 = 0, e1 = 0, e2 = 0;
            int j = 0;
            for (; j + 3 < n; j += 4) {
                double y0 = x[j] - b[j], y1 = x[j + 1] - b[j + 1], y2 = x[j + 2] - b[j + 2], y3 = x[j + 3] - b[j + 3];
                a0 += uc[j] * y0;
                a1 += uc[n + j] * y0;
                a2 += uc[n2 + j] * y0;
                b0 += uc[j + 1] * y1;
                b1 += uc[n + j + 1] * y1;
                b2 += uc[n2 + j + 1] * y1;
                c0 += uc[j + 2] * y2;
                c1 += uc[n + j + 2] * y2;
                c2 += uc[n2 + j + 2] * y2;
                e0 += uc[j + 3] * y3;
                e1 += uc[n + j + 3] * y3;
                e2 += uc[n2 + j + 3] * y3;
            }
            for (; j < n; j++) {
                double y = x[j] - b[j];
                a0 += uc[j] * y;
                a1 += uc[n + j] * y;
                a2 += uc[n2 + j] * y;
            }
            zt[0] = ((a0 + b0) + (c0 + e0)) * inv;
            zt[1] = ((a1 + b1) + (c1 + e1)) * inv;
            zt[2] = ((a2 + b2) + (c2 + e2)) * inv;
            return;
        }
        for (int k = 0; k < columns; k++) {
            int off = k * n;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            int j = 0;
            for (; j + 3 < n; j += 4) {
                s0 += uc[off + j] * (x[j] - b[j]);
                s1 += uc[off + j + 1] * (x[j + 1] - b[j + 1]);
                s2 += uc[off + j + 2] * (x[j + 2] - b[j + 2]);
                s3 += uc[off + j + 3] * (x[j + 3] - b[j + 3]);
            }
            for (; j < n; j++) s0 += uc[off + j] * (x[j] - b[j]);
            zt[k] = ((s0 + s1) + (s2 + s3)) * inv;
        }
    }

    /**
     * Whether the Vector API kernels are in use in this JVM (module {@code jdk.incubator.vector} present and not
     * switched off with {@code -Dddmatch.kernel=scalar}); they serve tanh networks only.
     */
    public static boolean vectorApiInUse() {
        return SimdKernels.available();
    }

    /**
     * The network kernels this JVM runs, for a user: {@code "scalar"}, or the Vector API kernels' vector shape and
     * tanh form (e.g. {@code "Vector API, 8 × double (512 bits), table tanh"}).
     */
    public static String inUse() {
        SimdKernels shared = SimdKernels.shared();
        return shared == null ? "scalar" : shared.description();
    }

    /**
     * Kernels for {@code net} (copies its U, W and b; for ensembles of its states). A population mode
     * {@code 1 w₀ᵀ} enters as one more column of U and row of W.
     */
    public static NetworkKernels of(RateNetwork net) {
        return of(net, true);
    }

    /** As {@link #of(RateNetwork)}; {@code vectorApi = false} forces the scalar kernels. */
    static NetworkKernels of(RateNetwork net, boolean vectorApi) {
        int n = net.neurons(), d = net.latentDimension();
        double[] w = net.readInWeights();
        double[] w0 = net.populationWeights();
        int q = w0 == null ? d : d + 1;
        double[] u = net.embedding().u();
        double[] uq = new double[n * q];
        double[] wt = new double[n * q];
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < d; k++) {
                uq[j * q + k] = u[j * d + k];
                wt[j * q + k] = w[k * n + j];
            }
            if (w0 != null) {
                uq[j * q + d] = 1.0;
                wt[j * q + d] = w0[j];
            }
        }
        return new NetworkKernels(uq, wt, net.embedding().tonic().clone(), n, q, net.tau(), net.activation(), vectorApi);
    }

    /**
     * The d + d² sums of {@code ManifoldFlow}'s drift and Jacobian at latent state z̃ for a tanh network with d = 3 or 4, on
     * the Vector API ({@link SimdKernels#manifoldSums}): vectorised across neurons, where the scalar loops carry one
     * chain per sum. The sums are grouped by lanes, so they agree with the scalar loops to rounding, not bit for bit.
     *
     * @return false, with nothing written, without the Vector API kernels or when d is not 3 or 4
     */
    boolean manifoldSums(double[] z, double[] out) {
        return simd != null && simd.manifoldSums(z, out, scratch(simd.scratchLength()));
    }

    private double[] scratch(int len) {
        double[] s = scratch.get();
        if (s.length < len) {
            s = new double[len];
            scratch.set(s);
        }
        return s;
    }

    /** φ(x[0..len)) into {@code out}. */
    private void phi(double[] x, double[] out, int len) {
        phi(x, out, 0, len);
    }

    /** φ(x[from, from + len)) into {@code out[from, from + len)}. */
    private void phi(double[] x, double[] out, int from, int len) {
        switch (activation) {
            case TANH -> FastTanh.tanh(x, out, from, from + len);
            case LINEAR -> System.arraycopy(x, from, out, from, len);
            default -> {
                for (int i = from; i < from + len; i++) out[i] = activation.value(x[i]);
            }
        }
    }

    /**
     * One Euler–Maruyama step whose noise lies in U's span, in place: {@code x ← x + h·f(x) + U c}, where
     * {@code c = S·ΔW} is the step's noise in the latent coordinates (length ≥ d; zeros for none) — a rate network's
     * noise term is {@code U S ΔW}. One pass after the read-in writes {@code x + (b − x)·h/τ + Σ_k U_k (a_k·h/τ + c_k)}
     * (a the read-in sums): the drift's update and the noise share the fused multiply-adds on U's columns, so the
     * noise costs no pass over the state of its own, and the same pass sums the new state's squares. The result is the
     * scheme's {@code x + f·h + G·ΔW} (G = U S) up to rounding, not bit for bit ({@code solve.FusedEulerStep}). Only
     * the Vector API kernels with d ≤ 3 have it.
     *
     * @return Σ x_j² of the new state (NaN if an entry is NaN, +∞ if one is infinite or the sum overflows);
     *         {@link ddmatch.solve.FusedEulerStep#DECLINED} (x untouched) when there is no fused form: the caller
     *         takes the generic step
     */
    public double eulerStep(double[] x, double h, double[] c) {
        return simd == null ? SimdKernels.DECLINED : simd.eulerStep(x, h, c, scratch(simd.scratchLength()));
    }

    /**
     * {@link #eulerStep} of each of B states stored one after another, in place: state β is {@code xs[β·N, (β+1)·N)},
     * its latent noise {@code cs[β·d, (β+1)·d)} — what stepping an ensemble in lock step needs. Each state's result is
     * <b>bit-identical</b> to {@link #eulerStep} of that state alone where that is taken (the Vector API kernels with
     * d ≤ 3), and to {@link #drift} followed by {@code x + f·h}, then {@code + U c} column by column, otherwise, so
     * results do not depend on how states are grouped. With the Vector API and d = 3 the states are stepped four at a
     * time (two before JDK 25, {@link #stepTile}): one sweep over the neurons computes the four tanh vectors and their
     * read-in sums sharing each load of W's rows, a second updates the four states sharing each load of U's columns
     * and b (BENCHMARKS.md §0000 has what it saves).
     *
     * @param xs    B states, B × N row-major (length ≥ B·N), overwritten with the states at t + h
     * @param batch B ≥ 1
     * @param h     step size
     * @param cs    the B states' latent noise, B × d row-major (length ≥ B·d; zeros for none)
     */
    public void eulerStepBatch(double[] xs, int batch, double h, double[] cs) {
        eulerStepBatch(xs, batch, h, cs, null);
    }

    /**
     * {@link #eulerStepBatch(double[], int, double, double[])}, and Σ x_j² of each new state into {@code sq[β]} for the
     * caller's divergence check (NaN if an entry is NaN, +∞ if one is infinite or the sum overflows): with the Vector
     * API summed in the update sweep that writes the state, so it costs no pass of its own; in an order other than
     * {@link #eulerStep}'s, so equal to its sum up to rounding.
     *
     * @param sq length ≥ B, or null when the sums are not wanted
     */
    public void eulerStepBatch(double[] xs, int batch, double h, double[] cs, double[] sq) {
        if (batch < 1 || xs.length < (long) n * batch) {
            throw new IllegalArgumentException("eulerStepBatch: batch = " + batch + " states of N = " + n
                    + " need batch ≥ 1 and xs of ≥ B·N entries; got " + xs.length);
        }
        if (cs.length < (long) d * batch) {
            throw new IllegalArgumentException("eulerStepBatch: cs has " + cs.length + " entries; the latent noise of B = "
                    + batch + " states needs ≥ B·d = " + ((long) d * batch));
        }
        if (sq != null && sq.length < batch) {
            throw new IllegalArgumentException("eulerStepBatch: sq has " + sq.length + " entries; B = " + batch + " states need ≥ B");
        }
        if (simd != null && simd.eulerStepBatch(xs, batch, h, cs, sq, scratch(simd.stepBatchScratchLength()))) {
            return;
        }
        double[][] buf = stepBuffers.get();   // the scalar kernels work on whole arrays: one state and its drift
        if (buf[0].length < n) {
            buf = new double[][] {new double[n], new double[n]};
            stepBuffers.set(buf);
        }
        final double[] x = buf[0], f = buf[1];
        for (int beta = 0; beta < batch; beta++) {
            int off = beta * n;
            System.arraycopy(xs, off, x, 0, n);
            drift(x, f);
            for (int j = 0; j < n; j++) xs[off + j] = xs[off + j] + f[j] * h;
            for (int k = 0; k < d; k++) {
                double c = cs[beta * d + k];
                for (int j = 0; j < n; j++) xs[off + j] += uCols[k * n + j] * c;
            }
            if (sq != null) sq[beta] = ddmatch.linalg.MatrixProduct.sumOfSquares(xs, off, n);
        }
    }


    /** {@code out = (1/τ)(−x + U W φ(x) + b)}. */
    public void drift(double[] x, double[] out) {
        if (simd != null) {
            simd.drift(x, out, scratch(simd.scratchLength()));
            return;
        }
        double[] s = scratch(n + d);
        phi(x, s, n);
        readIn(s, 0, s, n);
        finish(x, 0, s, n, out, 0, true);
    }

    /** {@code out = (1/τ)(−v + U W (φ'(x) ⊙ v))}. */
    public void jacobianTimes(double[] x, double[] v, double[] out) {
        if (simd != null) {
            simd.jacobianTimes(x, v, out, scratch(simd.scratchLength()));
            return;
        }
        double[] s = scratch(n + d);
        if (activation == Activation.TANH) {
            FastTanh.tanh(x, s, 0, n);
            for (int j = 0; j < n; j++) s[j] = (1.0 - s[j] * s[j]) * v[j];
        } else {
            for (int j = 0; j < n; j++) s[j] = activation.derivative(x[j]) * v[j];
        }
        readIn(s, 0, s, n);
        finish(v, 0, s, n, out, 0, false);
    }

    /**
     * The drift and k Jacobian products at one state, in one pass: {@code fx = (1/τ)(−x + U W φ(x) + b)} and, for each
     * tangent vector {@code V_q}, {@code fv_q = (1/τ)(−V_q + U W (φ'(x) ⊙ V_q))}, what the QR method for Lyapunov
     * exponents integrates (Benettin et al., Meccanica 15, 9 (1980)). φ and φ' are evaluated once (tanh:
     * {@code φ' = 1 − φ²}), the d·(1 + k) read-in sums are formed in the same sweep over the neurons, then each column
     * gets its rank-d update: {@code N} evaluations of φ and {@code 2·N·d·(k + 1)} multiply-adds. With the Vector API
     * the sums run in vector accumulators; the result agrees with {@link #drift} and {@link #jacobianTimes} column by
     * column to rounding (≈ 1e-15 relative), not bit for bit.
     *
     * @param x  state, length N
     * @param v  k tangent vectors, column-major k × N: vector q is {@code v[q·N, (q+1)·N)}
     * @param k  number of tangent vectors, ≥ 1
     * @param fx drift, length N (written)
     * @param fv the k products, column-major k × N like v (written); must not be v
     */
    public void driftAndTangents(double[] x, double[] v, int k, double[] fx, double[] fv) {
        if (k < 1 || v.length < k * n || fv.length < k * n || x.length < n || fx.length < n) {
            throw new IllegalArgumentException("driftAndTangents: k = " + k + " tangent vectors of N = " + n
                    + " need v and fv of ≥ k·N entries and x, fx of ≥ N; got " + v.length + ", " + fv.length + ", "
                    + x.length + " and " + fx.length);
        }
        if (fv == v) {
            throw new IllegalArgumentException("driftAndTangents: fv must not be the tangent array v");
        }
        if (simd != null) {
            simd.driftAndTangents(x, v, k, fx, fv, scratch(simd.tangentScratchLength(k)));
            return;
        }
        // scratch: φ at [0, n), φ' at [n, 2n), φ' ⊙ V_q at [2n, 3n), the d read-in sums at [3n, 3n + d)
        double[] s = scratch(3 * n + d);
        final int dp = n, p = 2 * n, a = 3 * n;
        phi(x, s, n);
        if (activation == Activation.TANH) {
            for (int j = 0; j < n; j++) s[dp + j] = 1.0 - s[j] * s[j];
        } else {
            for (int j = 0; j < n; j++) s[dp + j] = activation.derivative(x[j]);
        }
        readIn(s, 0, s, a);
        finish(x, 0, s, a, fx, 0, true);
        for (int q = 0; q < k; q++) {
            int off = q * n;
            for (int j = 0; j < n; j++) s[p + j] = s[dp + j] * v[off + j];
            readIn(s, p, s, a);
            finish(v, off, s, a, fv, off, false);
        }
    }

    /** {@code s[aOff + k] = Σ_j Wᵀ[j][k] p[pOff + j]} for k &lt; d. */
    private void readIn(double[] pa, int pOff, double[] s, int aOff) {
        final double[] w = wt;
        if (d == 3) {
            double a0 = 0, a1 = 0, a2 = 0, b0 = 0, b1 = 0, b2 = 0, c0 = 0, c1 = 0, c2 = 0, e0 = 0, e1 = 0, e2 = 0;
            int j = 0;
            for (; j + 3 < n; j += 4) {
                double p0 = pa[pOff + j], p1 = pa[pOff + j + 1], p2 = pa[pOff + j + 2], p3 = pa[pOff + j + 3];
                int r = 3 * j;
                a0 += w[r] * p0;
                a1 += w[r + 1] * p0;
                a2 += w[r + 2] * p0;
                b0 += w[r + 3] * p1;
                b1 += w[r + 4] * p1;
                b2 += w[r + 5] * p1;
                c0 += w[r + 6] * p2;
                c1 += w[r + 7] * p2;
                c2 += w[r + 8] * p2;
                e0 += w[r + 9] * p3;
                e1 += w[r + 10] * p3;
                e2 += w[r + 11] * p3;
            }
            for (; j < n; j++) {
                int r = 3 * j;
                a0 += w[r] * pa[pOff + j];
                a1 += w[r + 1] * pa[pOff + j];
                a2 += w[r + 2] * pa[pOff + j];
            }
            s[aOff] = (a0 + b0) + (c0 + e0);
            s[aOff + 1] = (a1 + b1) + (c1 + e1);
            s[aOff + 2] = (a2 + b2) + (c2 + e2);
        } else {
            for (int k = 0; k < d; k++) s[aOff + k] = 0.0;
            for (int j = 0; j < n; j++) {
                double pj = pa[pOff + j];
                int r = j * d;
                for (int k = 0; k < d; k++) s[aOff + k] += w[r + k] * pj;
            }
        }
    }

    /**
     * {@code out[outOff + j] = (c_j − y[yOff + j] + Σ_k U_jk a_k)/τ} with c = b (drift) or 0 (Jacobian),
     * a = s[aOff, aOff + d).
     */
    private void finish(double[] y, int yOff, double[] s, int aOff, double[] out, int outOff, boolean tonic) {
        final double inv = invTau;
        final double[] uc = uCols;
        if (d == 3) {
            double a0 = s[aOff], a1 = s[aOff + 1], a2 = s[aOff + 2];
            if (tonic) {
                for (int j = 0; j < n; j++) {
                    out[outOff + j] = (b[j] - y[yOff + j] + uc[j] * a0 + uc[n + j] * a1 + uc[2 * n + j] * a2) * inv;
                }
            } else {
                for (int j = 0; j < n; j++) {
                    out[outOff + j] = (-y[yOff + j] + uc[j] * a0 + uc[n + j] * a1 + uc[2 * n + j] * a2) * inv;
                }
            }
        } else {
            for (int j = 0; j < n; j++) out[outOff + j] = tonic ? b[j] - y[yOff + j] : -y[yOff + j];
            for (int k = 0; k < d; k++) {
                double ak = s[aOff + k];
                int off = k * n;
                for (int j = 0; j < n; j++) out[outOff + j] += uc[off + j] * ak;
            }
            for (int j = 0; j < n; j++) out[outOff + j] *= inv;
        }
    }

    /**
     * The drift of B states stored one after another: {@code out[β·N + j] = (1/τ)(−x + U W φ(x) + b)_j} of state β,
     * {@code x_β = xs[β·N, (β+1)·N)} — what stepping a batch of trajectories in lock step needs. Each state's drift is
     * <b>bit-identical</b> to {@link #drift} of that state alone (same kernel), so results do not depend on how states
     * are grouped. With the Vector API and d = 3 the states are taken four at a time: φ of the four into scratch,
     * then one sweep over the neurons that loads each vector of W's rows once for the four read-ins (12 vector
     * accumulators), and one that loads U's columns and b once for the four updates (see BENCHMARKS.md §00 for what
     * this saves against a loop of single drifts).
     *
     * @param xs    B states, B × N row-major (length ≥ N·B)
     * @param batch B ≥ 1
     * @param out   B × N row-major (length ≥ N·B); must not be {@code xs}
     */
    public void driftBatch(double[] xs, int batch, double[] out) {
        if (batch < 1 || xs.length < n * batch || out.length < n * batch) {
            throw new IllegalArgumentException("driftBatch: batch = " + batch + " states of N = " + n
                    + " need arrays of ≥ B·N entries; got " + xs.length + " and " + out.length);
        }
        if (out == xs) {
            throw new IllegalArgumentException("driftBatch: out must not be the state array xs");
        }
        if (simd != null) {
            simd.driftBatch(xs, batch, out, scratch(simd.batchScratchLength()));
            return;
        }
        double[] s = scratch(n + d);
        for (int beta = 0; beta < batch; beta++) {
            int off = beta * n;
            phi(xs, out, off, n);   // φ into the state's own output rows, read once, then overwritten by finish
            readIn(out, off, s, n);
            finish(xs, off, s, n, out, off, true);
        }
    }

    public int neurons() { return n; }

    public int latentDimension() { return d; }
}
