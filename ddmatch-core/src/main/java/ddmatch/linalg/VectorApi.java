package ddmatch.linalg;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Whether this JVM may use the library's Vector API kernels, and how they are loaded. The kernels
 * ({@code VectorGram}, {@code VectorProduct} here, {@code ddmatch.rnn.VectorKernels}) are the only classes that name
 * the incubator module {@code jdk.incubator.vector}; everything else reaches them through a small interface and
 * {@link #load}, so the library compiles and runs without the module. They are used when the module is in the boot
 * layer (the JVM was started with {@code --add-modules jdk.incubator.vector}, as the {@code ddmatch} launcher does when
 * the JDK has it), the system property {@value #PROPERTY} is not {@code scalar}, and the hardware suits them:
 * <ul>
 * <li>the JVM compiles fused multiply-adds to FMA instructions (HotSpot's {@code UseFMA}, on by default wherever the
 * CPU has them: x86-64 with FMA3, i.e. Intel since Haswell (2013) and AMD since Piledriver (2012), and AArch64).
 * Without them every {@code fma} of the Vector API, and every {@code Math.fma}, runs in software: one Euler step of
 * the N = 250 network took 14 ms with {@code -XX:-UseFMA} against 0.33 µs;</li>
 * <li>vectors hold at least 4 doubles (256 bits: AVX2, AVX-512, SVE of 256 bits and more). With 2 (128 bits: SSE,
 * ARM's NEON, or {@code -XX:MaxVectorSize=16}) the comparison-and-blend of the vector tanh was not compiled to vector
 * instructions on x86 (JDK 17 and 25: 10–50 ns per element), and one step at N = 1000 took 15.0 µs on the vector
 * kernels against 7.2 µs on the scalar ones in the same JVM (BENCHMARKS.md §0000).</li>
 * </ul>
 * Otherwise the scalar kernels run, which use no fused multiply-add. {@code -Dddmatch.kernel=vector} uses the vector
 * kernels whenever the module is present (to try them on such hardware). Decided once per JVM;
 * {@link #scalarReason()} says why the scalar kernels run.
 */
public final class VectorApi {
    /**
     * Name of the system property that selects the kernels: {@code scalar} forces the scalar ones everywhere,
     * {@code vector} the Vector API ones wherever the module is present; anything else (or unset) decides by the
     * hardware as described above.
     */
    public static final String PROPERTY = "ddmatch.kernel";

    private static final String SCALAR_REASON = decide(System.getProperty(PROPERTY),
            ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
    private static final boolean ENABLED = SCALAR_REASON == null;

    private VectorApi() {}

    /**
     * True when the module is present, the kernels are not switched off by {@code -Dddmatch.kernel=scalar}, and the
     * JVM uses the CPU's fused multiply-add instructions on vectors of at least 4 doubles (or
     * {@code -Dddmatch.kernel=vector} asks for them).
     */
    public static boolean enabled() {
        return ENABLED;
    }

    /** Why this JVM runs the scalar kernels, in a few words for a user; {@code null} when the Vector API ones run. */
    public static String scalarReason() {
        return SCALAR_REASON;
    }

    /** Asks the JVM about FMA and the vector width only when the answer matters (the bean costs ~25 ms to load). */
    private static String decide(String property, boolean modulePresent) {
        boolean hardwareMatters = modulePresent && !"scalar".equals(property) && !"vector".equals(property);
        return scalarReason(property, modulePresent, !hardwareMatters || jvmUsesFma(),
                hardwareMatters ? preferredDoubleLanes() : Integer.MAX_VALUE);
    }

    static String scalarReason(String property, boolean modulePresent, boolean fma, int lanes) {
        if ("scalar".equals(property)) {
            return "-D" + PROPERTY + "=scalar";
        }
        if (!modulePresent) {
            return "the JVM was started without --add-modules jdk.incubator.vector";
        }
        if ("vector".equals(property)) {
            return null;
        }
        if (!fma) {
            return "the JVM does not use FMA instructions (a CPU without FMA3, or -XX:-UseFMA), where the Vector API"
                    + " kernels would run in software (-D" + PROPERTY + "=vector uses them anyway)";
        }
        if (lanes < 4) {
            return "vectors hold only " + lanes + " doubles here (128 bits: SSE, ARM NEON or -XX:MaxVectorSize=16),"
                    + " where the Vector API kernels were slower than the scalar ones (-D" + PROPERTY
                    + "=vector uses them anyway)";
        }
        return null;
    }

    /**
     * {@code DoubleVector.SPECIES_PREFERRED.length()}, read reflectively (this class must not name the incubator
     * module's types); 0 if that fails.
     */
    public static int preferredDoubleLanes() {
        try {
            Object species = Class.forName("jdk.incubator.vector.DoubleVector").getField("SPECIES_PREFERRED").get(null);
            return (Integer) Class.forName("jdk.incubator.vector.VectorSpecies").getMethod("length").invoke(species);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return 0;
        }
    }

    /**
     * HotSpot's {@code UseFMA} flag: whether fused multiply-adds compile to FMA instructions. A JVM without the
     * HotSpot diagnostic bean or the flag (another VM, a runtime image without {@code jdk.management}) is assumed to
     * have them, as before this check existed.
     */
    public static boolean jvmUsesFma() {
        try {
            var bean = java.lang.management.ManagementFactory.getPlatformMXBean(
                    com.sun.management.HotSpotDiagnosticMXBean.class);
            return bean == null || !"false".equals(bean.getVMOption("UseFMA").getValue());
        } catch (RuntimeException | LinkageError e) {
            return true;
        }
    }

    /**
     * A new instance of the kernel class {@code className} (a class that names vector types) as {@code type}, built
     * by its constructor taking {@code parameterTypes}, looked up with the caller's access ({@code caller} =
     * {@code MethodHandles.lookup()} in the kernel's package, whose classes need not be public); {@code null} when the
     * Vector API is not {@link #enabled()} or the class cannot be loaded or linked (an old JDK whose incubator API lacks
     * an operation the kernel uses).
     */
    public static <T> T load(MethodHandles.Lookup caller, Class<T> type, String className, Class<?>[] parameterTypes,
            Object... arguments) {
        if (!ENABLED) {
            return null;
        }
        try {
            MethodHandle constructor = caller.findConstructor(caller.findClass(className),
                    MethodType.methodType(void.class, parameterTypes));
            return type.cast(constructor.invokeWithArguments(arguments));
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {   // a constructor declares no checked exception; kept for invokeWithArguments' signature
            throw new IllegalStateException("loading " + className, e);
        }
    }
}
