package ddmatch.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When the native BLAS is tried: a multi-threaded OpenBLAS is neither reproducible nor interruptible (NativeBlas). */
class NativeBlasTest {
    @Test
    void autoUsesTheNativeLibraryOnlyWithOneOpenBlasThread() {
        assertThat(NativeBlas.wanted("auto", "1")).isTrue();
        assertThat(NativeBlas.wanted("auto", " 1 ")).isTrue();
        assertThat(NativeBlas.wanted("auto", null)).isFalse();
        assertThat(NativeBlas.wanted("auto", "2")).isFalse();
        assertThat(NativeBlas.wanted(null, "1")).isTrue();
    }

    @Test
    void javaAndNativeOverrideTheThreadRule() {
        assertThat(NativeBlas.wanted("java", "1")).isFalse();
        assertThat(NativeBlas.wanted("JAVA", null)).isFalse();
        assertThat(NativeBlas.wanted("native", null)).isTrue();
        assertThat(NativeBlas.wanted("native", "8")).isTrue();
    }

    @Test
    void theTestBuildSetsOneThreadAsTheLauncherDoes() {
        // the parent pom.xml (surefire in pluginManagement) passes OPENBLAS_NUM_THREADS=1 to the test JVM, like the launcher.
        assertThat(System.getenv("OPENBLAS_NUM_THREADS")).isEqualTo("1");
    }
}
