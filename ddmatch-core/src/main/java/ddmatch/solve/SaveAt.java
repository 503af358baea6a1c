package ddmatch.solve;

/**
 * Which states a run records.
 *
 * @param every          record every {@code every}-th step (≥ 1)
 * @param includeInitial whether the initial state is recorded as the first row
 */
public record SaveAt(int every, boolean includeInitial) {
    public SaveAt {
        if (every < 1) {
            throw new IllegalArgumentException("SaveAt.every = " + every + " is not allowed; it must be ≥ 1 (record every k-th step)");
        }
    }

    /** Every step, initial state included. */
    public static SaveAt everyStep() {
        return new SaveAt(1, true);
    }

    /** Number of rows recorded over {@code steps} steps. */
    public long rows(long steps) {
        return steps / every + (includeInitial ? 1 : 0);
    }
}
