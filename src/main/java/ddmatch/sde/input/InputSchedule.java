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

}
