package ddmatch.sde.input;

/**
 * The constant input {@code u(t) = value}.
 *
 * @param value the input, finite
 */
public record Constant(double value) implements InputSchedule {
    /** Validates the value. */
    public Constant {
        Checks.requireFinite("constant input", "value", value);
    }

    @Override
    public double value(double t) {
        return value;
    }

    @Override
    public boolean isConstant() {
        return true;
    }
}
