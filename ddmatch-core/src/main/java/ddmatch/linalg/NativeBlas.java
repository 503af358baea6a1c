package ddmatch.linalg;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The system's native BLAS and LAPACK, when they can be loaded at run time, for the Gram product {@code ΦᵀΦ} (a
 * symmetric rank-k update, {@code dsyrk}), its tridiagonalisation ({@code dsytrd}) and general matrix products
 * ({@code dgemm}: fitted values in the fit, the batch drift of a dense network in {@link MatrixProduct}).
 *
 * <p>The bridge is dev.ludovic.netlib's JNI binding to {@code libblas.so.3}: on Debian/Ubuntu that is whichever BLAS
 * the alternatives system selects, e.g. OpenBLAS after {@code apt-get install libopenblas0-pthread}. Without it (or
 * with {@code -Dddmatch.blas=java}) the pure-Java {@link GramProduct} kernel is used; the library never requires a
 * native library. netlib's own pure-Java fallback is not used: its {@code dsyrk} is an f2j translation, measured
 * 6× slower than {@link GramProduct} (see BENCHMARKS.md).
 *
 * <p>Reproducibility: the native result differs from the Java kernel's in the last bits (a different summation order;
 * max |difference| 7e-12 on a 1000 × 1000 Gram matrix of 3000 tanh features). OpenBLAS's {@code dsyrk} does not split
 * the inner (sample) dimension between threads, and was measured bit-identical for OPENBLAS_NUM_THREADS = 1, 2 and 8;
 * its threaded {@code dsytrd} is not (Lorenz N = 4000 selected a different λ with 1 and 2 threads), so the launcher
 * sets OPENBLAS_NUM_THREADS = 1 unless it is set. That thread count is OpenBLAS's own (the environment variable), not
 * {@code ddmatch.solve.Parallelism}.
 *
 * <p>When it is used: {@code -Dddmatch.blas=auto} (the default) loads the native library only if the environment sets
 * {@code OPENBLAS_NUM_THREADS=1}, as the launcher and the test build do; {@code -Dddmatch.blas=native} loads it whatever
 * the thread count; {@code -Dddmatch.blas=java} never. Besides the reproducibility above, a multi-threaded OpenBLAS
 * cannot be interrupted: SIGINT (Ctrl-C) during a threaded call made the JVM hang at exit instead of stopping with
 * status 130 (measured: {@code train lorenz --neurons 3000} interrupted inside the fit, still alive 30 s later with
 * OPENBLAS_NUM_THREADS = 2; exit 130 at once with 1), as OpenBLAS's exit-time clean-up waits for its busy worker threads.
 * With one thread the opposite can happen: the clean-up frees buffers a call still uses and the process crashes at
 * exit; a shutdown hook ({@link NativeCallGuard}) therefore lets the call in progress return first (at most 60 s).
 */
public final class NativeBlas {
    /** Kept strongly reachable: a logger's level is lost when the logger is collected. */
    private static final Logger NETLIB_LOG = Logger.getLogger("dev.ludovic.netlib");
    private static final BLAS INSTANCE = load();
    private static final dev.ludovic.netlib.lapack.LAPACK LAPACK = INSTANCE == null ? null : loadLapack();
    /** Longest wait at JVM exit for a native call to return (a tridiagonalisation at N = 4000 takes ~26 s). */
    private static final long EXIT_WAIT_SECONDS = 60;
    private static final NativeCallGuard GUARD = new NativeCallGuard();

