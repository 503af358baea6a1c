package ddmatch.solve;

import java.util.SplittableRandom;

/**
 * Seeded standard normal variates by the Marsaglia polar method on {@link SplittableRandom}: JDK-independent and
 * allocation-free after construction. Not thread safe: one instance per thread or trajectory.
 */
public final class StandardNormal {
    private SplittableRandom random;
    private double spare;
    private boolean hasSpare;

    public StandardNormal(long seed) {
        reseed(seed);
    }

    /** Restarts the sequence as if newly constructed with {@code seed}. */
    public void reseed(long seed) {
        random = new SplittableRandom(seed);
        hasSpare = false;
    }

    /** The next N(0, 1) variate. */
    public double next() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u, v, s;
        do {
            u = 2.0 * random.nextDouble() - 1.0;
            v = 2.0 * random.nextDouble() - 1.0;
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
