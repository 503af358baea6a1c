package ddmatch.linalg;

/**
 * The product {@code out = X Aᵀ} of two row-major matrices with a common inner dimension k: X is batch × k (one state
 * per row), A is rows × k, and row β of the result (batch × rows) holds {@code A x_β}. With A a dense connectivity J
 * and X the activities φ(x_β) of B states this is the drift of a batch of states of a dense network, 2·B·N² flops.
 *
 * <p><b>Backends.</b> {@link #multiplyByTransposeFastest} uses the native {@code dgemm} when {@link NativeBlas} loaded
 * one, else {@link #multiplyByTranspose}, the pure-Java kernel. That kernel is, when the JVM runs with
 * {@code --add-modules jdk.incubator.vector} (and {@code -Dddmatch.kernel=scalar} is not set), a Vector API
 * micro-kernel ({@code VectorProduct}): X is packed into panels of W·L states (L doubles per vector; W = 4 with
 * 512-bit vectors, else 2) stored k-major, so that each step of the inner loop loads W vectors of states, broadcasts
 * one entry of each of 4 rows of A and adds 4·W fused multiply-adds into accumulators held in registers, with k above
 * 2048 cut into cache blocks; this is the register-blocked micro-kernel over packed panels of K. Goto and R. A. van de
 * Geijn, <i>Anatomy of high-performance matrix multiplication</i>, ACM TOMS 34(3), 2008 (see BENCHMARKS.md for what it
 * reaches). Without the module, a scalar kernel computes 4 rows of A × 4 states at a time in 16 independent accumulators (8 loads per 16 multiply-adds) over
 * the unpacked rows.
 *
 * <p><b>Summation order.</b> Every entry is summed over k in increasing order: the scalar kernel by {@code s += a·x}
 * (rounded product, then sum), the vector kernel by fused multiply-adds. The backends therefore differ in the last
 * bits from each other and from a 4-accumulator dot product; each is deterministic and independent of how states are
 * grouped into batches (padding states are zeros in their own lanes).
 *
 * <p><b>Matrix–vector.</b> {@link #multiply} writes {@code A x} for one vector (the drift of one state of a dense
 * network, 2·N² flops that read all of J once, so memory-bound at large N, as BLAS {@code dgemv} is). It is always a
 * Java kernel (a native call's overhead is not worth it for one vector): with the Vector API, blocks of eight rows that
 * share each vector load of x, one vector FMA chain per row (eight independent chains), the lanes added in lane order
 * and the {@code k mod L} last columns as scalar fused multiply-adds; without it, each row's dot product on four scalar partial
 * sums ({@code rowDot}). The two differ in the last bits (to rounding relative to {@code Σ|a_iκ x_κ|}); both are
 * deterministic, single-threaded, and the vector one gives the same bits for the same vector width L (it depends on
 * L, i.e. on the machine's vector size, like {@code ddmatch.rnn}'s vector kernels).
 */
public final class MatrixProduct {
    /** Rows of A per tile (both kernels). */
    static final int ROWS = 4;

    private static final SimdProduct SIMD = SimdProduct.load();

    private MatrixProduct() {}

    /** A short description of the pure-Java kernel in use, e.g. {@code "Vector API, 8 × double (512 bits)"}. */
    public static String javaKernel() {
        return SIMD == null ? "scalar, 4 × 4 register blocks" : SIMD.description();
    }

    /**
     * Entries of scratch space {@link #multiplyByTranspose} needs: the packed panels of X for the Vector API kernel
     * (k × batch rounded up to whole panels), none for the scalar kernel.
     */
    public static int scratchLength(int batch, int k) {
        return SIMD == null ? 0 : SIMD.scratchLength(batch, k);
    }

    /**
     * Writes {@code X Aᵀ} into {@code out} with the fastest backend available: the native BLAS when one was loaded
     * ({@link NativeBlas}, {@code -Dddmatch.blas}), else {@link #multiplyByTranspose}. The two differ in the last bits.
     *
     * @return true if the native BLAS was used
     */
    public static boolean multiplyByTransposeFastest(double[] x, int batch, int k, double[] a, int rows, double[] out,
                                                     double[] scratch, int scratchOffset) {
        check(x, batch, k, a, rows, out);
        if (NativeBlas.multiplyByTranspose(x, batch, k, a, rows, out)) {
            return true;
        }
        multiplyByTranspose(x, batch, k, a, rows, out, scratch, scratchOffset);
        return false;
    }

