package ddmatch.sde.input;

/**
 * A periodic train of rectangular pulses: {@code u(t) = amplitude} when {@code t ≥ start} and
 * {@code (t − start) mod period < width}, and 0 otherwise. Each pulse is closed on the left and open on the right, so
 * the first pulse covers {@code [start, start + width)}.
 *
 * @param period    time between pulse onsets (&gt; 0)
 * @param width     pulse duration (&gt; 0 and ≤ period; equal to the period gives a constant after {@code start})
 * @param amplitude the value during a pulse
 * @param start     onset of the first pulse (0 in specs that omit it)
 */
public record PulseTrain(double period, double width, double amplitude, double start) implements InputSchedule {
    /** Validates the timing. */
    public PulseTrain {
        Checks.requireFinite("pulse train", "amplitude", amplitude);
        Checks.requireFinite("pulse train", "start", start);
        if (!(period > 0) || !Double.isFinite(period)) {
            throw new IllegalArgumentException("pulse train: period = " + period + " is not allowed; it must be finite and > 0");
        }
        if (!(width > 0) || width > period) {
            throw new IllegalArgumentException("pulse train: width = " + width + " is not allowed; it must be > 0 and ≤ period ("
                    + period + ")");
        }
    }

    @Override
    public double value(double t) {
        if (t < start) {
            return 0.0;
        }
        // Phase by subtracting whole periods; floor keeps it in [0, period) also for huge t.
        double s = t - start;
        double phase = s - Math.floor(s / period) * period;
        return phase < width ? amplitude : 0.0;
    }
}
