/**
 * How close is a generated trajectory to its target, measured so that the answer can be trusted: the power-spectrum
 * Hellinger distance D_H ({@link ddmatch.analysis.statistics.SpectralDivergence}) on our own radix-2 FFT
 * ({@link ddmatch.analysis.statistics.Fft}), the state-space Kullback–Leibler divergence between Gaussian mixtures
 * fitted by EM for dimensions where histograms fail ({@link ddmatch.analysis.statistics.MixtureDivergence},
 * {@link ddmatch.analysis.statistics.GaussianMixture}, seeded k-means++ in {@link ddmatch.analysis.statistics.KMeans}),
 * the Grassberger–Procaccia correlation dimension ({@link ddmatch.analysis.statistics.CorrelationDimension}), the
 * normalised autocorrelation function ({@link ddmatch.analysis.statistics.Autocorrelation}), and the noise floor of any
 * divergence — its value between two independent runs of the target ({@link ddmatch.analysis.statistics.NoiseFloor}),
 * against which every model value must be read.
 */
package ddmatch.analysis.statistics;
