package ddmatch.rnn;

import ddmatch.sde.NoiseType;
import ddmatch.sde.Sde;

/**
 * The deterministic dynamics a factored rate network runs on its manifold, in the latent coordinates:
 * {@code dz̃/dt = (1/τ)(−z̃ + W φ(U z̃ + b))}, a d-dimensional flow with its exact Jacobian
 * {@code (1/τ)(−I + W diag φ'(U z̃ + b) U)} (d × d, N·d² multiply-adds).
 *
 * <p>Why it exists: the manifold {@code x = U z̃ + b} is invariant, so the N-dimensional network's Lyapunov spectrum is
 * the d exponents of this flow plus N − d transverse ones near −1/τ. When −1/τ lies above the flow's most negative
 * exponent (Lorenz: λ₃ ≈ −14.6 against −1/τ = −1), the leading d + 1 exponents of the full network mix the two, and a
 * Kaplan–Yorke dimension computed from them measures the transverse contraction, not the attractor (Lorenz network:
 * 2.9 against the target's 2.06). The exponents of this flow are the ones to compare with the target's: the
 * standardisation z = μ + s ⊙ z̃ is a constant linear change of coordinates, which leaves Lyapunov exponents unchanged.
 *
 * <p>Networks with inputs are taken at zero input; networks with a population mode (Dale) are refused, their manifold
 * having the extra population coordinate.
 *
 * <p>Cost and state: the Lyapunov solver asks for the drift and then the Jacobian at each RK4 stage, so each state is
 * evaluated once and kept. For tanh networks with d = 3 or 4 and the Vector API, one call of the network kernels
 * ({@code NetworkKernels.manifoldSums}) forms x, φ and all d + d² sums, vectorised across neurons (BENCHMARKS.md §0000:
 * the scalar loops, one chain per sum, took over half of {@code ddmatch analyze}); otherwise φ over the N neurons comes
 * from the kernels' array tanh and is kept for the Jacobian (φ' = 1 − φ² for tanh), and the sums are scalar loops.
 * The two agree to rounding, not bit for bit. An instance holds scratch arrays and is not thread-safe: use one per
 * thread ({@link RateNetwork#manifoldFlow()} makes a new one).
 */
public final class ManifoldFlow implements Sde {
    private final String name;
    private final int n;
    private final int d;
    private final double invTau;
    private final Activation activation;
    private final double[] u;    // N × d
    private final double[] wt;   // N × d
    private final double[] b;
    private final double timeStep;
    private final double[] x;      // U z̃ + b at the cached state
    private final double[] phi;    // φ(x) at the cached state
    private final double[] cached; // the cached state z̃
    private boolean valid;
    private final NetworkKernels kernels;        // tanh, d = 3 or 4: the Vector API sums when available
    private final double[] sums;                  // their drift (d) and Jacobian (d²) sums at the cached state
    private boolean vectorSums;                   // whether sums (not x, φ) hold the cached state

    ManifoldFlow(String name, int n, int d, double tau, Activation activation, double[] u, double[] wt, double[] b, double timeStep,
                 NetworkKernels kernels) {
        this.kernels = activation == Activation.TANH && (d == 3 || d == 4) ? kernels : null;
        this.sums = new double[d + d * d];
        this.name = name;
        this.n = n;
        this.d = d;
        this.invTau = 1.0 / tau;
        this.activation = activation;
        this.u = u;
        this.wt = wt;
        this.b = b;
        this.timeStep = timeStep;
        this.x = new double[n];
        this.phi = new double[n];
        this.cached = new double[d];
    }

    /** Makes x and φ those of state z (nothing to do when z is the cached state). */
    private void evaluate(double[] z) {
        if (valid) {
            boolean same = true;
            for (int k = 0; k < d; k++) same &= Double.doubleToRawLongBits(z[k]) == Double.doubleToRawLongBits(cached[k]);
            if (same) {
                return;
            }
        }
        vectorSums = kernels != null && kernels.manifoldSums(z, sums);
        if (vectorSums) {
            System.arraycopy(z, 0, cached, 0, d);
            valid = true;
            return;
        }
        for (int j = 0; j < n; j++) {
            double v = b[j];
            for (int k = 0; k < d; k++) v += u[j * d + k] * z[k];
            x[j] = v;
        }
        if (activation == Activation.TANH) {
            NetworkKernels.tanh(x, phi, n);
        } else {
            for (int j = 0; j < n; j++) phi[j] = activation.value(x[j]);
        }
        System.arraycopy(z, 0, cached, 0, d);
        valid = true;
    }

