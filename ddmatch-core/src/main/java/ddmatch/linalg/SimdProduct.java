package ddmatch.linalg;

import java.lang.invoke.MethodHandles;

/**
 * The Vector API form of {@link MatrixProduct}'s kernels (matrix–matrix and matrix–vector), implemented by
 * {@code VectorProduct} with the incubator module {@code jdk.incubator.vector}. This interface names no vector type,
 * so the library compiles and runs without that module: {@link #load} returns {@code null} unless
 * {@link VectorApi#enabled()}.
 */
interface SimdProduct {
    /** {@code out = X Aᵀ} as {@link MatrixProduct#multiplyByTranspose}; arguments already checked. */
    void multiplyByTranspose(double[] x, int batch, int k, double[] a, int rows, double[] out, double[] scratch, int from);

    /** {@code out = A x} as {@link MatrixProduct#multiply}; arguments already checked. */
    void multiply(double[] a, int rows, int k, double[] x, double[] out);

    /** {@code Σ_i a[ao + i]·b[bo + i]} for i &lt; len as {@link MatrixProduct#dot}; arguments already checked. */
    double dot(double[] a, int ao, double[] b, int bo, int len);

    /** {@code a[ao + i] −= c·b[bo + i]} for i &lt; len as {@link MatrixProduct#subtractMultiple}. */
    void subtractMultiple(double[] a, int ao, double c, double[] b, int bo, int len);

    /** Entries of scratch space for the packed panels of a batch × k matrix X. */
    int scratchLength(int batch, int k);

    /** Implementation and vector shape, e.g. {@code "Vector API, 8 × double (512 bits)"}. */
    String description();

    /** The vector kernel, or {@code null} when the module is absent or switched off (decided once per JVM). */
    static SimdProduct load() {
        return VectorApi.load(MethodHandles.lookup(), SimdProduct.class, "ddmatch.linalg.VectorProduct", new Class<?>[0]);
    }
}
