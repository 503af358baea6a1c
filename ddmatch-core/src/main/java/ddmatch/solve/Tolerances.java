package ddmatch.solve;

/**
 * Error control of the {@link AdaptiveIntegrator}: a step is accepted when the embedded error estimate {@code e}
 * satisfies {@code sqrt(mean_i (e_i / (atol + rtol·max(|x_i|, |x̂_i|)))²) ≤ 1} (Hairer, Nørsett &amp; Wanner,
 * <i>Solving Ordinary Differential Equations I</i>, §II.4, eq. (4.11)).
 *
 * @param relative  rtol (&gt; 0 or with {@code absolute} &gt; 0; ≥ 1e-15, since smaller targets are below roundoff)
 * @param absolute  atol (≥ 0), in the state's units
 * @param initialStep first trial step (&gt; 0), or 0 for the automatic choice of HNW §II.4
 * @param maxSteps  bound on the number of attempted steps (≥ 1); exceeding it stops the run with an error
 */
public record Tolerances(double relative, double absolute, double initialStep, long maxSteps) {
    public Tolerances {
        if (!(relative >= 0) || !Double.isFinite(relative) || (relative > 0 && relative < 1e-15)) {
            throw new IllegalArgumentException("Tolerances.relative = " + relative
                    + " is not allowed; it must be 0 or in [1e-15, ∞) (finite)");
        }
        if (!(absolute >= 0) || !Double.isFinite(absolute)) {
            throw new IllegalArgumentException("Tolerances.absolute = " + absolute + " is not allowed; it must be finite and ≥ 0");
        }
        if (relative == 0 && absolute == 0) {
            throw new IllegalArgumentException("Tolerances.relative and Tolerances.absolute are both 0; at least one must be > 0");
        }
        if (!(initialStep >= 0) || !Double.isFinite(initialStep)) {
            throw new IllegalArgumentException("Tolerances.initialStep = " + initialStep
                    + " is not allowed; it must be finite and > 0, or 0 for automatic");
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("Tolerances.maxSteps = " + maxSteps + " is not allowed; it must be ≥ 1");
        }
    }

    /** {@code rtol} and {@code atol} with an automatic first step and at most 10⁸ steps. */
    public static Tolerances of(double relative, double absolute) {
        return new Tolerances(relative, absolute, 0.0, 100_000_000L);
    }
}
