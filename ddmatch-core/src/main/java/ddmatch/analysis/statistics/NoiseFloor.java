package ddmatch.analysis.statistics;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The noise floor of a divergence: its value between two <em>independent</em> runs of the target itself. A model
 * cannot be told apart from its target below this level, so every model value must be reported next to it
 * (DESIGN §1.7).
 *
 * <p>The runs must be statistically independent: different noise <em>and</em> independent initial conditions (for a
 * chaotic ODE, initial conditions drawn independently, each followed by a discarded transient). Two shifted windows
 * of one long orbit are not independent — consecutive windows share the slow components of the dynamics and, for an
 * ODE, one deterministic orbit — and give a floor that is too low. {@link Run} receives a seed and must derive
 * everything random from it.
 */
public final class NoiseFloor {
    private NoiseFloor() {}

    /** An independent run of the target for a seed (e.g. a row-major trajectory). */
    @FunctionalInterface
    public interface Run {
        double[] generate(long seed);
    }

    /** A divergence between a reference and another trajectory. */
    @FunctionalInterface
    public interface Divergence {
        double between(double[] reference, double[] other);
    }

    /**
     * @param mean              mean of the divergence over the pairs
     * @param standardDeviation sample standard deviation over the pairs (0 for a single pair)
     * @param values            the divergence of every pair
     */
    public record Result(double mean, double standardDeviation, double[] values) {
        public Result {
            values = values.clone();
        }

        @Override public double[] values() { return values.clone(); }

        @Override
        public boolean equals(Object o) {
            return o instanceof Result r && Arrays.equals(values, r.values);
        }

        @Override public int hashCode() { return Arrays.hashCode(values); }

        @Override public String toString() { return "NoiseFloor.Result[mean=" + mean + ", sd=" + standardDeviation + "]"; }
    }

    /**
     * The divergence between {@code pairs} pairs of independent runs; the 2·pairs run seeds are distinct and drawn from
     * {@code seed}.
     *
     * @param pairs number of pairs ≥ 1
     */
    public static Result estimate(Run run, Divergence divergence, int pairs, long seed) {
        StatChecks.atLeast("pairs", pairs, 1);
        SplittableRandom rng = new SplittableRandom(seed);
        long[] seeds = new long[2 * pairs];
        for (int i = 0; i < seeds.length; i++) {
            long s;
            boolean dup;
            do {
                s = rng.nextLong();
                dup = false;
                for (int j = 0; j < i; j++) dup |= seeds[j] == s;
            } while (dup);
            seeds[i] = s;
        }
        double[] values = new double[pairs];
        double mean = 0;
        for (int p = 0; p < pairs; p++) {
            values[p] = divergence.between(run.generate(seeds[2 * p]), run.generate(seeds[2 * p + 1]));
            mean += values[p];
        }
        mean /= pairs;
        double ss = 0;
        for (double v : values) ss += (v - mean) * (v - mean);
        return new Result(mean, pairs > 1 ? Math.sqrt(ss / (pairs - 1)) : 0.0, values);
    }
}
