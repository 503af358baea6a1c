package ddmatch.analysis;

import java.util.Arrays;

/**
 * Residence (dwell) times of a scalar series in two metastable states, found by hysteresis (two-threshold) assignment.
 *
 * <p><b>Algorithm.</b> The state is undefined until the series first leaves the band {@code [lower, upper]}; from then
 * on it becomes {@code +1} at every sample with {@code x > upper}, {@code −1} at every sample with {@code x < lower},
 * and otherwise keeps its previous value. Requiring the series to cross the whole band before a switch is counted
 * suppresses the spurious rapid re-crossings that a single threshold registers near the barrier ("transition-path" or
 * "core-set" assignment). A <em>switch</em> is a sample at which the (defined) state changes; a residence time is the
 * time between two consecutive switches, {@code (k_{i+1} − k_i) · dt}. The partial residence before the first switch
 * and the incomplete one after the last switch are dropped, so {@code t} switches give {@code t − 1} residence times.
 *
 * <p>For the overdamped double well {@code dz = (z − z³) dt + σ dW}, the mean residence time approaches Kramers' value
 * {@code 2π/√(|V''(0)| V''(1)) · exp(2ΔV/σ²)} for small σ (H. A. Kramers, Physica 7, 284 (1940); P. Hänggi, P. Talkner,
 * M. Borkovec, Rev. Mod. Phys. 62, 251 (1990)).
 */
public final class ResidenceTimes {

    private ResidenceTimes() {}

    /**
     * Complete residences of one series.
     *
     * @param times        duration of each complete residence, in the time units of {@code dt}, in order of
     *                     occurrence; each finite and &gt; 0
     * @param states       state ({@code +1} or {@code −1}) occupied during each residence, same length as
     *                     {@code times}
     * @param transitions  number of switches observed, ≥ 0; {@code times.length = max(0, transitions − 1)}
     * @param upperCount   number of complete residences in state {@code +1}
     * @param lowerCount   number of complete residences in state {@code −1}
     */
    public record Result(double[] times, int[] states, int transitions, int upperCount, int lowerCount) {
        public Result {
            Checks.notNull("times", times);
            Checks.notNull("states", states);
            if (states.length != times.length) {
                throw new IllegalArgumentException("parameter 'states' has length " + states.length
                        + ", which is not allowed; it must equal the length of 'times' (" + times.length + ")");
            }
            if (transitions < 0 || times.length != Math.max(0, transitions - 1)) {
                throw new IllegalArgumentException("parameter 'transitions' = " + transitions
                        + " is not allowed; it must be ≥ 0 and equal times.length + 1 = " + (times.length + 1)
                        + " when there are residence times (0 or 1 when there are none)");
            }
            int up = 0, down = 0;
            for (int i = 0; i < times.length; i++) {
                if (!Double.isFinite(times[i]) || times[i] <= 0) {
                    throw new IllegalArgumentException("parameter 'times' has " + times[i] + " at index " + i
                            + ", which is not allowed; residence times must be finite and > 0");
                }
                if (states[i] == 1) up++;
                else if (states[i] == -1) down++;
                else {
                    throw new IllegalArgumentException("parameter 'states' has " + states[i] + " at index " + i
                            + ", which is not allowed; states are +1 or -1");
                }
            }
            if (upperCount != up || lowerCount != down) {
                throw new IllegalArgumentException("parameters 'upperCount' = " + upperCount + " and 'lowerCount' = "
                        + lowerCount + " are not allowed; they must count the +1 and -1 entries of 'states' ("
                        + up + " and " + down + ")");
            }
            times = times.clone();
            states = states.clone();
        }

        /** A copy of the residence durations. */
        @Override public double[] times() { return times.clone(); }

        /** A copy of the state of each residence. */
        @Override public int[] states() { return states.clone(); }

        /** Number of complete residences (both states). */
        public int count() { return times.length; }

        /** Mean residence time over both states; {@code NaN} if there is none. */
        public double mean() {
            return meanOf(0);
        }

        /** Mean residence time in {@code state} ({@code +1} or {@code −1}); {@code NaN} if there is none. */
        public double mean(int state) {
            requireState(state);
            return meanOf(state);
        }

        /**
         * Standard error of {@link #mean()}, {@code s/√N} with the sample standard deviation {@code s} (denominator
         * {@code N − 1}); {@code NaN} for fewer than 2 residences. Consecutive residences of a Markovian two-state
         * switch are independent, so no correlation correction is applied.
         */
        public double standardError() {
            int n = times.length;
            if (n < 2) return Double.NaN;
            double mean = meanOf(0), ss = 0.0;
            for (double t : times) {
                ss += (t - mean) * (t - mean);
            }
            return Math.sqrt(ss / (n - 1) / n);
        }

        private double meanOf(int state) {
            double sum = 0.0;
            int k = 0;
            for (int i = 0; i < times.length; i++) {
                if (state == 0 || states[i] == state) {
                    sum += times[i];
                    k++;
                }
            }
            return k == 0 ? Double.NaN : sum / k;
        }

        private static void requireState(int state) {
            if (state != 1 && state != -1) {
                throw new IllegalArgumentException("parameter 'state' = " + state
                        + " is not allowed; it must be +1 or -1");
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Result r && transitions == r.transitions && upperCount == r.upperCount
                    && lowerCount == r.lowerCount && Arrays.equals(times, r.times) && Arrays.equals(states, r.states);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(times) + Arrays.hashCode(states) + 7 * transitions;
        }

        @Override
        public String toString() {
            return "ResidenceTimes.Result[count=" + times.length + ", transitions=" + transitions + ", mean="
                    + mean() + ", standardError=" + standardError() + ", upperCount=" + upperCount
                    + ", lowerCount=" + lowerCount + "]";
        }
    }

    /**
     * Residence times of {@code x} with hysteresis thresholds {@code lower ≤ upper}.
     *
     * @param x     the scalar series, sampled at interval {@code dt}; at least 2 samples, finite
     * @param dt    sampling interval (time units), finite and &gt; 0
     * @param lower lower threshold: the state becomes −1 when {@code x < lower}; finite
     * @param upper upper threshold: the state becomes +1 when {@code x > upper}; finite, ≥ {@code lower}
     * @return the complete residences
     * @throws IllegalArgumentException on invalid input, naming the parameter
     */
    public static Result of(double[] x, double dt, double lower, double upper) {
        Checks.rows("x", x, 1, 2);
        Checks.positive("dt", dt);
        Checks.finite("lower", lower);
        Checks.finite("upper", upper);
        if (upper < lower) {
            throw new IllegalArgumentException("parameter 'upper' = " + upper
                    + " is not allowed; it must be ≥ 'lower' = " + lower);
        }
        // First pass: count switches, so that the output arrays are allocated once.
        int state = 0, switches = 0;
        for (double v : x) {
            int s = v > upper ? 1 : (v < lower ? -1 : state);
            if (state != 0 && s != state) switches++;
            state = s;
        }
        int count = Math.max(0, switches - 1);
        double[] times = new double[count];
        int[] states = new int[count];
        state = 0;
        int last = -1, r = 0, up = 0;
        for (int k = 0; k < x.length; k++) {
            double v = x[k];
            int s = v > upper ? 1 : (v < lower ? -1 : state);
            if (state != 0 && s != state) {
                if (last >= 0) {
                    times[r] = (k - last) * dt;
                    states[r] = state;
                    if (state == 1) up++;
                    r++;
                }
                last = k;
            }
            state = s;
        }
        return new Result(times, states, switches, up, count - up);
    }
}
