package ddmatch.solve;

import ddmatch.sde.NoiseType;
import ddmatch.sde.Sde;

/** Scalar test equations with closed-form solutions, shared by the solver tests. */
final class TestSystems {
    private TestSystems() {}

    /** Geometric Brownian motion {@code dX = μX dt + σX dW} (diagonal noise), with the analytic ∂g/∂x = σ. */
    static final class Gbm implements Sde {
        final double mu;
        final double sigma;
        final boolean analyticDerivative;

        Gbm(double mu, double sigma, boolean analyticDerivative) {
            this.mu = mu;
            this.sigma = sigma;
            this.analyticDerivative = analyticDerivative;
        }

        /** Itô solution {@code X0 exp((μ − σ²/2) t + σ W(t))}. */
        double ito(double x0, double t, double w) { return x0 * Math.exp((mu - 0.5 * sigma * sigma) * t + sigma * w); }

        /** Stratonovich solution {@code X0 exp(μ t + σ W(t))}. */
        double stratonovich(double x0, double t, double w) { return x0 * Math.exp(mu * t + sigma * w); }

        @Override public int dimension() { return 1; }
        @Override public int noiseDimension() { return 1; }
        @Override public void drift(double t, double[] z, double[] out) { out[0] = mu * z[0]; }
        @Override public void diffusion(double t, double[] z, double[] out) { out[0] = sigma * z[0]; }
        @Override public NoiseType noiseType() { return NoiseType.DIAGONAL; }
        @Override public String name() { return "gbm"; }
        @Override public double[] initialState() { return new double[] {1.0}; }
        @Override public double defaultTimeStep() { return 0.01; }

        @Override
        public void diffusionDerivative(double t, double[] z, double[] out, double[] zWork, double[] gWork) {
            if (analyticDerivative) {
                out[0] = sigma;
            } else {
                Sde.super.diffusionDerivative(t, z, out, zWork, gWork);
            }
        }
    }

    /**
     * {@code dX = ½a²X dt + a√(1 + X²) dW} (Kloeden &amp; Platen 1992, eq. (4.4.19)): nonlinear multiplicative noise with
     * the Itô solution {@code sinh(aW + asinh X0)}. Uses the finite-difference default of
     * {@link Sde#diffusionDerivative}.
     */
    static final class Sinh implements Sde {
        final double a;

        Sinh(double a) { this.a = a; }

        double exact(double x0, double w) { return Math.sinh(a * w + asinh(x0)); }

        static double asinh(double x) { return Math.log(x + Math.sqrt(x * x + 1)); }

        @Override public int dimension() { return 1; }
        @Override public int noiseDimension() { return 1; }
        @Override public void drift(double t, double[] z, double[] out) { out[0] = 0.5 * a * a * z[0]; }
        @Override public void diffusion(double t, double[] z, double[] out) { out[0] = a * Math.sqrt(1 + z[0] * z[0]); }
        @Override public NoiseType noiseType() { return NoiseType.DIAGONAL; }
        @Override public String name() { return "sinh"; }
        @Override public double[] initialState() { return new double[] {0.5}; }
        @Override public double defaultTimeStep() { return 0.01; }
    }

    /** Scalar Ornstein–Uhlenbeck {@code dX = −θX dt + σ dW} (additive noise). */
    static final class Ou implements Sde {
        final double theta;
        final double sigma;

        Ou(double theta, double sigma) {
            this.theta = theta;
            this.sigma = sigma;
        }

        @Override public int dimension() { return 1; }
        @Override public int noiseDimension() { return 1; }
        @Override public void drift(double t, double[] z, double[] out) { out[0] = -theta * z[0]; }
        @Override public void diffusion(double t, double[] z, double[] out) { out[0] = sigma; }
        @Override public NoiseType noiseType() { return NoiseType.ADDITIVE; }
        @Override public String name() { return "ou1"; }
        @Override public double[] initialState() { return new double[] {1.0}; }
        @Override public double defaultTimeStep() { return 0.01; }
    }
}
