package ddmatch.rnn;

import ddmatch.linalg.MatrixProduct;
import ddmatch.sde.NoiseType;
import ddmatch.sde.TangentDynamics;

/**
 * A rate network of N neurons with a dense N × N connectivity, simulated in full:
 * <pre>
 *   dx = (1/τ)(−x + J φ(x) + b) dt + U S dW'
 * </pre>
 * with {@code U} and {@code b} from an {@link Embedding}, {@code J} any N × N matrix (full-rank matching
 * {@code J = J₀ + ΔJ}, or a constrained fit obeying Dale's law, a mask or bounds; DESIGN §1.4) and {@code S} (d × m)
 * the constant noise gain. Unlike {@link RateNetwork}, nothing makes the manifold {@code x = U z̃ + b} invariant: its
 * transverse stability is a property of the trained J and must be measured ({@link #manifoldDistance}).
 *
 * <p>One drift evaluation costs N evaluations of φ (into a per-thread N-vector of scratch space) and N² multiply-adds:
 * the row-major matrix–vector product {@link MatrixProduct#multiply} (Vector API FMA chains over blocks of eight rows
 * when the module is present, else four scalar partial sums per row), written straight into {@code out};
 * {@link #jacobianTimes} is the same product applied to {@code φ'(x) ⊙ v}. {@link #driftBatch} evaluates B states at
 * once as one matrix–matrix product ({@link MatrixProduct}: native {@code dgemm} or a register-blocked Java kernel),
 * which reads J once per batch instead of once per state. The instance is immutable and may be shared by threads.
 */
public final class DenseRateNetwork implements Network, TangentDynamics {
    private final String name;
    private final Embedding embedding;
    private final int n;
    private final int d;
    private final int m;
    private final double tau;
    private final Activation activation;
    private final double[] j;      // N × N, row-major: row i holds the weights onto neuron i
    private final double[] u;      // N × d
    private final double[] b;
    private final double[] s;      // d × m
    private final Standardization standardization;
    private final double timeStep;
    private final ThreadLocal<double[]> scratch;
    private final ThreadLocal<double[]> batchScratch = ThreadLocal.withInitial(() -> new double[0]);

    /**
     * @param name            identifier (usually {@code network-<system>})
     * @param embedding       U and b
     * @param connectivity    J, row-major N × N (copied)
     * @param noiseGain       S, row-major d × m (empty for a deterministic network)
     * @param noiseDimension  m ≥ 0
     * @param tau             neural time constant τ &gt; 0 (time units of the target)
     * @param activation      φ
     * @param standardization the map from the latent coordinates z̃ to the target's coordinates z
     * @param timeStep        the time step the network is meant to be simulated with (that of its target), &gt; 0
     */
    public DenseRateNetwork(String name, Embedding embedding, double[] connectivity, double[] noiseGain, int noiseDimension,
                            double tau, Activation activation, Standardization standardization, double timeStep) {
        this.name = name;
        this.embedding = embedding;
        this.n = embedding.neurons();
        this.d = embedding.latent();
        if (connectivity.length != n * n) {
            throw new IllegalArgumentException("J has " + connectivity.length + " entries; expected N·N = " + ((long) n * n));
        }
        NetworkChecks.common(embedding, noiseGain, noiseDimension, tau, standardization, timeStep);
        NetworkChecks.finite("J", connectivity);
        this.m = noiseDimension;
        this.tau = tau;
        this.activation = activation;
        this.j = connectivity.clone();
        this.u = embedding.u();
        this.b = embedding.tonic();
        this.s = noiseGain.clone();
        this.standardization = standardization;
        this.timeStep = timeStep;
        this.scratch = ThreadLocal.withInitial(() -> new double[n]);
    }

