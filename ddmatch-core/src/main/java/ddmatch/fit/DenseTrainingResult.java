package ddmatch.fit;

import ddmatch.rnn.DenseRateNetwork;

/**
 * A trained dense network and how it was obtained.
 *
 * @param network       the network, ready to simulate
 * @param config        the matching configuration (N, τ, φ, σ_b, samples, λ as given, seed)
 * @param lambda        the regularisation actually used (absolute units)
 * @param trainingError relative RMS residual of the readout drift on the on-manifold training samples,
 *                      {@code ‖P·drift − f̃‖/‖f̃‖}
 * @param transverseError RMS of the transverse drift {@code ‖(I − UP)·drift‖/√N} on the on-manifold training samples
 *                      (zero for an exact match; in units of x per time)
 * @param samples       number of training points (off-manifold ones included)
 * @param lossCurve     the matching loss per iteration for an iterative fit (empty for a closed-form fit)
 * @param seconds       wall time of the fit
 */
public record DenseTrainingResult(DenseRateNetwork network, MatchConfig config, double lambda, double trainingError,
                                  double transverseError, int samples, double[] lossCurve, double seconds) {
    public DenseTrainingResult {
        lossCurve = lossCurve.clone();
    }

    @Override public double[] lossCurve() { return lossCurve.clone(); }
}
