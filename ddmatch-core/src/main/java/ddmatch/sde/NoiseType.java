package ddmatch.sde;

/**
 * The structure of a system's diffusion matrix {@code G(z)} (d × m), which decides which integration schemes apply
 * and whether the matrix must be re-evaluated at every step.
 */
public enum NoiseType {
    /** No noise: an ordinary differential equation ({@code m = 0}). */
    NONE,
    /** {@code G} does not depend on the state (or time): evaluated once per run. */
    ADDITIVE,
    /** {@code G(z)} is diagonal ({@code m = d}) and state dependent. */
    DIAGONAL,
    /** {@code G(z)} is a full, state-dependent d × m matrix. */
    GENERAL
}
