package ddmatch.analysis.metastability;

import java.util.Arrays;

/**
 * Statistics of a discrete state sequence (from {@link CoreSets}): residence times per state, counts of jumps between
 * distinct states, the jump (embedded-chain) transition matrix, and for states arranged on a ring 0 → 1 → … → K−1 → 0
 * the cyclic-order fraction and the cycle affinity.
 *
 * <p><b>Definitions.</b> A jump is a change of state between consecutive assigned samples; a residence is the time
 * between two consecutive jumps, {@code (k_{i+1} − k_i)·Δt}, attributed to the state occupied in between (the partial
 * residences before the first and after the last jump are dropped). {@code C_ij} counts jumps i → j (i ≠ j) and
 * {@code P_ij = C_ij / Σ_j C_ij}. On a ring of K ≥ 3 states, the cyclic fraction is
 * {@code Σ_i C_{i,i+1} / Σ_i (C_{i,i+1} + C_{i+1,i})} (indices mod K): the fraction of jumps to a neighbour that go
 * forward; and the cycle affinity is {@code A = log(Π_i P_{i,i+1} / Π_i P_{i+1,i})}, the log-ratio of the
 * probabilities of running the cycle forward and backward (Schnakenberg's affinity of the cycle of the jump chain); it
 * is 0 under detailed balance.
 *
 * <p>Reference: J. Schnakenberg, "Network theory of microscopic and macroscopic behavior of master equation systems",
 * Rev. Mod. Phys. 48, 571 (1976).
 */
public final class Transitions {

    /**
     * @param states         number of states K
     * @param dt             sampling interval of the sequence
     * @param counts         jump counts C, row-major K × K, zero diagonal
     * @param residenceTimes per state, its complete residence durations in order of occurrence
     */
    public record Result(int states, double dt, long[] counts, double[][] residenceTimes) {
        public Result {
            counts = counts.clone();
            double[][] copy = new double[residenceTimes.length][];
            for (int i = 0; i < copy.length; i++) copy[i] = residenceTimes[i].clone();
            residenceTimes = copy;
            if (counts.length != states * states || residenceTimes.length != states) {
                throw new IllegalArgumentException("Result sizes are not allowed: counts " + counts.length
                        + " entries and " + residenceTimes.length + " residence lists for K = " + states);
            }
        }

        @Override public long[] counts() { return counts.clone(); }

        @Override
        public double[][] residenceTimes() {
            double[][] copy = new double[states][];
            for (int i = 0; i < states; i++) copy[i] = residenceTimes[i].clone();
            return copy;
        }

        /** Jumps i → j. */
        public long count(int i, int j) { return counts[i * states + j]; }

        /** Total number of jumps. */
        public long jumps() {
            long s = 0;
            for (long c : counts) s += c;
            return s;
        }

        /** The jump-chain transition matrix, row-major K × K; a row with no jumps is all NaN. */
        public double[] transitionMatrix() {
            double[] p = new double[states * states];
            for (int i = 0; i < states; i++) {
                long row = 0;
                for (int j = 0; j < states; j++) row += counts[i * states + j];
                for (int j = 0; j < states; j++) p[i * states + j] = row == 0 ? Double.NaN : (double) counts[i * states + j] / row;
            }
            return p;
        }

        /** Mean residence time in state i; NaN without complete residences. */
        public double meanResidenceTime(int i) {
            double[] t = residenceTimes[i];
            if (t.length == 0) return Double.NaN;
            double s = 0;
            for (double v : t) s += v;
            return s / t.length;
        }

        /** Mean over all complete residences of all states; NaN if there are none. */
        public double meanResidenceTime() {
            double s = 0;
            int n = 0;
            for (double[] t : residenceTimes) {
                for (double v : t) s += v;
                n += t.length;
            }
            return n == 0 ? Double.NaN : s / n;
        }

        /** Standard error s/√n of {@link #meanResidenceTime()} over all residences (NaN for fewer than 2). */
        public double meanResidenceTimeStandardError() {
            double mean = meanResidenceTime();
            double ss = 0;
            int n = 0;
            for (double[] t : residenceTimes) {
                for (double v : t) ss += (v - mean) * (v - mean);
                n += t.length;
            }
            return n < 2 ? Double.NaN : Math.sqrt(ss / (n - 1) / n);
        }

        /** Fraction of neighbour jumps on the ring 0 → 1 → … → K−1 → 0 that go forward (K ≥ 3); NaN without any. */
        public double cyclicFraction() {
            requireRing();
            long fwd = 0, bwd = 0;
            for (int i = 0; i < states; i++) {
                int next = (i + 1) % states;
                fwd += count(i, next);
                bwd += count(next, i);
            }
            return fwd + bwd == 0 ? Double.NaN : (double) fwd / (fwd + bwd);
        }

        /** The cycle affinity {@code log(Π P_{i,i+1} / Π P_{i+1,i})} of the ring (K ≥ 3); ±∞ if a ring jump was never seen. */
        public double cycleAffinity() {
            requireRing();
            double[] p = transitionMatrix();
            double a = 0;
            for (int i = 0; i < states; i++) {
                int next = (i + 1) % states;
                a += Math.log(p[i * states + next]) - Math.log(p[next * states + i]);
            }
            return a;
        }

        private void requireRing() {
            if (states < 3) {
                throw new IllegalStateException("a ring needs K ≥ 3 states; this sequence has K = " + states);
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Result r && states == r.states && Double.compare(dt, r.dt) == 0
                    && Arrays.equals(counts, r.counts) && Arrays.deepEquals(residenceTimes, r.residenceTimes);
        }

        @Override public int hashCode() { return Arrays.hashCode(counts); }

        @Override public String toString() { return "Transitions.Result[K=" + states + ", counts=" + Arrays.toString(counts) + "]"; }
    }

    private Transitions() {}

    /**
     * @param states a sequence in −1..K−1 (−1: unassigned, only before the first assigned sample)
     * @param k      number of states K ≥ 2
     * @param dt     sampling interval &gt; 0
     */
    public static Result of(int[] states, int k, double dt) {
        if (k < 2) {
            throw new IllegalArgumentException("parameter 'k' = " + k + " is not allowed; it must be ≥ 2");
        }
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException("parameter 'dt' = " + dt + " is not allowed; it must be finite and > 0");
        }
        long[] counts = new long[k * k];
        int[] nRes = new int[k];
        int prev = -1;
        int last = -1;
        for (int i = 0; i < states.length; i++) {
            int s = states[i];
            if (s < -1 || s >= k || (s == -1 && prev != -1)) {
                throw new IllegalArgumentException("parameter 'states' has " + s + " at index " + i
                        + ", which is not allowed; states are in 0.." + (k - 1) + ", or −1 before the first assignment");
            }
            if (prev >= 0 && s != prev) {
                counts[prev * k + s]++;
                if (last >= 0) nRes[prev]++;
                last = i;
            }
            prev = s;
        }
        double[][] res = new double[k][];
        for (int c = 0; c < k; c++) res[c] = new double[nRes[c]];
        int[] fill = new int[k];
        prev = -1;
        last = -1;
        for (int i = 0; i < states.length; i++) {
            int s = states[i];
            if (prev >= 0 && s != prev) {
                if (last >= 0) res[prev][fill[prev]++] = (i - last) * dt;
                last = i;
            }
            prev = s;
        }
        return new Result(k, dt, counts, res);
    }
}
