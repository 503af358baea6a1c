/**
 * How chaotic is a flow, and how chaotic is the network that carries it: the leading Lyapunov exponents of any
 * deterministic system with a Jacobian or Jacobian-vector products, by the Benettin/Shimada–Nagashima QR method on the
 * tangent dynamics, with the Kaplan–Yorke dimension and block-wise convergence diagnostics
 * ({@link ddmatch.analysis.lyapunov.LyapunovSpectrum}). For a factored rate network ({@code J = U W}) the k tangent
 * vectors are propagated together in O(N·d·k) per step, so the spectrum of the full N-dimensional network is as cheap
 * to estimate as that of its target; the transverse exponents of such a network equal −1/τ exactly.
 */
package ddmatch.analysis.lyapunov;
