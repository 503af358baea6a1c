package ddmatch.solve;

/**
 * Seeded standard normal variates by the Marsaglia polar method on the SplitMix64 generator: JDK-independent,
 * allocation-free after construction, and resumable. Not thread safe: one instance per thread or trajectory.
 *
 * <p>SplitMix64 (G. L. Steele, D. Lea and C. H. Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014)
 * is counter-based: its k-th output is a fixed mixing function of {@code seed + k·γ}. The generator is written out here
 * rather than taken from {@link java.util.SplittableRandom} (whose sequence for {@code new SplittableRandom(seed)} it
 * reproduces bit for bit) because its whole state is then one {@code long} plus the polar method's spare variate, which
 * {@link #state()} exposes and {@link #restore(State)} reinstates: a checkpointed simulation resumes on exactly the
 * numbers an uninterrupted one would have drawn.
 */
public final class StandardNormal {
    /** The golden-ratio increment γ of SplitMix64 (odd, so the counter visits every long). */
    private static final long GAMMA = 0x9E3779B97F4A7C15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long counter;
    private double spare;
    private boolean hasSpare;

    /**
     * Where a stream stands: the SplitMix64 counter and the polar method's pending second variate.
     *
     * @param counter  the generator's state ({@code seed + k·γ} after k uniforms)
     * @param hasSpare whether a variate is pending
     * @param spare    the pending variate (0 when there is none)
     */
    public record State(long counter, boolean hasSpare, double spare) {
        public State {
            if (!hasSpare && spare != 0.0) {
                throw new IllegalArgumentException("State.spare = " + spare + " is not allowed without a pending variate;"
                        + " it must be 0 when hasSpare is false");
            }
            if (hasSpare && !Double.isFinite(spare)) {
                throw new IllegalArgumentException("State.spare = " + spare + " is not allowed; it must be finite");
            }
        }
    }

    public StandardNormal(long seed) {
        reseed(seed);
    }

    /** Restarts the sequence as if newly constructed with {@code seed}. */
    public void reseed(long seed) {
        counter = seed;
        spare = 0.0;
        hasSpare = false;
    }

    /** The current position of the stream; {@link #restore(State)} with it replays everything drawn afterwards. */
    public State state() {
        return new State(counter, hasSpare, hasSpare ? spare : 0.0);
    }

    /** Puts the stream back to {@code state}. */
    public void restore(State state) {
        counter = state.counter();
        hasSpare = state.hasSpare();
        spare = state.spare();
    }

    /** The next uniform in [0, 1) with 53 random bits. */
    private double nextUniform() {
        long z = (counter += GAMMA);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * DOUBLE_UNIT;
    }

    /** The next N(0, 1) variate. */
    public double next() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u, v, s;
        do {
            u = 2.0 * nextUniform() - 1.0;
            v = 2.0 * nextUniform() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        double f = Math.sqrt(-2.0 * Math.log(s) / s);
        spare = v * f;
        hasSpare = true;
        return u * f;
    }

    /** Fills {@code out[from..to)} with N(0, 1) variates. */
    public void fill(double[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = next();
        }
    }
}
