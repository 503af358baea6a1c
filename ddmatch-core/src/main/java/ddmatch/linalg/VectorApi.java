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
 * the JDK has it), the system property {@value #PROPERTY} is not {@code scalar}, and the JVM compiles fused
 * multiply-adds to FMA instructions (HotSpot's {@code UseFMA}, on by default wherever the CPU has them: x86-64 with
 * FMA3, i.e. Intel since Haswell (2013) and AMD since Piledriver (2012), and AArch64). Without them every
 * {@code fma} of the Vector API, and every {@code Math.fma}, runs in software: one Euler step of the N = 250 network
 * took 14 ms with {@code -XX:-UseFMA} against 0.33 µs (BENCHMARKS.md §0000), so such a JVM gets the scalar kernels,
 * which use no fused multiply-add. Decided once per JVM; {@link #scalarReason()} says why the scalar kernels run.
 */
public final class VectorApi {
    /** Name of the system property that selects the kernels: {@code scalar} forces the scalar ones everywhere. */
    public static final String PROPERTY = "ddmatch.kernel";

    private static final String SCALAR_REASON = scalarReason(System.getProperty(PROPERTY),
            ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(), jvmUsesFma());
    private static final boolean ENABLED = SCALAR_REASON == null;

    private VectorApi() {}

    /**
     * True when the module is present, the kernels are not switched off by {@code -Dddmatch.kernel=scalar}, and the
     * JVM uses the CPU's fused multiply-add instructions.
     */
    public static boolean enabled() {
        return ENABLED;
    }

    /** Why this JVM runs the scalar kernels, in a few words for a user; {@code null} when the Vector API ones run. */
    public static String scalarReason() {
        return SCALAR_REASON;
    }

    static String scalarReason(String property, boolean modulePresent, boolean fma) {
        if ("scalar".equals(property)) {
            return "-D" + PROPERTY + "=scalar";
        }
        if (!modulePresent) {
            return "the JVM was started without --add-modules jdk.incubator.vector";
        }
        if (!fma) {
            return "the JVM does not use FMA instructions (a CPU without FMA3, or -XX:-UseFMA), where the Vector API"
                    + " kernels would run in software";
        }
        return null;
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