    private static void requireFinite(String what, double[] a) {
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i])) {
                throw new IllegalArgumentException(what + "[" + i + "] = " + a[i] + " is not allowed; network parameters must be finite");
            }
        }
    }

    @Override public Embedding embedding() { return embedding; }

    @Override public int neurons() { return n; }

    @Override public int latentDimension() { return d; }

    @Override public double tau() { return tau; }

    @Override public Activation activation() { return activation; }

    @Override public Standardization standardization() { return standardization; }

    @Override public double[] noiseGain() { return s.clone(); }

    /** J as a new row-major N × N array. */
    public double[] connectivity() { return j.clone(); }

    @Override public int dimension() { return n; }

    @Override public int noiseDimension() { return m; }

    @Override public NoiseType noiseType() { return m == 0 ? NoiseType.NONE : NoiseType.ADDITIVE; }

    @Override public String name() { return name; }

    @Override public double defaultTimeStep() { return timeStep; }

    /** The point of the manifold above the origin of the latent space in standardised coordinates (the training mean). */
    @Override
    public double[] initialState() {
        double[] x = new double[n];
        embedding.embed(new double[d], x);
        return x;
    }

    @Override
    public void drift(double t, double[] x, double[] out) {
        if (out == x) {
            throw new IllegalArgumentException("drift: out must not be the state array x");
        }
        double[] p = scratch.get();
        if (activation == Activation.TANH) {
            FastTanh.tanh(x, p, 0, n);   // the SIMD array form: the same values as activation.value, bit for bit
        } else {
            for (int k = 0; k < n; k++) p[k] = activation.value(x[k]);
        }
        MatrixProduct.multiply(j, n, n, p, out);
        double inv = 1.0 / tau;
        for (int i = 0; i < n; i++) {
            out[i] = (out[i] + b[i] - x[i]) * inv;
        }
    }

    /**
     * The drift of B states stored one after another: {@code out[β·N + i] = (1/τ)(−x + J φ(x) + b)_i} of state β,
     * {@code x_β = xs[β·N, (β+1)·N)} (B × N row-major, NumPy's layout of a batch) — the same contract as the factored
     * network's batch drift ({@code NetworkKernels.driftBatch}).
     *
     * <p>φ of all B states (the array form used by {@link #drift}, same values) into per-thread scratch, then
     * {@code φ(X) Jᵀ} by {@link MatrixProduct#multiplyByTransposeFastest}: the native {@code dgemm} when
     * {@code ddmatch.linalg.NativeBlas} loaded one, else the register-blocked Java kernel (Vector API when its module
     * is present). J is then read once per batch, not once per state. The products are summed in another order than
     * {@link #drift}'s matrix–vector kernel ({@link MatrixProduct#multiply}), so each state's drift agrees with
     * {@link #drift} to rounding, not bit for bit (measured at N = 1000, B = 64, against the former scalar drift:
     * 1.1e-15 relative with the Java kernel, 6e-16 with OpenBLAS; DenseRateNetworkBatchTest bounds it by 1e-13);
     * every call is deterministic on one machine and backend. No allocation after the first call on a thread with a
     * given B (the scratch only grows).
     *
     * @param xs    B states, B × N row-major (length ≥ B·N)
     * @param batch B ≥ 1
     * @param out   B × N row-major (length ≥ B·N); must not be {@code xs}
     */
    public void driftBatch(double[] xs, int batch, double[] out) {
        driftBatch(xs, batch, out, true);
    }

    /** @param allowNative false forces the Java kernel (tests compare both backends in one JVM) */
    void driftBatch(double[] xs, int batch, double[] out, boolean allowNative) {
        if (batch < 1 || xs.length < (long) n * batch || out.length < (long) n * batch) {
            throw new IllegalArgumentException("driftBatch: batch = " + batch + " states of N = " + n
                    + " need arrays of ≥ B·N entries; got " + xs.length + " and " + out.length);
        }
        if (out == xs) {
            throw new IllegalArgumentException("driftBatch: out must not be the state array xs");
        }
        int nb = n * batch;
        int need = nb + MatrixProduct.scratchLength(batch, n);
        double[] s = batchScratch.get();
        if (s.length < need) {
            s = new double[need];
            batchScratch.set(s);
        }
        if (activation == Activation.TANH) {
            FastTanh.tanh(xs, s, 0, nb);
        } else {
            for (int k = 0; k < nb; k++) s[k] = activation.value(xs[k]);
        }
        // φ in s[0, B·N); the Java kernel packs it into panels after that.
        if (allowNative) {
            MatrixProduct.multiplyByTransposeFastest(s, batch, n, j, n, out, s, nb);
        } else {
            MatrixProduct.multiplyByTranspose(s, batch, n, j, n, out, s, nb);
        }
        double inv = 1.0 / tau;
        for (int beta = 0; beta < batch; beta++) {
            int off = beta * n;
            for (int i = 0; i < n; i++) {
                out[off + i] = (out[off + i] + b[i] - xs[off + i]) * inv;
            }
        }
    }

    /** {@code out = (1/τ)(−v + J (φ'(x) ⊙ v))}: the N × N Jacobian applied to {@code v} in O(N²). */
    @Override
    public void jacobianTimes(double t, double[] x, double[] v, double[] out) {
        if (out == x || out == v) {
            throw new IllegalArgumentException("jacobianTimes: out must not be x or v");
        }
        double[] p = scratch.get();
        if (activation == Activation.TANH) {
            FastTanh.tanh(x, p, 0, n);   // φ' = 1 − tanh², computed as Activation.TANH.derivative does
            for (int k = 0; k < n; k++) p[k] = (1.0 - p[k] * p[k]) * v[k];
        } else {
            for (int k = 0; k < n; k++) p[k] = activation.derivative(x[k]) * v[k];
        }
        MatrixProduct.multiply(j, n, n, p, out);   // J (φ' ⊙ v): the drift's matrix–vector kernel
        double inv = 1.0 / tau;
        for (int i = 0; i < n; i++) {
            out[i] = (out[i] - v[i]) * inv;
        }
    }

    /** Writes the N × m matrix {@code U S}. */
    @Override
    public void diffusion(double t, double[] x, double[] out) {
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < m; q++) {
                double v = 0;
                for (int k = 0; k < d; k++) v += u[i * d + k] * s[k * m + q];
                out[i * m + q] = v;
            }
        }
    }
}
