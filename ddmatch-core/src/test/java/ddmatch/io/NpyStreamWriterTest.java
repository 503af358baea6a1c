package ddmatch.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ddmatch.sde.RotatingOrnsteinUhlenbeck;
import ddmatch.solve.GaussianIncrements;
import ddmatch.solve.Integrator;
import ddmatch.solve.Observable;
import ddmatch.solve.SaveAt;
import ddmatch.solve.EulerMaruyama;
import ddmatch.solve.Trajectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyStreamWriterTest {
    @TempDir
    Path dir;

    private static double[] randomData(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = r.nextDouble(-1e3, 1e3);
        }
        return d;
    }

    /** Row counts around the digit boundaries of the patched shape (and one beyond the 64 KiB buffer). */
    @Test
    void streamedFileEqualsNpyWriteByteForByte() throws IOException {
        for (int rows : new int[] {0, 1, 9, 10, 99, 100, 12_345}) {
            for (int cols : new int[] {1, 3, 17}) {
                double[] data = randomData(rows * cols, rows * 31L + cols);
                Path streamed = dir.resolve("s-" + rows + "-" + cols + ".npy");
                Path reference = dir.resolve("r-" + rows + "-" + cols + ".npy");
                try (NpyStreamWriter w = NpyStreamWriter.open(streamed, cols)) {
                    double[] row = new double[cols];
                    for (int r = 0; r < rows; r++) {
                        System.arraycopy(data, r * cols, row, 0, cols);
                        w.append(row);
                    }
                }
                Npy.write(reference, data, rows, cols);
                assertThat(Files.readAllBytes(streamed)).as(rows + "×" + cols).isEqualTo(Files.readAllBytes(reference));
            }
        }
    }

    @Test
    void integratorRunStreamsTheSameRowsAsAnInMemorySolve() throws IOException {
        RotatingOrnsteinUhlenbeck ou = new RotatingOrnsteinUhlenbeck(1.0, 0.5);
        Integrator integrator = new Integrator(EulerMaruyama.INSTANCE);
        Path file = dir.resolve("run.npy");
        try (NpyStreamWriter w = NpyStreamWriter.open(file, 2)) {
            integrator.run(ou, new double[] {1, 0}, 0, 0.01, 5000, new GaussianIncrements(2, 4), new SaveAt(7, true), w);
        }
        Trajectory mem = integrator.solve(ou, new double[] {1, 0}, 0, 0.01, 5000, new GaussianIncrements(2, 4),
                new SaveAt(7, true), Observable.identity(2));
        Npy.NpyArray read = Npy.read(file);
        assertThat(read.shape()).containsExactly(mem.rows(), 2);
        assertThat(read.data()).isEqualTo(mem.values());
    }

    @Test
    void nothingAppearsUnderTheNameBeforeCloseAndAbortLeavesNoTrace() throws IOException {
        Path file = dir.resolve("pending.npy");
        NpyStreamWriter w = NpyStreamWriter.open(file, 2);
        w.append(new double[] {1, 2});
        assertThat(file).doesNotExist();
        w.abort();
        assertThat(file).doesNotExist();
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s).isEmpty();
        }
        assertThatThrownBy(() -> w.append(new double[] {1, 2})).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shortRowsAndBadColumnCountsAreRefused() throws IOException {
        assertThatThrownBy(() -> NpyStreamWriter.open(dir.resolve("x.npy"), 0)).hasMessageContaining("columns");
        try (NpyStreamWriter w = NpyStreamWriter.open(dir.resolve("y.npy"), 3)) {
            assertThatThrownBy(() -> w.append(new double[] {1, 2})).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
