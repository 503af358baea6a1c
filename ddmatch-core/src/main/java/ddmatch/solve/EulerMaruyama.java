package ddmatch.solve;

import ddmatch.sde.NoiseType;
import ddmatch.sde.Sde;
import java.util.EnumSet;
import java.util.Set;

/**
 * The Euler–Maruyama scheme {@code x ← x + f(t, x) h + G(t, x) ΔW} (Itô). Strong order 1 for additive noise (where
 * it coincides with Milstein), ½ otherwise; weak order 1. For an ODE it is the explicit Euler method.
 *
 * <p>Reference: G. Maruyama, "Continuous Markov processes and stochastic equations", Rend. Circ. Mat. Palermo 4, 48
 * (1955); P. E. Kloeden and E. Platen, <i>Numerical Solution of Stochastic Differential Equations</i>, Springer 1992,
 * §10.2.
 */
public final class EulerMaruyama implements Scheme {
    public static final EulerMaruyama INSTANCE = new EulerMaruyama();

    private EulerMaruyama() {}

    @Override public String name() { return "euler-maruyama"; }

    @Override public Set<NoiseType> supports() { return EnumSet.allOf(NoiseType.class); }

    @Override
    public double strongOrder(NoiseType noise) {
        return noise == NoiseType.ADDITIVE || noise == NoiseType.NONE ? 1.0 : 0.5;
    }

    @Override public double weakOrder() { return 1.0; }

    @Override
    public Stepper stepper(Sde sde) {
        requireSupported(sde);
        return new Workspace(sde);
    }

    private static final class Workspace implements Stepper {
        private final Sde sde;
        private final int d;
        private final int m;
        private final double[] f;
        private final double[] g;
        private final double[] gCols;   // additive noise: Gᵀ (m × d), G's columns contiguous
        private final boolean additive;
        private final FusedEulerStep fused;   // null: drift, then the update below
        private boolean diffusionReady;
        private double sumOfSquares = -1.0;   // the fused step's Σ x²; negative after a generic step

        Workspace(Sde sde) {
            this.sde = sde;
            this.d = sde.dimension();
            this.m = sde.noiseDimension();
            this.f = new double[d];
            this.g = new double[d * m];
            this.additive = sde.noiseType() == NoiseType.ADDITIVE;
            this.gCols = additive ? new double[d * m] : new double[0];
            this.fused = sde instanceof FusedEulerStep f && (additive || m == 0) ? f : null;
        }

        /** Gᵀ of the constant (additive) diffusion, evaluated once at the first step. */
        private void prepareColumns(double t, double[] x) {
            sde.diffusion(t, x, g);
            for (int i = 0; i < d; i++) {
                for (int k = 0; k < m; k++) gCols[k * d + i] = g[i * m + k];
            }
            diffusionReady = true;
        }

        @Override
        public double lastSumOfSquares() {
            return sumOfSquares;
        }

        @Override
        public void step(double t, double dt, double[] x, double[] dW) {
            if (fused != null) {
                sumOfSquares = fused.eulerStep(t, dt, x, dW);
                if (sumOfSquares != FusedEulerStep.DECLINED) return;
            }
            sde.drift(t, x, f);
            if (additive && m > 0) {
                if (!diffusionReady) prepareColumns(t, x);
                // Column by column over G's transposed copy: unit-stride loops that C2 vectorises, with the same
                // additions in the same order as the row loop below, (x + f·dt) + G_i0·dW_0 + G_i1·dW_1 + …, so the
                // result is bit-identical to it.
                for (int i = 0; i < d; i++) x[i] = x[i] + f[i] * dt;
                for (int k = 0; k < m; k++) {
                    double w = dW[k];
                    int off = k * d;
                    for (int i = 0; i < d; i++) x[i] += gCols[off + i] * w;
                }
                return;
            }
            if (m > 0 && !(additive && diffusionReady)) {
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
