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
    private static final boolean EXPECTED = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !"scalar".equals(System.getProperty(VectorApi.PROPERTY)) && VectorApi.jvmUsesFma();

    @Test
    void enabledFollowsTheModuleThePropertyAndFma() {
        assertThat(VectorApi.enabled()).isEqualTo(EXPECTED);
        assertThat(VectorApi.scalarReason() == null).isEqualTo(EXPECTED);
    }

    @Test
    void eachConditionAloneSelectsTheScalarKernelsAndSaysWhy() {
        assertThat(VectorApi.scalarReason(null, true, true)).isNull();
        assertThat(VectorApi.scalarReason("vector", true, true)).isNull();   // only "scalar" means anything
        assertThat(VectorApi.scalarReason("scalar", true, true)).contains("ddmatch.kernel=scalar");
        assertThat(VectorApi.scalarReason(null, false, true)).contains("--add-modules jdk.incubator.vector");
        assertThat(VectorApi.scalarReason(null, true, false)).contains("FMA");
    }

    /**
     * A JVM told not to use FMA instructions ({@code -XX:-UseFMA}, as on a CPU without FMA3) reports it, and so gets
     * the scalar kernels; the same JVM without the flag reports what this one does. Both children print
     * {@code jvmUsesFma enabled}.
     */
    @Test
    void aJvmWithoutFmaInstructionsGetsTheScalarKernels() throws Exception {
        assertThat(child()).isEqualTo(VectorApi.jvmUsesFma() + " " + VectorApi.enabled());
        assertThat(child("-XX:-UseFMA")).isEqualTo("false false");
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
