package ddmatch.analysis.decomposition;

import ddmatch.sde.NoiseType;
import ddmatch.sde.Sde;

/** Small target systems written for these tests. */
final class Systems {
    private Systems() {}

    /** {@code dz = −∇V dt + σ dW}, {@code V = (x² − 1)²/4 + y²/2}: a 2-D gradient (reversible) double well. */
    static Sde gradientDoubleWell(double sigma) {
        return new Sde() {
            @Override public int dimension() { return 2; }
            @Override public int noiseDimension() { return 2; }
            @Override public void drift(double t, double[] z, double[] out) {
                out[0] = z[0] - z[0] * z[0] * z[0];
                out[1] = -z[1];
            }
            @Override public void diffusion(double t, double[] z, double[] out) {
                out[0] = sigma; out[1] = 0; out[2] = 0; out[3] = sigma;
            }
            @Override public NoiseType noiseType() { return NoiseType.ADDITIVE; }
            @Override public String name() { return "gradient-double-well"; }
            @Override public double[] initialState() { return new double[] {1, 0}; }
            @Override public double defaultTimeStep() { return 0.01; }
        };
    }

    /** {@code dz = −B z dt + σ dW}, {@code B = [[ε, −θ], [θ, ε]]}: an almost purely rotational linear system. */
    static Sde rotation(double epsilon, double theta, double sigma) {
        return new Sde() {
            @Override public int dimension() { return 2; }
            @Override public int noiseDimension() { return 2; }
            @Override public void drift(double t, double[] z, double[] out) {
                out[0] = -(epsilon * z[0] - theta * z[1]);
                out[1] = -(theta * z[0] + epsilon * z[1]);
            }
            @Override public void diffusion(double t, double[] z, double[] out) {
                out[0] = sigma; out[1] = 0; out[2] = 0; out[3] = sigma;
            }
            @Override public NoiseType noiseType() { return NoiseType.ADDITIVE; }
            @Override public String name() { return "rotation"; }
            @Override public double[] initialState() { return new double[] {0, 0}; }
            @Override public double defaultTimeStep() { return 0.01; }
        };
    }
}
