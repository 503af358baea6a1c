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
 * <p>Cost and state: φ over the N neurons is evaluated once per state, by the network kernels' array tanh (Vector API
 * when available) for tanh networks, and kept for the Jacobian at the same state (φ' = 1 − φ² for tanh), since the
 * Lyapunov solver asks for the drift and then the Jacobian at each RK4 stage. So an instance holds scratch arrays and
 * is not thread-safe: use one per thread ({@link RateNetwork#manifoldFlow()} makes a new one).
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

    ManifoldFlow(String name, int n, int d, double tau, Activation activation, double[] u, double[] wt, double[] b, double timeStep) {
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
        java.util.Arrays.fill(out, 0, d * d, 0.0);
        boolean tanh = activation == Activation.TANH;
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
}
