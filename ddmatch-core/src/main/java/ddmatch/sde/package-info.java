/**
 * Stochastic differential equations {@code dz = f(z, t) dt + G(z) dW} (Itô) as small objects that write their drift
 * and diffusion into arrays owned by the caller, so that an integrator can evaluate them millions of times without
 * allocating; the built-in systems (Lorenz and 67 further chaotic flows — three- and four-dimensional, Hamiltonian and
 * two small neural networks — with analytic Jacobians, parameters and reference Lyapunov exponents from the shipped
 * dysts metadata, 26 of them as classes and the rest as {@link ddmatch.sde.FieldFlow}s defined by their equations in
 * {@code DystsFlows}; the noisy double well, the non-equilibrium
 * Ornstein–Uhlenbeck process, noisy limit cycles, the FitzHugh–Nagumo neuron and K wells on a ring with and without a
 * circulating non-gradient drift) and the {@link ddmatch.sde.SystemCatalog} through which users select them by name,
 * override their parameters, noise amplitude and initial state, and read their equations and references live here too.
 * Systems driven by external inputs implement {@link ddmatch.sde.InputDriven}, whose drift can be evaluated at any
 * chosen input values.
 */
package ddmatch.sde;
