/**
 * Stochastic differential equations {@code dz = f(z, t) dt + G(z) dW} (Itô) as small objects that write their drift
 * and diffusion into arrays owned by the caller, so that an integrator can evaluate them millions of times without
 * allocating; the built-in systems (Lorenz, the noisy double well, the non-equilibrium Ornstein–Uhlenbeck process)
 * and the {@link ddmatch.sde.SystemCatalog} through which users select them by name live here too.
 */
package ddmatch.sde;
