package ddmatch.rnn;

import ddmatch.sde.NoiseType;
import ddmatch.sde.Sde;
import ddmatch.sde.TangentDynamics;
import ddmatch.solve.Observable;

/**
 * A rate network of N neurons with factored connectivity, simulated in full:
 * <pre>
 *   dx = (1/τ)(−x + U W φ(x) + b) dt + U S dW'
 * </pre>
 * with {@code U} (N × d) and {@code b} from an {@link Embedding}, {@code W} (d × N) the trained read-in weights (so
 * {@code J = U W}), {@code S} (d × m) the constant noise gain and τ the neural time constant. The manifold
 * {@code x = U z̃ + b} is invariant and attracting at rate 1/τ; on it the readout {@code z̃ = P x} obeys
 * {@code dz̃ = (1/τ)(−z̃ + W φ(U z̃ + b)) dt + S dW'}, which drift-diffusion matching makes equal to the standardised
 * target. Every method works on the whole N-dimensional state: nothing here takes a latent shortcut.
 *
 * <p>One drift evaluation costs N evaluations of φ and 2·N·d multiply-adds. The instance is immutable and may be
 * shared by threads; each thread gets its own d-vector of scratch space.
 */
public final class RateNetwork implements Network, TangentDynamics {
    private final String name;
    private final Embedding embedding;
    private final int n;
    private final int d;
    private final int m;
    private final double tau;
    private final Activation activation;
    private final double[] u;      // N × d
    private final double[] wt;     // Wᵀ, N × d: row j holds the weights from neuron j to the d latent modes
    private final double[] b;
    private final double[] s;      // d × m
    private final Standardization standardization;
    private final double timeStep;
    private final ThreadLocal<double[]> scratch;

    /**
     * @param name            identifier (usually {@code network-<system>})
     * @param embedding       U and b
     * @param w               W, row-major d × N
     * @param noiseGain       S, row-major d × m (m = {@code noiseDimension}; empty for a deterministic network)
     * @param noiseDimension  m ≥ 0
     * @param tau             neural time constant τ &gt; 0 (time units of the target)
     * @param activation      φ
     * @param standardization the map from the latent coordinates z̃ to the target's coordinates z
     * @param timeStep        the time step the network is meant to be simulated with (that of its target)
     */
    public RateNetwork(String name, Embedding embedding, double[] w, double[] noiseGain, int noiseDimension, double tau,
                       Activation activation, Standardization standardization, double timeStep) {
        this.name = name;
        this.embedding = embedding;
        this.n = embedding.neurons();
        this.d = embedding.latent();
        if (w.length != d * n) {
            throw new IllegalArgumentException("W has " + w.length + " entries; expected d·N = " + (d * n));
        }
        if (noiseDimension < 0 || noiseGain.length != d * noiseDimension) {
            throw new IllegalArgumentException("S has " + noiseGain.length + " entries; expected d·m = " + d + "·" + noiseDimension);
        }
        if (!(tau > 0) || !Double.isFinite(tau)) {
            throw new IllegalArgumentException("tau = " + tau + " is not allowed; the time constant must be finite and > 0");
        }
        if (standardization.dimension() != d) {
            throw new IllegalArgumentException("standardization has dimension " + standardization.dimension() + "; expected d = " + d);
        }
        if (!(timeStep > 0)) {
            throw new IllegalArgumentException("timeStep = " + timeStep + " is not allowed; it must be > 0");
        }
        requireFinite("W", w);
        requireFinite("S", noiseGain);
        requireFinite("U", embedding.u());
        requireFinite("b", embedding.tonic());
        this.m = noiseDimension;
        this.tau = tau;
        this.activation = activation;
        this.u = embedding.u();
        this.b = embedding.tonic();
        this.wt = new double[n * d];
        for (int k = 0; k < d; k++) {
            for (int j = 0; j < n; j++) {
                wt[j * d + k] = w[k * n + j];
            }
        }
        this.s = noiseGain.clone();
        this.standardization = standardization;
        this.timeStep = timeStep;
        this.scratch = ThreadLocal.withInitial(() -> new double[d]);
    }

