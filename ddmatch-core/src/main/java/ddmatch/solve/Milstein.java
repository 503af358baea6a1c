package ddmatch.solve;

import ddmatch.sde.NoiseType;
import ddmatch.sde.Sde;
import java.util.EnumSet;
import java.util.Set;

/**
 * The Milstein scheme for Itô SDEs with diagonal noise ({@code G = diag(g_i(z_i))}, m = d):
 * <pre>
 *   x_i ← x_i + f_i(t, x) h + g_i(t, x) ΔW_i + ½ g_i(t, x) ∂g_i/∂x_i(t, x) (ΔW_i² − h)
 * </pre>
 * As a stochastic Runge–Kutta tableau it is one stage, {@code α = (1)}, {@code β⁽¹⁾ = (1)}, plus the correction term
 * built from {@link Sde#diffusionDerivative} (by default a central finite difference; see there). For additive noise
 * the correction vanishes and the scheme is Euler–Maruyama; for an ODE it is the explicit Euler method.
 *
 * <p>Strong order 1 for diagonal and additive noise (and for ODEs), weak order 1. General (non-commutative) noise would
 * need the Lévy areas {@code I_(j,k)} and is not supported.
 *
 * <p>Reference: G. N. Milstein, "Approximate integration of stochastic differential equations", Theory Probab. Appl.
 * 19, 557 (1975); P. E. Kloeden and E. Platen, <i>Numerical Solution of Stochastic Differential Equations</i>,
 * Springer 1992, §10.3, eq. (3.3).
 */
public final class Milstein implements Scheme {
    public static final Milstein INSTANCE = new Milstein();

    private Milstein() {}

    @Override public String name() { return "milstein"; }

    @Override public Set<NoiseType> supports() { return EnumSet.of(NoiseType.NONE, NoiseType.ADDITIVE, NoiseType.DIAGONAL); }

    @Override public double strongOrder(NoiseType noise) { return 1.0; }

    @Override public double weakOrder() { return 1.0; }

    @Override
    public Stepper stepper(Sde sde) {
        requireSupported(sde);
        if (sde.noiseType() == NoiseType.DIAGONAL && sde.noiseDimension() != sde.dimension()) {
            throw new IllegalArgumentException("system '" + sde.name() + "' declares DIAGONAL noise but has noise dimension "
                    + sde.noiseDimension() + " and state dimension " + sde.dimension() + "; diagonal noise needs m = d");
        }
        return new Workspace(sde);
    }

    private static final class Workspace implements Stepper {
        private final Sde sde;
        private final int d;
        private final int m;
        private final boolean diagonal;
        private final double[] f;
        private final double[] g;
        private final double[] dg;
        private final double[] zWork;
        private final double[] gWork;
        private boolean diffusionReady;

        Workspace(Sde sde) {
            this.sde = sde;
            this.d = sde.dimension();
            this.m = sde.noiseDimension();
            this.diagonal = sde.noiseType() == NoiseType.DIAGONAL;
            this.f = new double[d];
            this.g = new double[d * m];
            this.dg = new double[d];
            this.zWork = new double[d];
            this.gWork = new double[d * m];
        }

        @Override
        public void step(double t, double dt, double[] x, double[] dW) {
            sde.drift(t, x, f);
            if (m == 0) {
                for (int i = 0; i < d; i++) {
                    x[i] += f[i] * dt;
                }
                return;
            }
            if (diagonal) {
                sde.diffusion(t, x, g);
                sde.diffusionDerivative(t, x, dg, zWork, gWork);
                for (int i = 0; i < d; i++) {
                    double gi = g[i * m + i];
                    double w = dW[i];
                    x[i] += f[i] * dt + gi * w + 0.5 * gi * dg[i] * (w * w - dt);
                }
                return;
            }
            // Additive: G is constant, the correction is zero and the step is Euler–Maruyama.
            if (!diffusionReady) {
                sde.diffusion(t, x, g);
                diffusionReady = true;
            }
            for (int i = 0; i < d; i++) {
                double xi = x[i] + f[i] * dt;
                int row = i * m;
                for (int k = 0; k < m; k++) {
                    xi += g[row + k] * dW[k];
                }
                x[i] = xi;
            }
        }
    }
}
