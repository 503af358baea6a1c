package ddmatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ddmatch.io.ModelFiles;
import ddmatch.rnn.DenseRateNetwork;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ddmatch train --connectivity full-rank|dale-dense}: dense models are written and read back exactly. */
class DenseTrainCliTest {
    @TempDir
    Path dir;

    @Test
    void fullRankTrainingWritesADenseModelWhoseBulkHasTheRequestedGainAndSparsity() throws Exception {
        Path out = dir.resolve("fr");
        CliTest.Run r = CliTest.run("train", "double-well", "--neurons", "60", "--samples", "800", "--seed", "3",
                "--connectivity", "full-rank", "--bulk-gain", "1.0", "--bulk-sparsity", "0.5", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("full rank").contains("g0 = 1");
        ModelFiles.SavedDenseModel m = ModelFiles.loadDense(out);
        DenseRateNetwork net = m.network();
        assertThat(net.neurons()).isEqualTo(60);
        assertThat(m.training()).containsEntry("bulkGain", 1.0).containsEntry("bulkSparsity", 0.5)
                .containsEntry("connectivity", "full-rank");
        // The factored loader refuses a dense model rather than misreading it.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ModelFiles.load(out))
                .isInstanceOf(ddmatch.io.ModelFormatException.class);
        // Round trip: the saved model drifts bit-identically.
        double[] x = net.stateFor(new double[] {0.3});
        double[] a = new double[60], b = new double[60];
        net.drift(0, x, a);
        ModelFiles.loadDense(out).network().drift(0, x, b);
        assertThat(b).containsExactly(a);
    }

    @Test
    void daleTrainingWritesSignConstrainedColumns() throws Exception {
        Path out = dir.resolve("dale");
        CliTest.Run r = CliTest.run("train", "double-well", "--neurons", "50", "--samples", "600", "--seed", "3",
                "--connectivity", "dale-dense", "--excitatory", "0.8", "--iterations", "50", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Dale's law, 40 excitatory of 50").contains("loss");
        double[] j = ModelFiles.loadDense(out).network().connectivity();
        for (int i = 0; i < 50; i++) {
            for (int c = 0; c < 50; c++) {
                if (c < 40) {
                    assertThat(j[i * 50 + c]).isGreaterThanOrEqualTo(0.0);
                } else {
                    assertThat(j[i * 50 + c]).isLessThanOrEqualTo(0.0);
                }
            }
        }
    }

    @Test
    void anUnknownConnectivityIsAUsageError() {
        CliTest.Run r = CliTest.run("train", "double-well", "--neurons", "20", "--samples", "100",
                "--connectivity", "banded", "-o", dir.resolve("x").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("connectivity").contains("banded");
        assertThat(dir.resolve("x")).doesNotExist();
    }
}