    private static void requireFinite(String what, double[] a) {
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i])) {
                throw new IllegalArgumentException(what + "[" + i + "] = " + a[i] + " is not allowed; network parameters must be finite");
            }
        }
    }

    public Embedding embedding() { return embedding; }

    public int neurons() { return n; }

    public int latentDimension() { return d; }

    public double tau() { return tau; }

    public Activation activation() { return activation; }

    public Standardization standardization() { return standardization; }

    /** W as a new row-major d × N array. */
    public double[] readInWeights() {
        double[] w = new double[d * n];
        for (int k = 0; k < d; k++) {
            for (int j = 0; j < n; j++) {
                w[k * n + j] = wt[j * d + k];
            }
        }
        return w;
    }

    /** S as a new row-major d × m array. */
    public double[] noiseGain() { return s.clone(); }

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

    /** The point {@code x = U z̃ + b} of the manifold whose readout is the target-coordinate state {@code z}. */
    public double[] stateFor(double[] z) {
        double[] zt = new double[d];
        standardization.toLatent(z, zt);
        double[] x = new double[n];
        embedding.embed(zt, x);
        return x;
    }

    @Override
    public void drift(double t, double[] x, double[] out) {
        double[] a = scratch.get();
        final int d = this.d;
        for (int k = 0; k < d; k++) a[k] = 0.0;
        for (int j = 0; j < n; j++) {
            double p = activation.value(x[j]);
            int row = j * d;
            for (int k = 0; k < d; k++) a[k] += wt[row + k] * p;
        }
        double inv = 1.0 / tau;
        for (int j = 0; j < n; j++) {
            int row = j * d;
            double r = b[j] - x[j];
            for (int k = 0; k < d; k++) r += u[row + k] * a[k];
            out[j] = r * inv;
        }
    }

    /** Writes the N × m matrix {@code U S}. */
    @Override
    public void diffusion(double t, double[] x, double[] out) {
        for (int j = 0; j < n; j++) {
            for (int q = 0; q < m; q++) {
                double v = 0;
                for (int k = 0; k < d; k++) v += u[j * d + k] * s[k * m + q];
                out[j * m + q] = v;
            }
        }
    }

    /** {@code out = (1/τ)(−v + U W (φ'(x) ⊙ v))}: the full N × N Jacobian applied to {@code v} in O(N·d). */
    @Override
    public void jacobianTimes(double t, double[] x, double[] v, double[] out) {
        double[] a = scratch.get();
        final int d = this.d;
        for (int k = 0; k < d; k++) a[k] = 0.0;
        for (int j = 0; j < n; j++) {
            double p = activation.derivative(x[j]) * v[j];
            int row = j * d;
            for (int k = 0; k < d; k++) a[k] += wt[row + k] * p;
        }
        double inv = 1.0 / tau;
        for (int j = 0; j < n; j++) {
            int row = j * d;
            double r = -v[j];
            for (int k = 0; k < d; k++) r += u[row + k] * a[k];
            out[j] = r * inv;
        }
    }

    /** Writes the readout in the target's coordinates, {@code z = μ + s ⊙ P(x − b)}. */
    public void readout(double[] x, double[] z) {
        embedding.project(x, z);
        for (int k = 0; k < d; k++) {
            z[k] = standardization.mean(k) + standardization.scale(k) * z[k];
        }
    }

    /** The readout as an {@link Observable}, to record only z during long simulations. */
    public Observable readoutObservable() {
        return new Observable() {
            @Override public int dimension() { return d; }

            @Override public void observe(double[] x, double[] out) { readout(x, out); }
        };
    }

    /** Distance of {@code x} from the manifold, {@code ‖(I − U P)(x − b)‖/√N}. */
    public double manifoldDistance(double[] x) {
        double[] zt = new double[d];
        embedding.project(x, zt);
        double sum = 0;
        for (int j = 0; j < n; j++) {
            double r = x[j] - b[j];
            for (int k = 0; k < d; k++) r -= u[j * d + k] * zt[k];
            sum += r * r;
        }
        return Math.sqrt(sum / n);
    }
}
