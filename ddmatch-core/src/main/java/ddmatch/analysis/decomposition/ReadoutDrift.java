package ddmatch.analysis.decomposition;

import ddmatch.analysis.DriftFunction;
import ddmatch.rnn.RateNetwork;

/**
 * The drift a network gives its readout on the manifold, in the target's coordinates:
 * {@code f(z) = s ⊙ P·drift(U z̃ + b)}, {@code z̃ = (z − μ)/s}. Computed from the full N-dimensional drift (no latent
 * shortcut), so it is what the trained network actually does; to be decomposed like any other drift, e.g. by
 * {@link DensityDecomposition}. Holds work arrays (2N + d doubles): not thread-safe.
 */
public final class ReadoutDrift implements DriftFunction {
    private final RateNetwork network;
    private final double[] zt;
    private final double[] x;
    private final double[] fx;
    private final double[] u;

    public ReadoutDrift(RateNetwork network) {
        this.network = network;
        this.zt = new double[network.latentDimension()];
        this.x = new double[network.neurons()];
        this.fx = new double[network.neurons()];
        this.u = network.embedding().u();
    }

    @Override
    public void drift(double[] z, double[] out) {
        network.standardization().toLatent(z, zt);
        network.embedding().embed(zt, x);
        network.drift(0.0, x, fx);
        // P·drift = Uᵀ drift / N (linear, so the tonic offset does not enter).
        int d = zt.length, n = x.length;
        for (int k = 0; k < d; k++) out[k] = 0.0;
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < d; k++) out[k] += u[j * d + k] * fx[j];
        }
        for (int k = 0; k < d; k++) out[k] *= network.standardization().scale(k) / n;
    }
}
