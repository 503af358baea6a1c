package ddmatch.spark.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A point stopped by a cancellation (Ctrl-C, a cancelled Spark job) is not recorded as failed, so a re-run redoes it. */
class PointRunnerTest {
    @TempDir
    Path tmp;

    private static PointConfig point() {
        return SweepSpec.parse("systems: [double-well]\nneurons: [30]\nseeds: [1]\n", "p.yaml").points().get(0);
    }

    @Test
    void aCancelledPointWritesNoErrorJsonAndAFailedOneDoes() throws Exception {
        PointConfig p = point();
        Path dir = tmp.resolve(p.id());
        // What a Ctrl-C does to a running point: the JVM's shutdown refuses further native calls (NativeCallGuard), an
        // integrator sees its thread interrupted, … — a CancellationException ends the computation.
        assertThatThrownBy(() -> PointRunner.run(p, tmp, (q, model) -> {
            throw new CancellationException("interrupted: the JVM is shutting down");
        })).isInstanceOf(CancellationException.class);
        assertThat(dir.resolve(PointRunner.ERROR)).doesNotExist();
        assertThat(dir.resolve(PointRunner.RESULT)).doesNotExist();
        // A failure is recorded, and does not stop the caller (the sweep goes on with the next point).
        assertThat(PointRunner.run(p, tmp, (q, model) -> {
            throw new IllegalStateException("GCV: no λ of the grid gave a finite score");
        })).isEqualTo(PointRunner.Outcome.FAILED);
        String failed = Files.readString(dir.resolve(PointRunner.ERROR));
        assertThat(failed).contains("IllegalStateException: GCV: no λ");
        // Cancelled in a later run: the earlier failure's record stays as it was, and no result appears.
        assertThatThrownBy(() -> PointRunner.run(p, tmp, (q, model) -> {
            throw new UncheckedIOException(new ClosedByInterruptException());
        })).isInstanceOf(UncheckedIOException.class);
        assertThat(Files.readString(dir.resolve(PointRunner.ERROR))).isEqualTo(failed);
        assertThat(dir.resolve(PointRunner.RESULT)).doesNotExist();
    }

    @Test
    void cancellationsAreToldFromFailures() {
        assertThat(PointRunner.cancelled(new CancellationException("simulation interrupted"))).isTrue();
        assertThat(PointRunner.cancelled(new IllegalStateException("x", new InterruptedException()))).isTrue();
        assertThat(PointRunner.cancelled(new UncheckedIOException(new ClosedByInterruptException()))).isTrue();
        assertThat(PointRunner.cancelled(new IllegalArgumentException("parameter 'sigma' = -1 is not allowed"))).isFalse();
        assertThat(PointRunner.cancelled(new FileAlreadyExistsException("model"))).isFalse();
    }
}
