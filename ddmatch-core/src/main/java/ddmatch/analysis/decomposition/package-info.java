/**
 * How a trained rate network does what it does: decompositions of its connectivity and of its drift into parts with
 * distinct dynamical roles (DESIGN §1.6). The connectivity {@code J = U W} is split into symmetric and antisymmetric
 * parts with their norms and spectra, always next to the random-embedding null that makes the ratio of norms
 * meaningful ({@link ddmatch.analysis.decomposition.ConnectivityDecomposition}); the latent coupling
 * {@code L(z̃) = W diag(φ'(U z̃ + b)) U}, whose symmetric and antisymmetric parts carry the gradient-like and rotational
 * structure of the embedded dynamics ({@link ddmatch.analysis.decomposition.LatentCoupling}); the reversible and
 * irreversible parts of a drift — exact for linear systems through the Lyapunov equation
 * ({@link ddmatch.analysis.decomposition.LinearSplit}), estimated from a stationary density on a grid in one or two
 * dimensions ({@link ddmatch.analysis.decomposition.DensityDecomposition}) — carried to the connectivity by fitting
 * each part with the same features ({@link ddmatch.analysis.decomposition.ConnectivitySplit}); and re-simulations of
 * the full network with altered connectivity, {@code J_rev + α J_irr}, {@code J_S} or {@code J_A}, which report the
 * entropy production, residence statistics and the distance from the manifold
 * ({@link ddmatch.analysis.decomposition.Ablation}).
 */
package ddmatch.analysis.decomposition;