    /**
     * Writes {@code out[β·rows + i] = Σ_k A[i·k + κ]·X[β·k + κ]} (κ ascending) with the pure-Java kernel.
     *
     * @param x       X, row-major batch × k (batch ≥ 1, k ≥ 1)
     * @param a       A, row-major rows × k (rows ≥ 1)
     * @param out     row-major batch × rows; must not be x or a
     * @param scratch       {@link #scratchLength(int, int)} entries from {@code scratchOffset} on are overwritten; may be
     *                      the array X if that range lies beyond X's batch × k entries
     * @param scratchOffset where the scratch space starts
     */
    public static void multiplyByTranspose(double[] x, int batch, int k, double[] a, int rows, double[] out,
                                           double[] scratch, int scratchOffset) {
        check(x, batch, k, a, rows, out);
        if (SIMD != null) {
            int need = SIMD.scratchLength(batch, k);
            if (scratchOffset < 0 || scratch.length - (long) scratchOffset < need
                    || (scratch == x && scratchOffset < batch * k)) {
                throw new IllegalArgumentException("X Aᵀ: scratch from " + scratchOffset + " of " + scratch.length
                        + " entries; " + need + " needed for batch = " + batch + ", k = " + k + ", clear of X");
            }
            SIMD.multiplyByTranspose(x, batch, k, a, rows, out, scratch, scratchOffset);
        } else {
            scalar(x, batch, k, a, rows, out);
        }
    }

    /**
     * Writes {@code out[i] = Σ_κ A[i·k + κ]·x[κ]} for i &lt; rows: the matrix–vector product of a row-major rows × k
     * matrix A (the Vector API kernel when its module is present, else four scalar partial sums per row; see the
     * class description for the summation orders). Single-threaded; no allocation after the first call on a thread.
     *
     * @param a    A, row-major rows × k (length ≥ rows·k)
     * @param rows rows ≥ 1
     * @param k    columns ≥ 1
     * @param x    the vector (length ≥ k)
     * @param out  the result (length ≥ rows); must not be a or x
     */
    public static void multiply(double[] a, int rows, int k, double[] x, double[] out) {
        if (rows < 1 || k < 1) {
            throw new IllegalArgumentException("A x: rows = " + rows + ", k = " + k + " are not allowed; each must be ≥ 1");
        }
        if (a.length < (long) rows * k || x.length < k || out.length < rows) {
            throw new IllegalArgumentException("A x: A has " + a.length + " entries for " + rows + " × " + k + ", x "
                    + x.length + " for " + k + ", out " + out.length + " for " + rows);
        }
        if (out == a || out == x) {
            throw new IllegalArgumentException("A x: out must not be A or x");
        }
        if (SIMD != null) {
            SIMD.multiply(a, rows, k, x, out);
        } else {
            for (int i = 0; i < rows; i++) out[i] = rowDot(a, i * k, x, k);
        }
    }

    /**
     * The dot product {@code Σ_i a[ao + i]·b[bo + i]} for i &lt; len, deterministic: with the Vector API two vector
     * fused multiply-add chains whose lanes are added in lane order, then the tail; otherwise four scalar partial sums
     * added pairwise ({@link #rowDot}'s order). (C2 does not vectorise a floating-point reduction, whose order it may
     * not change.) For the Gram–Schmidt sweeps of the Lyapunov spectrum and the divergence check of the integrator;
     * allocates nothing after the first call on a thread.
     */
    public static double dot(double[] a, int ao, double[] b, int bo, int len) {
        if (SIMD != null) {
            return SIMD.dot(a, ao, b, bo, len);
        }
        return scalarDot(a, ao, b, bo, len);
    }

    /**
     * {@code Σ x_i²}, e.g. for a divergence check after every step of a simulation: {@link #dot} of x with itself,
     * scalar below {@value #SIMD_SUM_MIN} entries (a call through the kernel interface costs more than it saves there).
     * NaN if any entry is NaN, +∞ if any is infinite (or the sum overflows). The scalar form's four chains of additions
     * are bound by their latency: with the vector form in its divergence check, {@code Integrator}'s cost per step
     * around a 1000-neuron network's step fell from 0.24–0.28 to 0.03–0.13 µs (JDK 25; BENCHMARKS.md §0000).
     */
    public static double sumOfSquares(double[] x) {
        return sumOfSquares(x, 0, x.length);
    }

    /** {@link #sumOfSquares(double[])} of {@code x[off, off + len)}: one state of several stored one after another. */
    public static double sumOfSquares(double[] x, int off, int len) {
        return SIMD != null && len >= SIMD_SUM_MIN ? SIMD.dot(x, off, x, off, len) : scalarDot(x, off, x, off, len);
    }

    private static final int SIMD_SUM_MIN = 32;

