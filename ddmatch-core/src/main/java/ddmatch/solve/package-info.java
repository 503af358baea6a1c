/**
 * Numerical integration of {@link ddmatch.sde.Sde} systems: fixed-step schemes (Euler–Maruyama, Milstein, stochastic
 * Heun, Rößler's SRA1, RK4) that declare which noise structures they support and their convergence orders, an
 * adaptive Dormand–Prince integrator with dense output for ODEs, seeded and replayable Brownian paths (with the
 * iterated integrals that order-1.5 schemes need, consistent across nested step sizes), an engine that steps any
 * scheme without allocating, saves or streams every k-th state and stops a diverging run with a diagnosis instead of
 * producing NaNs, and ensembles that run trajectories in parallel with results independent of the thread count; an
 * SDE that can step several states at once ({@link ddmatch.solve.LockStepEulerStep}) has its trajectories stepped in
 * lock step ({@link ddmatch.solve.LockStepIntegrator}), each with the bits it has alone. Independent computations run
 * side by side ({@link ddmatch.solve.IndependentTasks}) are independent of the thread count too; both follow {@link
 * ddmatch.solve.Parallelism}.
 */
package ddmatch.solve;
