package ddmatch.spark;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Master URLs are checked before Spark starts: the forms SparkContext parses pass, anything else is one line. */
class SessionsTest {
    @Test
    void theFormsSparkParsesAreAccepted() {
        for (String m : new String[] {"local", "local[1]", "local[16]", "local[*]", "local[4, 2]", "local[*,3]",
                "local-cluster[2, 1, 1024]", "spark://host:7077", "spark://10.0.0.1:7077,10.0.0.2:7077", "spark://[::1]:7077"}) {
            assertThatCode(() -> Sessions.checkMaster("--master", m)).as(m).doesNotThrowAnyException();
        }
        assertThatCode(() -> Sessions.checkMaster("--master", null)).doesNotThrowAnyException();
    }

    @Test
    void otherMastersAreRefusedNamingTheOptionAndTheForms() {
        assertThatThrownBy(() -> Sessions.checkMaster("--master", "foo://bar"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--master = foo://bar is not allowed; " + Sessions.MASTER_FORMS);
        for (String m : new String[] {"local[0]", "local[]", "local[two]", "Local[2]", " local", "localhost"}) {
            assertThatThrownBy(() -> Sessions.checkMaster("--master", m)).as(m)
                    .hasMessageStartingWith("--master = " + m + " is not allowed; allowed are local");
        }
        for (String m : new String[] {"spark://host", "spark://host:0", "spark://host:70000", "spark://a:1,b", "spark://h:7077/x"}) {
            assertThatThrownBy(() -> Sessions.checkMaster("--master", m)).as(m)
                    .hasMessageStartingWith("--master = " + m + " is not allowed; a standalone master is spark://HOST:PORT");
        }
        // The test class path has no YARN or Kubernetes cluster manager, so Spark could not start these here.
        assertThatThrownBy(() -> Sessions.checkMaster("--master", "yarn")).hasMessageContaining("no cluster manager");
        assertThatThrownBy(() -> Sessions.checkMaster("--master", "k8s://https://h:443")).hasMessageContaining("no cluster manager");
        assertThatThrownBy(() -> Sessions.checkMaster("--master", "k8s:h")).hasMessageContaining("k8s://https://HOST:PORT");
    }
}
