package ddmatch.solve;

import ddmatch.sde.NoiseType;
import ddmatch.sde.Sde;
import java.util.EnumSet;
import java.util.Set;

/**
 * Rößler's SRA1, a two-stage stochastic Runge–Kutta scheme of strong order 1.5 (weak order 2) for SDEs with
 * additive noise. Its tableau in Rößler's notation (drift stages evaluated at {@code H_i}, diffusion at times
 * {@code t + c⁽¹⁾_i h}):
 * <pre>
 *   c⁽⁰⁾ | A⁽⁰⁾         B⁽⁰⁾         c⁽¹⁾
 *   0   | 0    0       0    0       1
 *   3/4 | 3/4  0       3/2  0       0
 *   ----+---------    α = (1/3, 2/3), β⁽¹⁾ = (1, 0), β⁽²⁾ = (−1, 1)
 * </pre>
 * i.e. {@code H_i = x + Σ_j A⁽⁰⁾_ij f(t + c⁽⁰⁾_j h, H_j) h + Σ_j B⁽⁰⁾_ij G(t + c⁽¹⁾_j h) ΔZ/h} and
 * {@code x ← x + Σ_i α_i f(t + c⁽⁰⁾_i h, H_i) h + Σ_i (β⁽¹⁾_i ΔW + β⁽²⁾_i ΔZ/h) G(t + c⁽¹⁾_i h)}, where
 * {@code ΔZ = ∫ (W(s) − W(t)) ds} is the iterated integral {@code I_(1,0)} (per noise component), which the scheme
 * obtains from an {@link IteratedNoiseStream}. Because {@link NoiseType#ADDITIVE} diffusion is also time independent,
 * the step reduces to
 * <pre>
 *   H₂ = x + ¾ h f(t, x) + (3/2) G ΔZ / h
 *   x ← x + h (⅓ f(t, x) + ⅔ f(t + ¾h, H₂)) + G ΔW
 * </pre>
 * For an ODE (no noise) it is Ralston's second-order Runge–Kutta method, hence strong order 2 there.
 *
 * <p>Reference: A. Rößler, "Runge–Kutta methods for the strong approximation of solutions of stochastic differential
 * equations", SIAM J. Numer. Anal. 48, 922 (2010), Table 5.1 (SRA1).
 */
public final class Sra1 implements Scheme {
    public static final Sra1 INSTANCE = new Sra1();

    private static final double C2 = 0.75;
    private static final double A21 = 0.75;
    private static final double B21 = 1.5;
    private static final double ALPHA1 = 1.0 / 3.0;
    private static final double ALPHA2 = 2.0 / 3.0;

    private Sra1() {}

    @Override public String name() { return "sra1"; }

    @Override public Set<NoiseType> supports() { return EnumSet.of(NoiseType.NONE, NoiseType.ADDITIVE); }

    @Override public double strongOrder(NoiseType noise) { return noise == NoiseType.NONE ? 2.0 : 1.5; }

    @Override public double weakOrder() { return 2.0; }

    @Override public boolean needsTimeIntegral() { return true; }

    @Override
    public Stepper stepper(Sde sde) {
        requireSupported(sde);
        return new Workspace(sde);
    }

    private static final class Workspace implements Stepper {
        private final Sde sde;
        private final int d;
        private final int m;
        private final double[] f1;
        private final double[] f2;
        private final double[] g;
        private final double[] stage;
        private boolean diffusionReady;

        Workspace(Sde sde) {
            this.sde = sde;
            this.d = sde.dimension();
            this.m = sde.noiseDimension();
            this.f1 = new double[d];
            this.f2 = new double[d];
            this.g = new double[d * m];
            this.stage = new double[d];
        }

        @Override
        public void step(double t, double dt, double[] x, double[] dW) {
            if (m > 0) {
                throw new IllegalStateException("scheme 'sra1' needs the iterated integrals ΔZ; call step(t, dt, x, dW, dZ)"
                        + " or run it through Integrator with a GaussianIncrements or BrownianPath");
            }
            step(t, dt, x, dW, null);
        }

        @Override
        public void step(double t, double dt, double[] x, double[] dW, double[] dZ) {
            if (m > 0 && !diffusionReady) {
                sde.diffusion(t, x, g);
                diffusionReady = true;
            }
            sde.drift(t, x, f1);
            double stageNoise = B21 / dt;
            for (int i = 0; i < d; i++) {
                double h2 = x[i] + A21 * dt * f1[i];
                int row = i * m;
                for (int k = 0; k < m; k++) {
                    h2 += stageNoise * g[row + k] * dZ[k];
                }
                stage[i] = h2;
            }
            sde.drift(t + C2 * dt, stage, f2);
            for (int i = 0; i < d; i++) {
                double xi = x[i] + dt * (ALPHA1 * f1[i] + ALPHA2 * f2[i]);
                int row = i * m;
                for (int k = 0; k < m; k++) {
                    xi += g[row + k] * dW[k];
                }
                x[i] = xi;
            }
        }
    }
}
