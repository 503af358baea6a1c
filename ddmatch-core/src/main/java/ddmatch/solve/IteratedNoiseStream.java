package ddmatch.solve;

/**
 * A {@link NoiseStream} that also provides, for each interval, the iterated Itô integral
 * {@code I_(k,0) = ∫_{t0}^{t1} (W_k(s) − W_k(t0)) ds} of every component (Kloeden &amp; Platen's {@code ΔZ}), which
 * schemes of strong order 1.5 for additive noise need ({@link Sra1}).
 *
 * <p>Given {@code ΔW ~ N(0, h)} over a step of length {@code h}, {@code ΔZ} is Gaussian with mean 0, variance
 * {@code h³/3} and covariance {@code h²/2} with {@code ΔW}; it is sampled exactly as
 * {@code ΔZ = ½ h (ΔW + ΔU/√3)} with {@code ΔU ~ N(0, h)} independent of {@code ΔW} (P. E. Kloeden and E. Platen,
 * <i>Numerical Solution of Stochastic Differential Equations</i>, Springer 1992, §10.4, eq. (4.3)).
 */
public interface IteratedNoiseStream extends NoiseStream {

    /**
     * Writes {@code ΔW = W(t1) − W(t0)} into {@code dW[0..m)} and {@code ΔZ = ∫_{t0}^{t1} (W(s) − W(t0)) ds} into
     * {@code dZ[0..m)}; successive calls (of either {@code increment} method) must cover consecutive intervals.
     */
    void increment(double t0, double t1, double[] dW, double[] dZ);
}
