package ddmatch.solve;

import ddmatch.sde.NoiseType;
import ddmatch.sde.Sde;
import java.util.EnumSet;
import java.util.Set;

/**
 * The stochastic Heun scheme (trapezoidal predictor–corrector), which converges to the solution of the
 * <b>Stratonovich</b> SDE {@code dz = f dt + G ∘ dW}:
 * <pre>
 *   x̃   = x + f(t, x) h + G(t, x) ΔW
 *   x  ← x + ½ (f(t, x) + f(t + h, x̃)) h + ½ (G(t, x) + G(t + h, x̃)) ΔW
 * </pre>
 * Tableau (two stages, explicit): {@code A = [[0, 0], [1, 0]]}, {@code B = [[0, 0], [1, 0]]}, {@code α = β = (½, ½)}.
 *
 * <p><b>Interpretation.</b> A {@link Sde} is read as an Itô equation elsewhere in this package. For additive noise the
 * Itô and Stratonovich equations coincide, but for multiplicative noise this scheme solves a different equation:
 * the Itô equation with drift {@code f_i + ½ Σ_{j,k} G_jk ∂G_ik/∂z_j} (the Wong–Zakai correction). Use it for a
 * multiplicative-noise system only if that system is meant in the Stratonovich sense. Hence two instances:
 * {@link #INSTANCE} ({@code heun}) takes only what it solves in the Itô sense as well, no noise or additive noise, and
 * refuses multiplicative noise at set-up (naming the schemes that solve the Itô equation); {@link #STRATONOVICH}
 * ({@code heun-stratonovich}) takes every noise type, for a system whose equation is meant in the Stratonovich sense.
 *
 * <p>Orders (Stratonovich solution): strong 2 for ODEs (Heun's method), 1 for additive and diagonal (commutative)
 * noise, ½ for general noise, where order 1 would need Lévy areas (J. M. C. Clark and R. J. Cameron, "The maximum rate
 * of convergence of discrete approximations for stochastic differential equations", LNCIS 25, 162, 1980). Weak order
 * 1 for every noise type (it matches the Stratonovich–Taylor expansion through the terms of weak order 1; Rümelin
 * 1982 gives the order conditions of such two-stage schemes).
 *
 * <p>References: W. Rümelin, "Numerical treatment of stochastic differential equations", SIAM J. Numer. Anal. 19, 604
 * (1982); P. E. Kloeden and E. Platen, <i>Numerical Solution of Stochastic Differential Equations</i>, Springer 1992,
 * §11.1 and §15.1; K. Burrage, P. M. Burrage and T. Tian, "Numerical methods for strong solutions of stochastic
 * differential equations: an overview", Proc. R. Soc. Lond. A 460, 373 (2004).
 */
public final class StochasticHeun implements Scheme {
    /** Heun for Itô systems: no noise or additive noise, where the Itô and Stratonovich equations are one. */
    public static final StochasticHeun INSTANCE = new StochasticHeun(false);
    /** Heun for systems meant in the Stratonovich sense: every noise type, the Stratonovich solution. */
    public static final StochasticHeun STRATONOVICH = new StochasticHeun(true);

    private final boolean stratonovich;

    private StochasticHeun(boolean stratonovich) {
        this.stratonovich = stratonovich;
    }

    @Override public String name() { return stratonovich ? "heun-stratonovich" : "heun"; }

    @Override
    public Set<NoiseType> supports() {
        return stratonovich ? EnumSet.allOf(NoiseType.class) : EnumSet.of(NoiseType.NONE, NoiseType.ADDITIVE);
    }

    @Override
    public double strongOrder(NoiseType noise) {
        return switch (noise) {
            case NONE -> 2.0;
            case ADDITIVE, DIAGONAL -> 1.0;
            case GENERAL -> 0.5;
        };
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
        private final boolean additive;
        private final double[] f0;
        private final double[] f1;
        private final double[] g0;
        private final double[] g1;
        private final double[] predictor;
        private boolean diffusionReady;

        Workspace(Sde sde) {
            this.sde = sde;
            this.d = sde.dimension();
            this.m = sde.noiseDimension();
            this.additive = sde.noiseType() == NoiseType.ADDITIVE;
            this.f0 = new double[d];
            this.f1 = new double[d];
            this.g0 = new double[d * m];
            this.g1 = new double[d * m];
            this.predictor = new double[d];
        }

        @Override
        public void step(double t, double dt, double[] x, double[] dW) {
            sde.drift(t, x, f0);
            if (m > 0 && !(additive && diffusionReady)) {
                sde.diffusion(t, x, g0);
                diffusionReady = true;
            }
            for (int i = 0; i < d; i++) {
                double p = x[i] + f0[i] * dt;
                int row = i * m;
                for (int k = 0; k < m; k++) {
                    p += g0[row + k] * dW[k];
                }
                predictor[i] = p;
            }
            sde.drift(t + dt, predictor, f1);
            // For additive noise G(x̃) = G(x), so the corrector's noise term is G ΔW and G need not be re-evaluated.
            double[] gEnd = g0;
            if (m > 0 && !additive) {
                sde.diffusion(t + dt, predictor, g1);
                gEnd = g1;
            }
            for (int i = 0; i < d; i++) {
                double xi = x[i] + 0.5 * (f0[i] + f1[i]) * dt;
                int row = i * m;
                for (int k = 0; k < m; k++) {
                    xi += 0.5 * (g0[row + k] + gEnd[row + k]) * dW[k];
                }
                x[i] = xi;
            }
        }
    }
}
