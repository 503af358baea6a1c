package ddmatch.fit;

import ddmatch.rnn.RateNetwork;

/**
 * A trained network and how it was obtained.
 *
 * @param network       the network, ready to simulate
 * @param config        the configuration it was trained with
 * @param ridge         the regression that produced W (λ, GCV score, form, factorisation)
 * @param trainingError relative RMS residual of the drift on the training samples,
 *                      {@code ‖P·drift − f̃‖ / ‖f̃‖} over all samples
 * @param samples       number of training points
 * @param seconds       wall time of the fit
 */
public record TrainingResult(RateNetwork network, MatchConfig config, RidgeSolution ridge, double trainingError, int samples,
                             double seconds) {
}
