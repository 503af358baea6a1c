package ddmatch.fit;

import ddmatch.rnn.Standardization;
import ddmatch.sde.NoiseType;
import ddmatch.sde.Sde;

/**
 * Diffusion matching for additive noise (DESIGN §1.5): the network's noise enters through the embedding,
 * {@code Σ = U S}, so its readout receives {@code S dW'}; matching {@code S Sᵀ = G̃ G̃ᵀ} with {@code G̃ = diag(1/s) G}
 * is solved exactly by {@code S = G̃}.
 */
public final class DiffusionMatcher {
    private DiffusionMatcher() {}

    /**
     * Writes {@code S = diag(1/s) G} (d × m, row-major) for a target with constant diffusion {@code G}.
     *
     * @throws IllegalArgumentException if the target's noise is state dependent
     */
    public static void constantGain(Sde target, Standardization st, double[] out) {
        if (target.noiseType() != NoiseType.ADDITIVE) {
            throw new IllegalArgumentException("system '" + target.name() + "' has noise type " + target.noiseType()
                    + "; constant diffusion matching needs ADDITIVE noise");
        }
        int d = target.dimension();
        int m = target.noiseDimension();
        double[] mean = st.mean();
        target.diffusion(0.0, mean, out);
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < m; k++) {
                out[i * m + k] /= st.scale(i);
            }
        }
    }
}
