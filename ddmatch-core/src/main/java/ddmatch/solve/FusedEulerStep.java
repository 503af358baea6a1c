package ddmatch.solve;

import ddmatch.sde.Sde;

/**
 * An SDE with additive noise (or none) that can take a whole Euler–Maruyama step with fewer passes over its state
 * than drift-then-update. A rate network's drift ends in a pass over its N neurons; doing the update {@code x + f·h} in
 * that same pass saves writing f and reading it back, and its noise {@code U S ΔW} lies in the span of U, whose columns
 * that pass already reads, so it costs no pass of its own either (measured in BENCHMARKS.md).
 *
 * <p><b>Contract.</b> {@link EulerMaruyama} calls {@link #eulerStep} in place of {@code drift} and its own update when
 * the SDE implements this interface. The step computes the scheme's update
 * <pre>
 *   x_i ← x_i + f_i(t, x)·h + Σ_k G_ik·ΔW_k
 * </pre>
 * with f as {@link Sde#drift} computes it, in exact arithmetic; its rounding may differ from the generic path's (the
 * network's step groups the terms differently), so the two paths agree to rounding, not bit for bit. It must be
 * deterministic: the same state and increments give the same bits, whatever thread runs it. It may decline (return
 * {@link #DECLINED}, x untouched), e.g. when the SDE has inputs or no fused kernel; the scheme then takes the generic
 * step.
 *
 * <p>A step that is taken returns {@code Σ x_i²} of the new state, summed in the pass that writes it: the
 * {@link Integrator} checks every state for divergence, and its own pass over the state for that sum cost 5–15 % of a
 * noisy network step (BENCHMARKS.md). Only the sum's last bits depend on the order.
 */
public interface FusedEulerStep extends Sde {
    /** Returned by {@link #eulerStep} when it declines (x untouched); a sum of squares is never negative. */
    double DECLINED = -1.0;

    /**
     * One Euler–Maruyama step from time t, in place.
     *
     * @param t     time at the start of the step
     * @param h     step size (&gt; 0)
     * @param x     the state, overwritten with the state at t + h
     * @param dW    the Wiener increments of the step (length ≥ m); the constant diffusion G is the SDE's own
     * @return {@code Σ x_i²} of the new state (NaN if an entry is NaN, +∞ if one is infinite or the sum overflows);
     *         {@link #DECLINED} if x is untouched and the caller must take the generic step
     */
    double eulerStep(double t, double h, double[] x, double[] dW);
}
