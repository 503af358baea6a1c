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
 * the JDK has it) and the system property {@value #PROPERTY} is not {@code scalar}. Decided once per JVM.
 */
public final class VectorApi {
    /** Name of the system property that selects the kernels: {@code scalar} forces the scalar ones everywhere. */
    public static final String PROPERTY = "ddmatch.kernel";

    private static final boolean ENABLED = !"scalar".equals(System.getProperty(PROPERTY))
            && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private VectorApi() {}

    /** True when the module is present and not switched off by {@code -Dddmatch.kernel=scalar}. */
    public static boolean enabled() {
        return ENABLED;
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