    @Override public int dimension() { return d; }

    @Override public int noiseDimension() { return 0; }

    @Override public NoiseType noiseType() { return NoiseType.NONE; }

    @Override public String name() { return name; }

    @Override public double[] initialState() { return new double[d]; }

    @Override public double defaultTimeStep() { return timeStep; }

    @Override public void diffusion(double t, double[] z, double[] out) {}

    @Override
    public void drift(double t, double[] z, double[] out) {
        evaluate(z);
        if (vectorSums) {
            for (int k = 0; k < d; k++) out[k] = (sums[k] - z[k]) * invTau;
            return;
        }
        if (d == 3) {   // the sums in locals: the same additions in the same order, without a store and reload per term
            double o0 = -z[0], o1 = -z[1], o2 = -z[2];
            for (int j = 0; j < n; j++) {
                double p = phi[j];
                int r = 3 * j;
                o0 += wt[r] * p;
                o1 += wt[r + 1] * p;
                o2 += wt[r + 2] * p;
            }
            out[0] = o0 * invTau;
            out[1] = o1 * invTau;
            out[2] = o2 * invTau;
            return;
        }
        for (int k = 0; k < d; k++) out[k] = -z[k];
        for (int j = 0; j < n; j++) {
            double p = phi[j];
            for (int k = 0; k < d; k++) out[k] += wt[j * d + k] * p;
        }
        for (int k = 0; k < d; k++) out[k] *= invTau;
    }

    @Override public boolean hasJacobian() { return true; }

    @Override
    public void jacobian(double t, double[] z, double[] out) {
        evaluate(z);
        if (vectorSums) {
            for (int k = 0; k < d; k++) {
                for (int l = 0; l < d; l++) out[k * d + l] = sums[d + d * k + l] * invTau;
                out[k * d + k] -= invTau;
            }
            return;
        }
        boolean tanh = activation == Activation.TANH;
        if (d == 3) {
            jacobian3(out, tanh);
            return;
        }
        java.util.Arrays.fill(out, 0, d * d, 0.0);
        for (int j = 0; j < n; j++) {
            double slope = tanh ? 1.0 - phi[j] * phi[j] : activation.derivative(x[j]);
            for (int k = 0; k < d; k++) {
                double a = wt[j * d + k] * slope;
                for (int l = 0; l < d; l++) out[k * d + l] += a * u[j * d + l];
            }
        }
        for (int k = 0; k < d; k++) {
            for (int l = 0; l < d; l++) out[k * d + l] *= invTau;
            out[k * d + k] -= invTau;
        }
    }

    /**
     * {@link #jacobian} for d = 3 with its nine sums in locals: the same products and additions in the same order as the
     * general loop (same bits), which adds into {@code out} in memory: there every term was a store and a reload, and
     * the Lyapunov spectrum of this flow took 55 % of {@code ddmatch analyze} at N = 1000 (BENCHMARKS.md §0000).
     */
    private void jacobian3(double[] out, boolean tanh) {
        double o00 = 0, o01 = 0, o02 = 0, o10 = 0, o11 = 0, o12 = 0, o20 = 0, o21 = 0, o22 = 0;
        for (int j = 0; j < n; j++) {
            double slope = tanh ? 1.0 - phi[j] * phi[j] : activation.derivative(x[j]);
            int r = 3 * j;
            double u0 = u[r], u1 = u[r + 1], u2 = u[r + 2];
            double a0 = wt[r] * slope, a1 = wt[r + 1] * slope, a2 = wt[r + 2] * slope;
            o00 += a0 * u0;
            o01 += a0 * u1;
            o02 += a0 * u2;
            o10 += a1 * u0;
            o11 += a1 * u1;
            o12 += a1 * u2;
            o20 += a2 * u0;
            o21 += a2 * u1;
            o22 += a2 * u2;
        }
        out[0] = o00 * invTau - invTau;
        out[1] = o01 * invTau;
        out[2] = o02 * invTau;
        out[3] = o10 * invTau;
        out[4] = o11 * invTau - invTau;
        out[5] = o12 * invTau;
        out[6] = o20 * invTau;
        out[7] = o21 * invTau;
        out[8] = o22 * invTau - invTau;
    }
}
