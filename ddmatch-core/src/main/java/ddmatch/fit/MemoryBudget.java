package ddmatch.fit;

/**
 * Refuses, before anything is allocated, a computation whose arrays would not fit in the JVM's heap, with the
 * estimate and what to change: an out-of-memory error half-way through a long fit explains nothing and may leave
 * the JVM unusable.
 */
public final class MemoryBudget {
    private MemoryBudget() {}

    /** Bytes the heap can still grow to hold: the maximum heap minus what is in use now. */
    public static long available() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /**
     * @param what  the computation, e.g. {@code "the ridge fit with N = 100000, M = 5000"}
     * @param bytes its estimated peak of live arrays
     * @param hint  what the user can change, e.g. {@code "use fewer --neurons or --samples"}
     * @throws IllegalArgumentException if {@code bytes} exceeds {@link #available()}
     */
    public static void require(String what, long bytes, String hint) {
        long free = available();
        if (bytes > free) {
            throw new IllegalArgumentException(String.format(
                    "%s needs about %.2f GiB of memory but the JVM can use only %.2f GiB more (maximum heap %.2f GiB); %s, "
                            + "or raise the heap (e.g. DDMATCH_JAVA_OPTS=-Xmx16g)",
                    what, bytes / 1073741824.0, free / 1073741824.0, Runtime.getRuntime().maxMemory() / 1073741824.0, hint));
        }
    }

    /** The peak bytes of {@link RidgeRegression#fit} for M samples, F features and q outputs. */
    public static long ridgeBytes(long m, long f, long q) {
        long n = Math.min(m, f);
        // The Gram matrix (tridiagonalised in place), the GCV block of solutions for up to 17 λ at once (n × 17q),
        // dsytrd's workspace (n × 64 at most), the fitted values of one λ block (4 rows × 17q) and the outputs.
        return 8L * (n * n + 17 * n * q + 64 * n + m * q + 4 * f * q);
    }

    /** The peak bytes of a closed-form drift match: the feature matrix plus the ridge fit. */
    public static long driftMatchBytes(long m, long f, long d) {
        return 8L * m * f + ridgeBytes(m, f, d) + 8L * m * d * 2;
    }
}
