package ddmatch.solve;

/**
 * The process-wide number of worker threads that parallel kernels use when the caller does not pass one: the fit's Gram
 * product and {@link Ensemble#allProcessors()}. Every parallel kernel in ddmatch splits its work so that each number is
 * computed by one thread in a fixed order, so results are bit-identical for any thread count; this setting only trades
 * speed for cores. The command line sets it once from {@code --threads}; the default is every available processor.
 */
public final class Parallelism {
    private static volatile int threads = 0;

    private Parallelism() {}

    /** The thread count in force: the last value given to {@link #setThreads(int)}, or every available processor. */
    public static int threads() {
        int t = threads;
        return t > 0 ? t : Runtime.getRuntime().availableProcessors();
    }

    /**
     * @param count worker threads (≥ 1), or 0 for every available processor
     */
    public static void setThreads(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("threads = " + count + " is not allowed; it must be ≥ 1, or 0 for all cores");
        }
        threads = count;
    }
}
