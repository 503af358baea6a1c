package ddmatch.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.invoke.MethodHandles;
import org.junit.jupiter.api.Test;

/** {@link VectorApi}: the decision follows the module and the property; loading finds package-private kernels. */
class VectorApiTest {
    private static final boolean EXPECTED = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !"scalar".equals(System.getProperty(VectorApi.PROPERTY));

    @Test
    void enabledFollowsTheModuleAndTheProperty() {
        assertThat(VectorApi.enabled()).isEqualTo(EXPECTED);
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
