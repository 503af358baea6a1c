package ddmatch.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ddmatch.solve.Trajectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrajectoryFilesTest {
    @TempDir
    Path tmp;

    private static Trajectory random(double t0, double interval, int rows, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[rows * d];
        for (int i = 0; i < v.length; i++) v[i] = rng.nextDouble(-1, 1) * Math.pow(10, rng.nextInt(-5, 6));
        return new Trajectory(t0, interval, d, v);
    }

    private static void assertExact(Trajectory back, Trajectory t) {
        assertThat(back.dimension()).isEqualTo(t.dimension());
        assertThat(back.rows()).isEqualTo(t.rows());
        assertThat(Double.doubleToRawLongBits(back.t0())).isEqualTo(Double.doubleToRawLongBits(t.t0()));
        for (int r = 0; r < t.rows(); r++) {
            assertThat(back.time(r)).isEqualTo(t.time(r));
        }
        assertThat(back.values()).containsExactly(t.values());
    }

    @Test
    void roundTripIsExactForBothFormats() throws IOException {
        Trajectory[] cases = {random(0, 0.01, 500, 3, 1), random(12.5, 0.1, 7, 1, 2), random(-3, 1e-3, 1000, 2, 3),
            random(0.3, 0.7, 2, 4, 4)};
        int i = 0;
        for (Trajectory t : cases) {
            String[] names = new String[t.dimension()];
            for (int k = 0; k < names.length; k++) names[k] = "z" + k;
            for (String ext : new String[] {".npy", ".csv"}) {
                Path file = tmp.resolve("traj" + i++ + ext);
                TrajectoryFiles.write(file, t, names);
                Trajectory back = TrajectoryFiles.read(file);
                assertExact(back, t);
                assertThat(back.interval()).as(file.toString()).isEqualTo(t.interval());
            }
        }
    }

    @Test
    void layoutIsTimeThenComponents() throws IOException {
        Trajectory t = new Trajectory(1.0, 0.5, 2, new double[] {1, 2, 3, 4, 5, 6});
        Path csv = tmp.resolve("t.csv");
        TrajectoryFiles.write(csv, t, new String[] {"x", "y"});
        assertThat(Files.readString(csv)).isEqualTo("t,x,y\n1.0,1.0,2.0\n1.5,3.0,4.0\n2.0,5.0,6.0\n");
        Path npy = tmp.resolve("t.npy");
        TrajectoryFiles.write(npy, t, null);
        Npy.NpyArray a = Npy.read(npy);
        assertThat(a.shape()).containsExactly(3, 3);
        assertThat(a.data()).containsExactly(1, 1, 2, 1.5, 3, 4, 2, 5, 6);
    }

    @Test
    void unknownExtensionIsRefusedListingTheAllowedOnes() {
        Trajectory t = random(0, 1, 3, 1, 5);
        assertThatThrownBy(() -> TrajectoryFiles.write(tmp.resolve("t.txt"), t, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(".txt")
                .hasMessageContaining(".npy").hasMessageContaining(".csv");
        assertThatThrownBy(() -> TrajectoryFiles.read(tmp.resolve("t"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no extension");
    }

    @Test
    void unevenTimesAreRefused() throws IOException {
        Path csv = tmp.resolve("uneven.csv");
        Files.writeString(csv, "t,x\n0,1\n0.1,2\n0.25,3\n0.3,4\n");
        assertThatThrownBy(() -> TrajectoryFiles.read(csv)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("uneven.csv").hasMessageContaining("equal");
        Path decreasing = tmp.resolve("down.npy");
        Npy.write(decreasing, new double[] {1, 0, 0.5, 0}, 2, 2);
        assertThatThrownBy(() -> TrajectoryFiles.read(decreasing)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("increasing");
    }

    @Test
    void timesFromOtherToolsWithinRoundingAreAccepted() throws IOException {
        Path csv = tmp.resolve("np.csv");
        // linspace-style times whose rounding differs from t0 + r·h.
        Files.writeString(csv, "t,x\n0.1,1\n0.2,2\n0.30000000000000004,3\n0.4,4\n0.5,5\n");
        Trajectory t = TrajectoryFiles.read(csv);
        assertThat(t.rows()).isEqualTo(5);
        assertThat(t.interval()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-15));
    }
}
