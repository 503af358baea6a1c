package ddmatch.linalg;

import java.lang.invoke.MethodHandles;

/**
 * The column-strip kernel of {@link GramProduct} in an explicitly vectorised form, implemented with the Vector API
 * (incubator module {@code jdk.incubator.vector}) by {@code VectorGram}. This interface names no vector type, so the
 * library compiles and runs without that module; {@link #load} returns {@code null} unless {@link VectorApi#enabled()}.
 */
interface SimdGram {
    /**
     * Writes the entries {@code G[i][j] = Σ_m Φ[m][i]·Φ[m][j]} for {@code j ∈ [j0, j1)} and {@code i ≤ j} (and some
     * entries with {@code i > j} near the diagonal, which the caller overwrites by mirroring), each as the chain of
     * fused multiply-adds over m in increasing order starting from 0. Entries of G outside the strip are not touched.
     *
     * @param phi Φ, row-major M × F
     * @param g   G, row-major F × F; the strip's entries must be 0 on entry
     */
    void strip(double[] phi, int m, int f, double[] g, int j0, int j1);

    /** A short description: implementation and vector shape, e.g. {@code "Vector API, 8 × double (512 bits)"}. */
    String description();

    /** The vectorised kernel, or {@code null} if the Vector API is not available or {@code -Dddmatch.kernel=scalar}. */
    static SimdGram load() {
        return Holder.KERNEL;
    }

    /** Decided once per JVM, when the Gram product is first used. */
    final class Holder {
        static final SimdGram KERNEL =
                VectorApi.load(MethodHandles.lookup(), SimdGram.class, "ddmatch.linalg.VectorGram", new Class<?>[0]);

        private Holder() {}
    }
}
