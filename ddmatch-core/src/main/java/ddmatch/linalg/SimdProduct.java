package ddmatch.linalg;

/**
 * The Vector API form of {@link MatrixProduct}'s kernels (matrix–matrix and matrix–vector), implemented by
 * {@code VectorProduct} with the incubator module {@code jdk.incubator.vector}. This interface names no vector type,
 * so the library compiles and runs without that module: {@link #load} returns {@code null} when the module is not in
 * the boot layer or when the system property {@code ddmatch.kernel=scalar} asks for the scalar kernels (the same
 * switch as the network kernels of {@code ddmatch.rnn}).
 */
interface SimdProduct {
    /** {@code out = X Aᵀ} as {@link MatrixProduct#multiplyByTranspose}; arguments already checked. */
    void multiplyByTranspose(double[] x, int batch, int k, double[] a, int rows, double[] out, double[] scratch, int from);

    /** {@code out = A x} as {@link MatrixProduct#multiply}; arguments already checked. */
    void multiply(double[] a, int rows, int k, double[] x, double[] out);

    /** Entries of scratch space for the packed panels of a batch × k matrix X. */
    int scratchLength(int batch, int k);

    /** Implementation and vector shape, e.g. {@code "Vector API, 8 × double (512 bits)"}. */
    String description();

    /** The vector kernel, or {@code null} when the module is absent or switched off (decided once per JVM). */
    static SimdProduct load() {
        if ("scalar".equals(System.getProperty("ddmatch.kernel"))
                || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return null;
        }
        try {
            return (SimdProduct) Class.forName("ddmatch.linalg.VectorProduct").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }
}
