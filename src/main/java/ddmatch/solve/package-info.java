/**
 * Numerical integration of {@link ddmatch.sde.Sde} systems on a fixed time grid: schemes that declare which noise
 * structures they support and their convergence orders, seeded and replayable Brownian increments, an engine that
 * steps any scheme without allocating, saves every k-th state and stops a diverging run with a diagnosis instead of
 * producing NaNs.
 */
package ddmatch.solve;
