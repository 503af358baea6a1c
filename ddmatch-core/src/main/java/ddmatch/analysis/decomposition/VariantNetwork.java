package ddmatch.analysis.decomposition;

import ddmatch.rnn.RateNetwork;
import ddmatch.sde.NoiseType;
import ddmatch.sde.Sde;

/**
 * A network whose connectivity {@code J = U W} is replaced by {@code J_S} or {@code J_A}, kept in factored form:
 * {@code J_{S,A} φ = (U (W φ) ± Wᵀ (Uᵀ φ))/2}, rank ≤ 2d and O(N·d) per drift evaluation, so no N × N matrix is formed.
 * Everything else (b, τ, φ, noise {@code U S}) is the original network's.
 */
final class VariantNetwork implements Sde {
    private final RateNetwork net;
    private final Ablation.Variant variant;
    private final int n;
    private final int d;
    private final double[] u;
    private final double[] w;
    private final double[] b;
    private final double direct;
    private final double transposed;
    private final ThreadLocal<double[]> scratch;

    VariantNetwork(RateNetwork net, Ablation.Variant variant) {
        this.net = net;
        this.variant = variant;
        this.n = net.neurons();
        this.d = net.latentDimension();
        this.u = net.embedding().u();
        this.w = net.readInWeights();
        this.b = net.embedding().tonic();
        this.direct = variant == Ablation.Variant.FULL ? 1.0 : 0.5;
        this.transposed = switch (variant) {
            case FULL -> 0.0;
            case SYMMETRIC -> 0.5;
            case ANTISYMMETRIC -> -0.5;
        };
        this.scratch = ThreadLocal.withInitial(() -> new double[2 * d]);
    }

    @Override public int dimension() { return n; }

    @Override public int noiseDimension() { return net.noiseDimension(); }

    @Override public NoiseType noiseType() { return net.noiseType(); }

    @Override public String name() { return net.name() + "-" + variant.name().toLowerCase(java.util.Locale.ROOT); }

    @Override public double[] initialState() { return net.initialState(); }

    @Override public double defaultTimeStep() { return net.defaultTimeStep(); }

    @Override
    public void drift(double t, double[] x, double[] out) {
        double[] a = scratch.get();   // a[0..d) = W φ, a[d..2d) = Uᵀ φ
        for (int k = 0; k < 2 * d; k++) a[k] = 0.0;
        for (int j = 0; j < n; j++) {
            double p = net.activation().value(x[j]);
            for (int k = 0; k < d; k++) {
                a[k] += w[k * n + j] * p;
                a[d + k] += u[j * d + k] * p;
            }
        }
        double inv = 1.0 / net.tau();
        for (int j = 0; j < n; j++) {
            double r = b[j] - x[j];
            for (int k = 0; k < d; k++) r += direct * u[j * d + k] * a[k] + transposed * w[k * n + j] * a[d + k];
            out[j] = r * inv;
        }
    }

    @Override
    public void diffusion(double t, double[] x, double[] out) {
        net.diffusion(t, x, out);
    }
}