    /**
     * {@code a[ao + i] −= c·b[bo + i]} for i &lt; len: the projection step of Gram–Schmidt, on the Vector API when it is in
     * use. Same bits either way (each element a product, then a difference). C2 does not vectorise the scalar loop
     * when a and b are the same array at different offsets (as the columns of one frame are): it cannot rule out
     * that they overlap.
     */
    public static void subtractMultiple(double[] a, int ao, double c, double[] b, int bo, int len) {
        if (SIMD != null) {
            SIMD.subtractMultiple(a, ao, c, b, bo, len);
            return;
        }
        for (int i = 0; i < len; i++) a[ao + i] -= c * b[bo + i];
    }

    private static double scalarDot(double[] a, int ao, double[] b, int bo, int len) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < len; i += 4) {
            s0 += a[ao + i] * b[bo + i];
            s1 += a[ao + i + 1] * b[bo + i + 1];
            s2 += a[ao + i + 2] * b[bo + i + 2];
            s3 += a[ao + i + 3] * b[bo + i + 3];
        }
        for (; i < len; i++) s0 += a[ao + i] * b[bo + i];
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * {@code Σ_κ a[off + κ]·p[κ]} over κ &lt; n, with four independent partial sums (so the adds pipeline) combined as
     * {@code (s0 + s1) + (s2 + s3)}, the {@code n mod 4} last terms added to s0: the scalar matrix–vector kernel.
     */
    static double rowDot(double[] a, int off, double[] p, int n) {
        return scalarDot(a, off, p, 0, n);
    }

    private static void check(double[] x, int batch, int k, double[] a, int rows, double[] out) {
        if (batch < 1 || k < 1 || rows < 1) {
            throw new IllegalArgumentException("X Aᵀ: batch = " + batch + ", k = " + k + ", rows = " + rows
                    + " are not allowed; each must be ≥ 1");
        }
        if (x.length < (long) batch * k || a.length < (long) rows * k || out.length < (long) batch * rows) {
            throw new IllegalArgumentException("X Aᵀ: X has " + x.length + " entries for " + batch + " × " + k
                    + ", A " + a.length + " for " + rows + " × " + k + ", out " + out.length + " for " + batch + " × " + rows);
        }
        if (out == x || out == a) {
            throw new IllegalArgumentException("X Aᵀ: out must not be X or A");
        }
    }

    /** The scalar kernel: 4 rows of A × 4 states per tile, 16 accumulators; edge tiles one row or state at a time. */
    static void scalar(double[] x, int batch, int k, double[] a, int rows, double[] out) {
        int i = 0;
        for (; i + ROWS <= rows; i += ROWS) {
            int a0 = i * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k;
            int beta = 0;
            for (; beta + 4 <= batch; beta += 4) {
                int x0 = beta * k, x1 = x0 + k, x2 = x1 + k, x3 = x2 + k;
                double s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
                double s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
                for (int c = 0; c < k; c++) {
                    double r0 = a[a0 + c], r1 = a[a1 + c], r2 = a[a2 + c], r3 = a[a3 + c];
                    double y0 = x[x0 + c], y1 = x[x1 + c], y2 = x[x2 + c], y3 = x[x3 + c];
                    s00 += r0 * y0; s01 += r0 * y1; s02 += r0 * y2; s03 += r0 * y3;
                    s10 += r1 * y0; s11 += r1 * y1; s12 += r1 * y2; s13 += r1 * y3;
                    s20 += r2 * y0; s21 += r2 * y1; s22 += r2 * y2; s23 += r2 * y3;
                    s30 += r3 * y0; s31 += r3 * y1; s32 += r3 * y2; s33 += r3 * y3;
                }
                int o0 = beta * rows + i, o1 = o0 + rows, o2 = o1 + rows, o3 = o2 + rows;
                out[o0] = s00; out[o0 + 1] = s10; out[o0 + 2] = s20; out[o0 + 3] = s30;
                out[o1] = s01; out[o1 + 1] = s11; out[o1 + 2] = s21; out[o1 + 3] = s31;
                out[o2] = s02; out[o2 + 1] = s12; out[o2 + 2] = s22; out[o2 + 3] = s32;
                out[o3] = s03; out[o3 + 1] = s13; out[o3 + 2] = s23; out[o3 + 3] = s33;
            }
            for (; beta < batch; beta++) {
                int x0 = beta * k;
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                for (int c = 0; c < k; c++) {
                    double y = x[x0 + c];
                    s0 += a[a0 + c] * y; s1 += a[a1 + c] * y; s2 += a[a2 + c] * y; s3 += a[a3 + c] * y;
                }
                int o = beta * rows + i;
                out[o] = s0; out[o + 1] = s1; out[o + 2] = s2; out[o + 3] = s3;
            }
        }
        for (; i < rows; i++) {
            int a0 = i * k;
            for (int beta = 0; beta < batch; beta++) {
                int x0 = beta * k;
                double s = 0;
                for (int c = 0; c < k; c++) s += a[a0 + c] * x[x0 + c];
                out[beta * rows + i] = s;
            }
        }
    }
}
