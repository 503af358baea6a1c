package ddmatch.rnn;

import ddmatch.sde.Sde;
import ddmatch.solve.Observable;

/**
 * What every rate network of ddmatch shares, whatever its connectivity (factored {@code J = U W} in
 * {@link RateNetwork}, dense N × N in {@link DenseRateNetwork}): an {@link Embedding} {@code (U, b)}, a
 * {@link Standardization} of the latent coordinates, a constant noise gain {@code S} entering as {@code U S dW'}, a
 * time constant τ and an activation φ. The readout and the manifold geometry depend on the embedding only, so they
 * are implemented here once (DESIGN §1.3 and §1.7).
 */
public interface Network extends Sde {
    Embedding embedding();

    /** N. */
    int neurons();

    /** d. */
    int latentDimension();

    /** τ, in the target's time units. */
    double tau();

    Activation activation();

    Standardization standardization();

    /** S as a new row-major d × m array. */
    double[] noiseGain();

    /** The point {@code x = U z̃ + b} of the manifold whose readout is the target-coordinate state {@code z}. */
    default double[] stateFor(double[] z) {
        int d = latentDimension();
        double[] zt = new double[d];
        standardization().toLatent(z, zt);
        double[] x = new double[neurons()];
        embedding().embed(zt, x);
        return x;
    }

    /** Writes the readout in the target's coordinates, {@code z = μ + s ⊙ P(x − b)}. */
    default void readout(double[] x, double[] z) {
        embedding().project(x, z);
        Standardization st = standardization();
        for (int k = 0; k < latentDimension(); k++) {
            z[k] = st.mean(k) + st.scale(k) * z[k];
        }
    }

    /** The readout as an {@link Observable}, to record only z during long simulations. */
    default Observable readoutObservable() {
        int d = latentDimension();
        return new Observable() {
            @Override public int dimension() { return d; }

            @Override public int stateDimension() { return neurons(); }

            @Override public void observe(double[] x, double[] out) { readout(x, out); }
        };
    }

    /** Distance of {@code x} from the manifold, {@code ‖(I − U P)(x − b)‖/√N}. */
    default double manifoldDistance(double[] x) {
        Embedding e = embedding();
        int d = latentDimension();
        int n = neurons();
        double[] u = e.u();
        double[] b = e.tonic();
        double[] zt = new double[d];
        e.project(x, zt);
        double sum = 0;
        for (int j = 0; j < n; j++) {
            double r = x[j] - b[j];
            for (int k = 0; k < d; k++) r -= u[j * d + k] * zt[k];
            sum += r * r;
        }
        return Math.sqrt(sum / n);
    }
}
