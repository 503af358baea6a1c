package ddmatch.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.invoke.MethodHandles;
import org.junit.jupiter.api.Test;

/**
 * {@link VectorApi}: the decision follows the module, the property and the JVM's use of FMA instructions; loading finds
 * package-private kernels.
 */
class VectorApiTest {
    private static final String PROPERTY = System.getProperty(VectorApi.PROPERTY);
    private static final boolean MODULE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    private static final boolean EXPECTED = MODULE && !"scalar".equals(PROPERTY)
            && ("vector".equals(PROPERTY) || VectorApi.jvmUsesFma() && VectorApi.preferredDoubleLanes() >= 4);

    @Test
    void enabledFollowsTheModuleThePropertyAndFma() {
        assertThat(VectorApi.enabled()).isEqualTo(EXPECTED);
        assertThat(VectorApi.scalarReason() == null).isEqualTo(EXPECTED);
    }

    @Test
    void eachConditionAloneSelectsTheScalarKernelsAndSaysWhy() {
        assertThat(VectorApi.scalarReason(null, true, true, 8)).isNull();
        assertThat(VectorApi.scalarReason(null, true, true, 4)).isNull();
        assertThat(VectorApi.scalarReason("other", true, true, 4)).isNull();
        assertThat(VectorApi.scalarReason("scalar", true, true, 8)).contains("ddmatch.kernel=scalar");
        assertThat(VectorApi.scalarReason(null, false, true, 8)).contains("--add-modules jdk.incubator.vector");
        assertThat(VectorApi.scalarReason("vector", false, true, 8)).contains("--add-modules jdk.incubator.vector");
        assertThat(VectorApi.scalarReason(null, true, false, 8)).contains("FMA");
        assertThat(VectorApi.scalarReason(null, true, true, 2)).contains("only 2 doubles");
        // "vector" overrides the hardware conditions, not the module
        assertThat(VectorApi.scalarReason("vector", true, false, 2)).isNull();
    }

    /** The module's preferred width against HotSpot's own vector size limit (bytes): 64 → 8 doubles, 32 → 4, 16 → 2. */
    @Test
    void thePreferredWidthIsReadFromTheModule() throws Exception {
        var bean = java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
        int maxVectorBytes = Integer.parseInt(bean.getVMOption("MaxVectorSize").getValue());
        assertThat(VectorApi.preferredDoubleLanes()).isEqualTo(MODULE ? Math.min(8, maxVectorBytes / 8) : 0);
    }

    /**
     * A JVM told not to use FMA instructions ({@code -XX:-UseFMA}, as on a CPU without FMA3) reports it, and so gets
     * the scalar kernels unless {@code -Dddmatch.kernel=vector}; without the flag it reports this JVM's FMA. Each child
     * prints {@code jvmUsesFma enabled}.
     */
    @Test
    void aJvmWithoutFmaInstructionsGetsTheScalarKernels() throws Exception {
        // a child gets neither this JVM's -D properties nor its vector-width flags: only FMA is known to match
        assertThat(child()).startsWith(VectorApi.jvmUsesFma() + " ");
        assertThat(child("-XX:-UseFMA")).isEqualTo("false false");
        assertThat(child("-XX:-UseFMA", "-Dddmatch.kernel=vector")).isEqualTo("false " + MODULE);
    }

    /** 128-bit vectors (2 doubles) get the scalar kernels unless {@code -Dddmatch.kernel=vector}. */
    @Test
    void aJvmWithTwoDoublesPerVectorGetsTheScalarKernels() throws Exception {
        assertThat(child("-XX:MaxVectorSize=16")).endsWith(" false");
        assertThat(child("-XX:MaxVectorSize=16", "-Dddmatch.kernel=vector")).endsWith(" " + MODULE);
    }

    private static String child(String... flags) throws Exception {
        java.util.List<String> cmd = new java.util.ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(java.util.List.of(flags));
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            cmd.add("--add-modules=jdk.incubator.vector");
        }
        cmd.addAll(java.util.List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).as("exit status of %s", cmd).isZero();
        return out;
    }

    /** The child JVM of {@link #aJvmWithoutFmaInstructionsGetsTheScalarKernels}. */
    static final class Probe {
        public static void main(String[] args) {
            System.out.println(VectorApi.jvmUsesFma() + " " + VectorApi.enabled());
        }
    }

    @Test
    void loadsAPackagePrivateKernelThroughTheCallersLookupOrReturnsNull() {
        SimdProduct p = VectorApi.load(MethodHandles.lookup(), SimdProduct.class, "ddmatch.linalg.VectorProduct", new Class<?>[0]);
        if (EXPECTED) {
            assertThat(p).isNotNull();
            assertThat(p.description()).startsWith("Vector API");
            // a kernel of the wrong type is a programming error, not a fallback
            assertThatThrownBy(() -> VectorApi.load(MethodHandles.lookup(), Runnable.class, "ddmatch.linalg.VectorProduct",
                    new Class<?>[0])).isInstanceOf(ClassCastException.class);
        } else {
            assertThat(p).isNull();
        }
        // a class that is not there (or does not link) falls back to the scalar kernels: null
        assertThat(VectorApi.load(MethodHandles.lookup(), Object.class, "ddmatch.linalg.NoSuchKernel", new Class<?>[0])).isNull();
        // a constructor that does not exist: null as well
        assertThat(VectorApi.load(MethodHandles.lookup(), SimdProduct.class, "ddmatch.linalg.VectorProduct",
                new Class<?>[] {int.class}, 3)).isNull();
    }
}
