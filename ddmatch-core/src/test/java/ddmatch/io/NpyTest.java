package ddmatch.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
    @TempDir
    Path dir;

    /** Values that a careless converter would mangle: NaN (with a payload), signed zero, subnormals, infinities. */
    private static final double[] SPECIALS = {Double.NaN, Double.longBitsToDouble(0x7ff8_0000_dead_beefL), -0.0, 0.0,
        Double.MIN_VALUE, -Double.MIN_VALUE, 0x1.0p-1030, Double.MIN_NORMAL, Double.MAX_VALUE,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

    private static double[] randomData(Random rng, int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = switch (rng.nextInt(4)) {
                case 0 -> SPECIALS[rng.nextInt(SPECIALS.length)];
                case 1 -> Double.longBitsToDouble(rng.nextLong()); // arbitrary bit patterns
                default -> rng.nextGaussian() * Math.pow(10, rng.nextInt(40) - 20);
            };
        }
        return d;
    }

    private static void assertBitIdentical(double[] actual, double[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(Double.doubleToRawLongBits(actual[i])).as("bits of element %d", i)
                    .isEqualTo(Double.doubleToRawLongBits(expected[i]));
        }
    }

    @Test
    void roundTripOneDimensionalIsBitIdentical() throws IOException {
        Random rng = new Random(1);
        for (int n : new int[] {0, 1, 7, 8193, 100_000}) {
            double[] data = randomData(rng, n);
            Path file = dir.resolve("a" + n + ".npy");
            Npy.write(file, data, n);
            Npy.NpyArray back = Npy.read(file);
            assertThat(back.shape()).containsExactly(n);
            assertThat(back.rows()).isEqualTo(n);
            assertThat(back.cols()).isEqualTo(1);
            assertBitIdentical(back.data(), data);
        }
    }

    @Test
    void roundTripTwoDimensionalIsBitIdentical() throws IOException {
        Random rng = new Random(2);
        int[][] shapes = {{3, 2}, {1, 1}, {0, 5}, {5, 0}, {257, 129}};
        for (int[] shape : shapes) {
            double[] data = randomData(rng, shape[0] * shape[1]);
            Path file = dir.resolve("m" + shape[0] + "x" + shape[1] + ".npy");
            Npy.write(file, data, shape);
            Npy.NpyArray back = Npy.read(file);
            assertThat(back.shape()).containsExactly(shape);
            assertThat(back.rows()).isEqualTo(shape[0]);
            assertThat(back.cols()).isEqualTo(shape[1]);
            assertBitIdentical(back.data(), data);

            // The stream API gives the same result.
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Npy.write(bytes, data, shape);
            assertThat(bytes.toByteArray()).isEqualTo(Files.readAllBytes(file));
            Npy.NpyArray fromStream = Npy.read(new ByteArrayInputStream(bytes.toByteArray()), "mem");
            assertBitIdentical(fromStream.data(), data);
        }
    }

    @Test
    void writerProducesExactlyTheBytesOfNumpySave() throws IOException {
        // np.save(f, np.array([[1.0, 2.0], [3.0, 4.0]])): 10-byte preamble, 118-byte header, 32 data bytes.
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }";
        String header = dict + " ".repeat(118 - 1 - dict.length()) + "\n";
        ByteBuffer expected = ByteBuffer.allocate(160).order(ByteOrder.LITTLE_ENDIAN);
        expected.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 118, 0});
        expected.put(header.getBytes(StandardCharsets.US_ASCII));
        expected.putDouble(1.0).putDouble(2.0).putDouble(3.0).putDouble(4.0);
        assertThat(expected.position()).isEqualTo(160);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(out, new double[] {1.0, 2.0, 3.0, 4.0}, 2, 2);
        assertThat(out.toByteArray()).isEqualTo(expected.array());

        Path file = dir.resolve("golden.npy");
        Npy.write(file, new double[] {1.0, 2.0, 3.0, 4.0}, 2, 2);
        assertThat(Files.readAllBytes(file)).isEqualTo(expected.array());
    }

    @Test
    void oneDimensionalHeaderUsesPythonTupleSyntax() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(out, new double[5]);
        String header = new String(out.toByteArray(), 10, 118, StandardCharsets.US_ASCII);
        assertThat(header).startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (5,), }").endsWith("\n");
        assertThat(out.size() - 40).isEqualTo(128);
    }

    @Test
    void headerLengthIsAlwaysAMultipleOf64() throws IOException {
        // Dimensions of every digit count, kept to few elements so the test stays cheap.
        for (int[] shape : new int[][] {{0}, {1}, {12_345}, {99_999, 0}, {2_000_000_000, 0}, {0, 2_000_000_000}}) {
            int count = shape.length == 1 ? shape[0] : shape[0] * shape[1];
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Npy.write(out, new double[count], shape);
            byte[] b = out.toByteArray();
            int total = 10 + (b[8] & 0xff) + ((b[9] & 0xff) << 8);
            assertThat(total % 64).as("shape %s", Arrays.toString(shape)).isZero();
            assertThat(b[total - 1]).isEqualTo((byte) '\n');
        }
    }

    @Test
    void readsOtherDtypesVersionsAndScalars() throws IOException {
        ByteBuffer f4 = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putFloat(1.5f).putFloat(-2f).putFloat(0.1f);
        assertThat(Npy.read(stream(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", f4.array()), "x")
                .data()).containsExactly(1.5, -2.0, (double) 0.1f);

        ByteBuffer i4 = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(-7).putInt(Integer.MAX_VALUE);
        Npy.NpyArray a = Npy.read(stream(2, "{'descr': '<i4', 'fortran_order': False, 'shape': (1, 2), }",
                i4.array()), "x");
        assertThat(a.shape()).containsExactly(1, 2);
        assertThat(a.data()).containsExactly(-7.0, Integer.MAX_VALUE);

        ByteBuffer i8 = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(-3).putLong(1L << 40);
        assertThat(Npy.read(stream(3, "{\"descr\": \"<i8\", \"shape\": (2L,), \"fortran_order\": False}", i8.array()),
                "x").data()).containsExactly(-3.0, 0x1p40);

        ByteBuffer scalar = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(2.5);
        Npy.NpyArray s = Npy.read(stream(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (), }",
                scalar.array()), "x");
        assertThat(s.shape()).containsExactly(1);
        assertThat(s.data()).containsExactly(2.5);
    }

    @Test
    void streamReadConsumesExactlyOneArray() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(out, new double[] {1, 2, 3});
        Npy.write(out, new double[] {4, 5}, 1, 2);
        ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
        assertThat(Npy.read(in, "two").data()).containsExactly(1, 2, 3);
        assertThat(Npy.read(in, "two").shape()).containsExactly(1, 2);
        assertThat(in.available()).isZero();
    }

    @Test
    void everyTruncationThrowsDataFormatException() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(out, new double[] {1, 2, 3, 4, 5, 6}, 3, 2);
        byte[] full = out.toByteArray();
        Path file = dir.resolve("cut.npy");
        for (int len = 0; len < full.length; len++) {
            byte[] cut = Arrays.copyOf(full, len);
            Files.write(file, cut);
            assertThat(catchThrowable(() -> Npy.read(file))).as("file of %d bytes", len)
                    .isExactlyInstanceOf(DataFormatException.class).hasMessageStartingWith("cut.npy: ");
            assertThat(catchThrowable(() -> Npy.read(new ByteArrayInputStream(cut), "cut")))
                    .as("stream of %d bytes", len).isExactlyInstanceOf(DataFormatException.class);
        }
        assertThat(Npy.read(new ByteArrayInputStream(full), "full").data()).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void hugeDeclaredShapeOnTinyFileIsRefusedWithoutAllocating() throws IOException {
        byte[] tooManyForJava = bytes(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (100000000000,), }",
                new byte[16]);
        Path file = dir.resolve("huge.npy");
        Files.write(file, tooManyForJava);
        assertThatThrownBy(() -> Npy.read(file)).isExactlyInstanceOf(DataFormatException.class)
                .hasMessageContaining("huge.npy").hasMessageContaining("100000000000");
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(tooManyForJava), "s"))
                .isExactlyInstanceOf(DataFormatException.class);

        // Representable in Java (1.6 GB) but not present: refused from the file size, and streamed in chunks.
        byte[] lying = bytes(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (200000000,), }", new byte[16]);
        Files.write(file, lying);
        assertThatThrownBy(() -> Npy.read(file)).isExactlyInstanceOf(DataFormatException.class)
                .hasMessageContaining("truncated").hasMessageContaining("16 are present");
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(lying), "s"))
                .isExactlyInstanceOf(DataFormatException.class).hasMessageContaining("truncated");

        // The product of two individually valid dimensions overflows an int.
        byte[] product = bytes(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2147483647, 2147483647), }",
                new byte[0]);
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(product), "p"))
                .isExactlyInstanceOf(DataFormatException.class).hasMessageContaining("elements");
    }

    @Test
    void bigEndianObjectAndUnknownDtypesAreRefused() {
        assertThatThrownBy(() -> Npy.read(stream(1, "{'descr': '>f8', 'fortran_order': False, 'shape': (1,), }",
                new byte[8]), "be.npy")).isExactlyInstanceOf(DataFormatException.class)
                .hasMessageContaining("be.npy").hasMessageContaining("big-endian").hasMessageContaining("'<f8'");
        assertThatThrownBy(() -> Npy.read(stream(1, "{'descr': '|O', 'fortran_order': False, 'shape': (1,), }",
                new byte[8]), "o")).isExactlyInstanceOf(DataFormatException.class).hasMessageContaining("object");
        assertThatThrownBy(() -> Npy.read(stream(1, "{'descr': '<c16', 'fortran_order': False, 'shape': (1,), }",
                new byte[16]), "c")).isExactlyInstanceOf(DataFormatException.class).hasMessageContaining("'<c16'");
        assertThatThrownBy(() -> Npy.read(stream(1,
                "{'descr': [('x', '<f8')], 'fortran_order': False, 'shape': (1,), }", new byte[8]), "r"))
                .isExactlyInstanceOf(DataFormatException.class).hasMessageContaining("structured");
    }

    @Test
    void otherMalformedInputsAreRefused() {
        String ok = "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }";
        String[] badHeaders = {
            "{'descr': '<f8', 'fortran_order': True, 'shape': (1,), }",
            "{'descr': '<f8', 'fortran_order': False, 'shape': (1, 1, 1), }",
            "{'descr': '<f8', 'fortran_order': False, 'shape': (-1,), }",
            "{'descr': '<f8', 'fortran_order': False, 'shape': (1.5,), }",
            "{'descr': '<f8', 'fortran_order': False}",
            "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'extra': 1, }",
            "{'descr': '<f8', 'descr': '<f8', 'fortran_order': False, 'shape': (1,), }",
            "{'descr': '<f8', 'fortran_order': 0, 'shape': (1,), }",
            "{'descr': '<f8' 'fortran_order': False, 'shape': (1,) }",
            "{'descr': '<f8, 'fortran_order': False, 'shape': (1,), }",
            "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), } junk",
            "not a dict",
            "",
        };
        for (String h : badHeaders) {
            assertThat(catchThrowable(() -> Npy.read(stream(1, h, new byte[8]), "bad.npy"))).as(h)
                    .isExactlyInstanceOf(DataFormatException.class).hasMessageStartingWith("bad.npy: ");
        }
        byte[] valid = bytes(1, ok, new byte[8]);
        byte[] badMagic = valid.clone();
        badMagic[1] = 'X';
        byte[] badVersion = valid.clone();
        badVersion[6] = 4;
        byte[] headerBeyondFile = valid.clone();
        headerBeyondFile[9] = 0x7f;
        byte[] trailing = Arrays.copyOf(valid, valid.length + 3);
        for (byte[] b : new byte[][] {badMagic, badVersion, headerBeyondFile}) {
            assertThat(catchThrowable(() -> Npy.read(new ByteArrayInputStream(b), "bad.npy")))
                    .isExactlyInstanceOf(DataFormatException.class);
        }
        assertThatThrownBy(() -> {
            Path file = dir.resolve("t.npy");
            Files.write(file, trailing);
            Npy.read(file);
        }).isExactlyInstanceOf(DataFormatException.class).hasMessageContaining("3 bytes after the data");
    }

    @Test
    void writeValidatesShape() {
        assertThatThrownBy(() -> Npy.write(new ByteArrayOutputStream(), new double[6], 4, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(4, 2)");
        assertThatThrownBy(() -> Npy.write(new ByteArrayOutputStream(), new double[6], 1, 2, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1-D and 2-D");
        assertThatThrownBy(() -> Npy.write(new ByteArrayOutputStream(), new double[0], -1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> new Npy.NpyArray(new int[] {2}, new double[3]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Builds an .npy file by hand with the given version, header dict (padded here) and raw data bytes. */
    private static byte[] bytes(int version, String dict, byte[] data) {
        int lengthBytes = version == 1 ? 2 : 4;
        String header = dict + " ".repeat(64 - (10 + lengthBytes - 2 + dict.length() + 1) % 64) + "\n";
        byte[] h = header.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(8 + lengthBytes + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) version, 0});
        if (version == 1) {
            b.putShort((short) h.length);
        } else {
            b.putInt(h.length);
        }
        return b.put(h).put(data).array();
    }

    private static ByteArrayInputStream stream(int version, String dict, byte[] data) {
        return new ByteArrayInputStream(bytes(version, dict, data));
    }
}