    static {
        if (INSTANCE != null) {
            // See NativeCallGuard: without this, Ctrl-C during a native call could crash the process at exit.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> GUARD.awaitIdle(EXIT_WAIT_SECONDS, TimeUnit.SECONDS),
                    "ddmatch-native-blas-exit"));
        }
    }

    private NativeBlas() {}

    private static BLAS load() {
        if (!wanted(System.getProperty("ddmatch.blas", "auto"), System.getenv("OPENBLAS_NUM_THREADS"))) {
            return null;
        }
        // netlib logs a warning through java.util.logging for every implementation it fails to load; a missing
        // native BLAS is a normal configuration here, so those messages are silenced.
        NETLIB_LOG.setLevel(Level.OFF);
        try {
            return NativeBLAS.getInstance();
        } catch (Throwable notAvailable) {
            return null;
        }
    }

    /**
     * Whether to try the native library: never for {@code -Dddmatch.blas=java}, always for {@code native}, and for
     * {@code auto} (or anything else) only when {@code OPENBLAS_NUM_THREADS} is 1 (see the class comment).
     *
     * @param mode       the {@code ddmatch.blas} property
     * @param threadsEnv the {@code OPENBLAS_NUM_THREADS} environment variable, or null when unset
     */
    static boolean wanted(String mode, String threadsEnv) {
        String m = mode == null ? "auto" : mode.trim();
        if ("java".equalsIgnoreCase(m)) {
            return false;
        }
        return "native".equalsIgnoreCase(m) || (threadsEnv != null && "1".equals(threadsEnv.trim()));
    }

    private static dev.ludovic.netlib.lapack.LAPACK loadLapack() {
        try {
            return dev.ludovic.netlib.lapack.NativeLAPACK.getInstance();
        } catch (Throwable notAvailable) {
            return null;
        }
    }

    /** True when a native LAPACK ({@code liblapack.so.3}) was loaded as well. */
    public static boolean lapackAvailable() {
        return LAPACK != null;
    }

    /**
     * {@code out ← Φ W} (M × cols, row-major) by the native {@code dgemm}; false (out untouched) when no native BLAS is
     * loaded.
     *
     * @param phi row-major M × n
     * @param w   row-major n × cols
     */
    public static boolean multiply(double[] phi, int m, int n, double[] w, int cols, double[] out) {
        if (INSTANCE == null) {
            return false;
        }
        // Row-major matrices are column-major transposes: (ΦW)ᵀ = Wᵀ Φᵀ, with Wᵀ (cols × n) and Φᵀ (n × M).
        GUARD.enter();
        try {
            INSTANCE.dgemm("N", "N", cols, m, n, 1.0, w, cols, phi, n, 0.0, out, cols);
        } finally {
            GUARD.exit();
        }
        return true;
    }

    /**
     * {@code out ← X Aᵀ} (batch × rows, row-major) by the native {@code dgemm}: row β of the result holds the products
     * of state β (row β of X) with every row of A — the drift of a batch of states of a dense network,
     * {@code J φ(x_β)} for all β at once. False (out untouched) when no native BLAS is loaded.
     *
     * @param x     row-major batch × k
     * @param a     row-major rows × k
     * @param out   row-major batch × rows; must not be x or a
     */
    public static boolean multiplyByTranspose(double[] x, int batch, int k, double[] a, int rows, double[] out) {
        if (INSTANCE == null) {
            return false;
        }
        // Column-major, out is (X Aᵀ)ᵀ = A Xᵀ (rows × batch, ld = rows); row-major A is column-major Aᵀ (k × rows,
        // ld = k), hence "T", and row-major X is column-major Xᵀ (k × batch, ld = k).
        GUARD.enter();
        try {
            INSTANCE.dgemm("T", "N", rows, batch, k, 1.0, a, k, x, k, 0.0, out, rows);
        } finally {
            GUARD.exit();
        }
        return true;
    }

    /**
     * {@code k ← ΦΦᵀ} (M × M, both triangles) by the native {@code dsyrk} (the dual form, M &lt; F); false (k untouched)
     * when no native BLAS is loaded.
     *
     * @param phi row-major M × F
     * @param k   row-major M × M output
     */
    public static boolean gramOuter(double[] phi, int m, int f, double[] k) {
        if (INSTANCE == null) {
            return false;
        }
        // Row-major Φ is column-major Φᵀ (F × M); dsyrk('U', 'T') forms (Φᵀ)ᵀΦᵀ = ΦΦᵀ.
        GUARD.enter();
        try {
            INSTANCE.dsyrk("U", "T", m, f, 1.0, phi, f, 0.0, k, m);
        } finally {
            GUARD.exit();
        }
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                k[i * m + j] = k[j * m + i];
            }
        }
        return true;
    }

    /**
     * Householder tridiagonalisation by the native {@code dsytrd} (blocked: half its flops in {@code dsyr2k}) of the
     * row-major symmetric {@code a}, read as the column-major upper triangle; false (a untouched) when no native
     * LAPACK is loaded. Its workspace is n·(block size) doubles.
     */
    public static boolean tridiagonalize(double[] a, int n, double[] d, double[] e, double[] tau) {
        if (LAPACK == null || n < 1) {
            return false;
        }
        double[] query = new double[1];
        org.netlib.util.intW info = new org.netlib.util.intW(0);
        GUARD.enter();
        try {
            LAPACK.dsytrd("U", n, a, n, d, e, tau, query, -1, info);
        } finally {
            GUARD.exit();
        }
        if (info.val != 0) {
            return false;
        }
        double[] work = new double[Math.max(1, (int) query[0])];
        GUARD.enter();
        try {
            LAPACK.dsytrd("U", n, a, n, d, e, tau, work, work.length, info);
        } finally {
            GUARD.exit();
        }
        if (info.val != 0) {
            // dsytrd reports only illegal arguments, i.e. a bug here, not a property of the matrix.
            throw new IllegalStateException("dsytrd rejected argument " + (-info.val) + " for n = " + n);
        }
        return true;
    }

    /** True when a native BLAS was loaded. */
    public static boolean available() {
        return INSTANCE != null;
    }

    /** A one-line description of the Gram-product backend, e.g. for {@code train}'s output. */
    public static String describe() {
        return INSTANCE == null ? "Java kernels" : "native BLAS" + (LAPACK == null ? "" : "/LAPACK") + " ("
                + INSTANCE.getClass().getSimpleName() + " → libblas.so.3" + (LAPACK == null ? "" : ", liblapack.so.3") + ")";
    }

    /**
     * {@code g ← ΦᵀΦ} (both triangles) by the native {@code dsyrk}; false (g untouched) when no native BLAS is loaded.
     *
     * @param phi row-major M × F
     * @param g   row-major F × F output
     */
    public static boolean gram(double[] phi, int m, int f, double[] g) {
        if (INSTANCE == null) {
            return false;
        }
        // Row-major Φ (M × F) is column-major Φᵀ (F × M, lda = F); dsyrk('U', 'N') forms Φᵀ(Φᵀ)ᵀ = ΦᵀΦ into the
        // column-major upper triangle, which is the row-major lower triangle.
        GUARD.enter();
        try {
            INSTANCE.dsyrk("U", "N", f, m, 1.0, phi, f, 0.0, g, f);
        } finally {
            GUARD.exit();
        }
        for (int i = 0; i < f; i++) {
            for (int j = i + 1; j < f; j++) {
                g[i * f + j] = g[j * f + i];
            }
        }
        return true;
    }
}
