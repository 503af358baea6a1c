package ddmatch.sde.input;

/**
 * A step: {@code u(t) = before} for {@code t < time} and {@code u(t) = after} from {@code t = time} on (right
 * continuous, like the Heaviside convention {@code H(0) = 1} of the user-system expressions).
 *
 * @param time   the switching time
 * @param before the value before the step (0 in specs that omit it)
 * @param after  the value from the step on
 */
public record Step(double time, double before, double after) implements InputSchedule {
    /** Validates that all three numbers are finite. */
    public Step {
        Checks.requireFinite("step input", "time", time);
        Checks.requireFinite("step input", "before", before);
        Checks.requireFinite("step input", "after", after);
    }

    @Override
    public double value(double t) {
        return t < time ? before : after;
    }
}
