/**
 * Drift-diffusion matching in closed form (DESIGN §1.4–1.5): sampling the target's state space (long trajectories
 * plus jitter), building the network's features {@code φ(U z̃ + b)} at those samples, solving the ridge regression for
 * the read-in weights {@code W} (primal or dual Cholesky, regularisation chosen by generalised cross-validation and
 * reported, or by k-fold cross-validation, with the score curve returned), and setting the network's noise gain so
 * that its readout carries the target's diffusion (constant, or state dependent and linear in the network's activity).
 * {@link ddmatch.fit.DataDrivenMatcher} does the same from a sampled trajectory alone, with Kramers–Moyal estimates of
 * drift and diffusion in place of the equations. {@link ddmatch.fit.Sampler} also offers space-filling samplers and a
 * coverage measure; {@link ddmatch.fit.InputMatcher} trains networks for targets driven by external inputs.
 */
package ddmatch.fit;
