package ddmatch.fit;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Just-in-time compilation of the ridge fit's pure-Java kernels ahead of the first fit of a JVM, on a background
 * thread: the Vector API Gram kernel ({@link SimdGram#warmUp}), the Householder tridiagonalisation, the QL eigenvalues,
 * the shifted solves and applications of Q ({@link SymmetricTridiagonal}) and the GCV residuals
 * ({@link RidgeRegression#residualsJava}), each run on small random problems.
 *
 * <p>Why: in a new JVM these kernels start interpreted, then C1-compiled, and reach C2's code only after thousands of
 * calls; at F = 1000, M = 5000 on the 2-core development machine the first Gram product took ≈ 0.4–0.6 s against
 * 0.12 s once compiled (the Vector API also initialises its classes, ≈ 0.15 s, and in C1-compiled code every vector
 * operation allocates), and the first tridiagonalisation 0.41–0.46 s against 0.23 s (BENCHMARKS.md §000). The fit
 * starts this warm-up before it samples the target, which runs on one thread, so the compilation overlaps the
 * sampling on another core. Results never depend on it: the kernels are deterministic whichever code the JIT runs.
 */
final class FitWarmUp {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private FitWarmUp() {}

    /** Gram products below this many multiply-adds (M·F²/2) are not worth a warm-up thread. */
    static final double MIN_MULTIPLY_ADDS = 2.5e8;

    /**
     * Starts the warm-up thread, once per JVM, for a fit of {@code samples} × {@code features}; a no-op for fits
     * smaller than {@value #MIN_MULTIPLY_ADDS} multiply-adds in the Gram product (their first run costs little, and
     * the thread's own work would not pay for itself) and when a native BLAS/LAPACK is loaded (it does the work then).
     */
    static void start(int samples, int features) {
        if ((double) samples * features * features / 2 < MIN_MULTIPLY_ADDS || NativeBlas.available()
                || !STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(FitWarmUp::run, "ddmatch-fit-warm-up");
        t.setDaemon(true);
        t.start();
    }

    private static void run() {
        SimdGram simd = SimdGram.load();
        if (simd != null) {
            simd.warmUp();
        }
        // 60 reductions of order 48 (≈ 2,700 calls of the row pass, plus the solves and the residual kernel).
        SplittableRandom r = new SplittableRandom(1);
        int n = 48, m = 64, q = 3;
        double[] a = new double[n * n];
        double[] phi = new double[m * n];
        double[] y = new double[m * q];
        double[] w = new double[n * 2 * q];
        for (int i = 0; i < phi.length; i++) phi[i] = r.nextDouble(-1, 1);
        for (int i = 0; i < y.length; i++) y[i] = r.nextDouble(-1, 1);
        for (int rep = 0; rep < 60; rep++) {
            GramProduct.computeScalar(phi, m, n, a, 1);
            SymmetricTridiagonal t = SymmetricTridiagonal.reduce(a, n, 1, false);
            t.eigenvalues();
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < q; c++) w[i * 2 * q + c] = w[i * 2 * q + q + c] = phi[i] * (c + 1);
            }
            t.applyQTranspose(w, 2 * q);
            t.solveShifted(1e-3, w, 2 * q, 0, q);
            t.solveShifted(1e-1, w, 2 * q, q, q);
            t.applyQ(w, 2 * q);
            RidgeRegression.residualsJava(phi, m, n, y, q, w, 2 * q);
        }
    }
}
