package ddmatch.linalg;

/**
 * The column-strip kernel of {@link GramProduct} in an explicitly vectorised form, implemented with the Vector API
 * (incubator module {@code jdk.incubator.vector}) by {@code VectorGram}. This interface names no vector type, so the
 * library compiles and runs without that module; {@link #load} returns {@code null} when the module is not in the boot
 * layer (the JVM was started without {@code --add-modules jdk.incubator.vector}) or when the system property
 * {@code ddmatch.kernel=scalar} asks for the scalar kernels (the same switch as the network kernels of
 * {@code ddmatch.rnn}).
 */
interface SimdGram {
    /** Name of the system property that selects the kernels: {@code scalar} forces the scalar ones. */
    String PROPERTY = "ddmatch.kernel";

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
        static final SimdGram KERNEL = detect();

        private Holder() {}

        private static SimdGram detect() {
            if ("scalar".equals(System.getProperty(PROPERTY))
                    || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
                return null;
            }
            try {
                return (SimdGram) Class.forName("ddmatch.linalg.VectorGram").getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                return null;
            }
        }
    }
}
