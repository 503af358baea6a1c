/**
 * End-to-end checks of a drift-diffusion match: train a network for a target system, simulate the full
 * N-dimensional network and the target side by side, and compare each measured property (drift error, largest
 * Lyapunov exponent, state-space divergence, diffusion, residence times, entropy production) with its reference — an
 * analytic value, a published value, or the noise floor between two independent runs of the target — under a named
 * tolerance. The demo and the acceptance tests run the same checks at different sizes.
 */
package ddmatch.check;
