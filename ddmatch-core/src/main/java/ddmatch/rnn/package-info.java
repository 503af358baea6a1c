/**
 * The continuous-time rate network {@code τ dx = (−x + J φ(x) + b) dt + τ Σ dW'} of N neurons whose connectivity
 * {@code J = U W} is factored through a d-dimensional embedding {@code U}: its drift, diffusion and Jacobian-vector
 * products for the full N-dimensional state, the linear readout {@code z = μ + s ⊙ P(x − b)} that maps neural activity
 * back to the coordinates of the target system, and the embedding itself (orthogonal columns, tonic input outside
 * their span).
 */
package ddmatch.rnn;
