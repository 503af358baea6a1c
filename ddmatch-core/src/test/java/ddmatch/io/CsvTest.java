package ddmatch.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {
    @TempDir
    Path dir;

    @Test
    void roundTripIsBitIdentical() throws IOException {
        Random rng = new Random(3);
        double[] data = new double[3 * 400];
        double[] specials = {Double.NaN, -0.0, 0.0, Double.MIN_VALUE, -0x1.0p-1060, Double.MAX_VALUE, 1e-300, 0.1};
        for (int i = 0; i < data.length; i++) {
            data[i] = i < specials.length ? specials[i] : rng.nextGaussian() * Math.pow(10, rng.nextInt(60) - 30);
        }
        Path file = dir.resolve("t.csv");
        Csv.write(file, new String[] {"t", "x", "y"}, data, 3);
        Csv.CsvTable table = Csv.read(file);
        assertThat(table.header()).containsExactly("t", "x", "y");
        assertThat(table.hasHeader()).isTrue();
        assertThat(table.rows()).isEqualTo(400);
        assertThat(table.cols()).isEqualTo(3);
        for (int i = 0; i < data.length; i++) {
            assertThat(Double.doubleToRawLongBits(table.data()[i])).as("element %d", i)
                    .isEqualTo(Double.doubleToRawLongBits(data[i]));
        }
        assertThat(table.get(0, 1)).isEqualTo(-0.0);
    }

    @Test
    void headerIsOptional() throws IOException {
        Path file = dir.resolve("n.csv");
        Csv.write(file, null, new double[] {1, 2, 3, 4}, 2);
        assertThat(Files.readString(file)).isEqualTo("1.0,2.0\n3.0,4.0\n");
        Csv.CsvTable table = Csv.read(file);
        assertThat(table.hasHeader()).isFalse();
        assertThat(table.rows()).isEqualTo(2);
        assertThat(table.data()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void readsLenientButUnambiguousSpellings() throws IOException {
        Path file = dir.resolve("l.csv");
        Files.writeString(file, "\uFEFFa, b\r\n 1 ,+2.5e3\r\n.5,nan\r\n-7.,NaN\r\n\r\n");
        Csv.CsvTable table = Csv.read(file);
        assertThat(table.header()).containsExactly("a", "b");
        assertThat(table.rows()).isEqualTo(3);
        assertThat(table.data()).containsExactly(1, 2500, 0.5, Double.NaN, -7, Double.NaN);
    }

    @Test
    void badTokensAreReportedWithLineAndColumn() throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "x,y\n1.0,2.0\n3.0, abc\n");
        assertThatThrownBy(() -> Csv.read(file)).isExactlyInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("bad.csv:3:6: ").hasMessageContaining("\"abc\"")
                .hasMessageContaining("finite or NaN decimal number");

        Files.writeString(file, "1.0,2.0\n3.0,Infinity\n");
        assertThatThrownBy(() -> Csv.read(file)).hasMessageStartingWith("bad.csv:2:5: ")
                .hasMessageContaining("\"Infinity\"");

        Files.writeString(file, "1.0,1e999\n");
        assertThatThrownBy(() -> Csv.read(file)).hasMessageStartingWith("bad.csv:1:5: ").hasMessageContaining("1e999");

        Files.writeString(file, "1.0,\n");
        assertThatThrownBy(() -> Csv.read(file)).hasMessageStartingWith("bad.csv:1:5: ").hasMessageContaining("\"\"");

        Files.writeString(file, "1d,2\n");
        assertThatThrownBy(() -> Csv.read(file)).hasMessageStartingWith("bad.csv:1:1: ");
    }

    @Test
    void raggedRowsAndInnerBlankLinesAreRefused() throws IOException {
        Path file = dir.resolve("r.csv");
        Files.writeString(file, "a,b\n1,2\n3,4,5\n");
        assertThatThrownBy(() -> Csv.read(file)).isExactlyInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("r.csv:3:5: ").hasMessageContaining("3 fields")
                .hasMessageContaining("exactly 2");

        Files.writeString(file, "1,2\n3\n");
        assertThatThrownBy(() -> Csv.read(file)).hasMessageStartingWith("r.csv:2:2: ");

        Files.writeString(file, "1,2\n\n3,4\n");
        assertThatThrownBy(() -> Csv.read(file)).hasMessageStartingWith("r.csv:2:1: ")
                .hasMessageContaining("empty line");
    }

    @Test
    void writeRefusesWhatCouldNotBeReadBack() {
        Path file = dir.resolve("w.csv");
        assertThatThrownBy(() -> Csv.write(file, null, new double[] {1, Double.POSITIVE_INFINITY}, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 0, column 1");
        assertThatThrownBy(() -> Csv.write(file, new String[] {"a", "1.5"}, new double[2], 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"1.5\"");
        assertThatThrownBy(() -> Csv.write(file, new String[] {"a,b", "c"}, new double[2], 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Csv.write(file, new String[] {"a"}, new double[2], 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Csv.write(file, null, new double[3], 2)).isInstanceOf(IllegalArgumentException.class);
        assertThat(file).doesNotExist();
    }
}
