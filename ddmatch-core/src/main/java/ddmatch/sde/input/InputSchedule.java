package ddmatch.sde.input;

/**
 * A scalar external input {@code u(t)}. Implementations are immutable, allocate nothing in {@link #value} and accept any
 * finite time, before or after the interval where they are defined (what they return there is documented by each).
 */
public sealed interface InputSchedule permits Constant, Step, PulseTrain, PiecewiseLinear {

    /**
     * The input at time {@code t}.
     *
     * @param t time, in the time units of the system the input drives
     * @return {@code u(t)}
     */
    double value(double t);

    /** Whether {@link #value} is the same at every time (a constant); lets a system treat the input as a parameter. */
    default boolean isConstant() {
        return false;
    }

    /**
     * The smallest and largest value the schedule takes at any time, {@code {min, max}}: what a network driven by it
     * must be trained for.
     */
    default double[] range() {
        if (this instanceof Constant c) {
            return new double[] {c.value(), c.value()};
        } else if (this instanceof Step s) {
            return new double[] {Math.min(s.before(), s.after()), Math.max(s.before(), s.after())};
        } else if (this instanceof PulseTrain pt) {
            // Before the first pulse and between pulses the train is 0 (unless the pulses fill the period).
            return pt.width() == pt.period() && pt.start() <= 0 ? new double[] {pt.amplitude(), pt.amplitude()}
                    : new double[] {Math.min(0.0, pt.amplitude()), Math.max(0.0, pt.amplitude())};
        } else {
            double[] v = ((PiecewiseLinear) this).values();
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (double x : v) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
            return new double[] {lo, hi};
        }
    }

}
