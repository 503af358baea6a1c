/**
 * Metrics that compare a generated trajectory with its reference system or characterise a single stationary
 * trajectory, all operating on plain row-major {@code double[]} arrays of {@code n} samples × {@code d} dimensions
 * taken at a fixed interval {@code dt}: the histogram Kullback–Leibler divergence between state-space distributions
 * ({@link ddmatch.analysis.StateSpaceDivergence}), hysteresis residence times in two metastable states
 * ({@link ddmatch.analysis.ResidenceTimes}), the entropy production rate — exact for linear systems via the Lyapunov
 * equation, estimated from a trajectory under a linear model, or bounded from below from a discrete state sequence
 * ({@link ddmatch.analysis.EntropyProduction}) — the covariance of drift-corrected increments as an estimate of
 * the diffusion {@code G Gᵀ} ({@link ddmatch.analysis.IncrementCovariance}), how long a model's forecast stays
 * valid ({@link ddmatch.analysis.ValidPredictionTime}), and the return maps of successive maxima of two runs
 * ({@link ddmatch.analysis.ReturnMap}). Inputs are validated (dimension, shape,
 * sample count, finiteness, positive {@code dt}) and rejected with an {@link java.lang.IllegalArgumentException} that
 * names the parameter, its value and what is allowed; results are immutable records. Lyapunov spectra, metastability
 * and the statistical divergences (spectral, mixture-based, correlation dimension, noise floor) live in the
 * sub-packages {@code lyapunov}, {@code metastability} and {@code statistics}.
 */
package ddmatch.analysis;
