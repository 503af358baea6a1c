package ddmatch.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Reads and writes NumPy {@code .npy} files holding 1-D or 2-D arrays of doubles, so that data can be exchanged with
 * Python ({@code np.load} / {@code np.save}) without conversion.
 *
 * <p>Writing always produces format version 1.0 with dtype {@code '<f8'} in C order, byte-for-byte as
 * {@code np.save} writes it. Reading accepts versions 1.0, 2.0 and 3.0, dtypes {@code '<f8'}, {@code '<f4'},
 * {@code '<i4'} and {@code '<i8'} (converted to double; 64-bit integers beyond 2<sup>53</sup> lose precision), C order,
 * and 0-d, 1-D and 2-D shapes (a 0-d scalar is returned as a length-1 1-D array). Every malformed input throws a
 * {@link DataFormatException}; the reader never allocates more than the data actually present.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** NumPy aligns the start of the data to 64 bytes so that it can be memory-mapped efficiently. */
    private static final int ALIGN = 64;
    /**
     * NumPy (1.24+) pads the header so that the growth axis can reach 21 digits without rewriting the file; we do the
     * same so that our output is byte-identical.
     */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    /** Generous bound on the header length; real headers are about 128 bytes, so anything larger is corruption. */
    private static final int MAX_HEADER_LENGTH = 1 << 20;
    /** Largest array length the JVM reliably allocates. */
    private static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;
    /** Conversion chunk: large enough for bulk-transfer speed, small enough to never matter for memory. */
    private static final int CHUNK_BYTES = 1 << 16;
    private static final String ALLOWED_DTYPES = "allowed dtypes are '<f8', '<f4', '<i4' and '<i8' (little-endian)";

    private Npy() {}

    /**
     * An array read from or written to an {@code .npy} file: its shape (1-D or 2-D) and its elements in C (row-major)
     * order. The shape is copied; the data array is shared, not copied, because it may be large.
     *
     * @param shape one or two non-negative dimensions
     * @param data  the elements, {@code product(shape)} of them
     */
    public record NpyArray(int[] shape, double[] data) {
        /** Validates the shape against the data. */
        public NpyArray {
            Objects.requireNonNull(shape, "shape");
            Objects.requireNonNull(data, "data");
            shape = shape.clone();
            long count = checkedCount(shape);
            if (count != data.length) {
                throw new IllegalArgumentException("shape " + shapeString(shape) + " holds " + count
                        + " elements but data has " + data.length + "; the product of the shape must equal data.length");
            }
        }

        /** @return a copy of the shape */
        @Override
        public int[] shape() {
            return shape.clone();
        }

        /** @return the number of dimensions, 1 or 2 */
        public int ndim() {
            return shape.length;
        }

        /** @return the number of rows: the length for a 1-D array, {@code shape[0]} for a 2-D array */
        public int rows() {
            return shape[0];
        }

        /** @return the number of columns: 1 for a 1-D array, {@code shape[1]} for a 2-D array */
        public int cols() {
            return shape.length == 1 ? 1 : shape[1];
        }

        /** Compares shape and elements, the latter as {@link Arrays#equals(double[], double[])} does. */
        @Override
        public boolean equals(Object o) {
            return o instanceof NpyArray other && Arrays.equals(shape, other.shape) && Arrays.equals(data, other.data);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "NpyArray[shape=" + shapeString(shape) + "]";
        }
    }

    // ------------------------------------------------------------------------------------------------ writing

    /**
     * Writes {@code data} with the given shape to {@code path} atomically (see {@link AtomicFiles}).
     *
     * @param path  the file to create or replace
     * @param data  the elements in C order
     * @param shape one or two dimensions whose product is {@code data.length}; none means 1-D of length
     *              {@code data.length}
     * @throws IOException if writing fails
     */
    public static void write(Path path, double[] data, int... shape) throws IOException {
        byte[] header = header(data, shape);
        AtomicFiles.write(path, out -> writeValidated(out, header, data));
    }

    /**
     * Writes {@code data} with the given shape to {@code out}, which is flushed but not closed.
     *
     * @param out   the destination
     * @param data  the elements in C order
     * @param shape one or two dimensions whose product is {@code data.length}; none means 1-D of length
     *              {@code data.length}
     * @throws IOException if writing fails
     */
    public static void write(OutputStream out, double[] data, int... shape) throws IOException {
        Objects.requireNonNull(out, "out");
        writeValidated(out, header(data, shape), data);
    }

    private static void writeValidated(OutputStream out, byte[] header, double[] data) throws IOException {
        out.write(header);
        byte[] buf = new byte[(int) Math.min(CHUNK_BYTES, 8L * data.length)];
        ByteBuffer bytes = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
        int perChunk = buf.length / Double.BYTES;
        for (int pos = 0; pos < data.length; pos += perChunk) {
            int n = Math.min(perChunk, data.length - pos);
            // A bulk put copies raw bits, so NaN payloads, -0.0 and subnormals survive unchanged.
            bytes.clear();
            bytes.asDoubleBuffer().put(data, pos, n);
            out.write(buf, 0, n * Double.BYTES);
        }
        out.flush();
    }

    /** Builds the complete preamble and header for a version 1.0 file, validating data and shape. */
    private static byte[] header(double[] data, int[] shape) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(shape, "shape");
        int[] s = shape.length == 0 ? new int[] {data.length} : shape;
        if (s.length > 2) {
            throw new IllegalArgumentException("shape " + shapeString(s) + " has " + s.length
                    + " dimensions; only 1-D and 2-D arrays can be written");
        }
        new NpyArray(s, data); // validates dims >= 0 and the element count
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': " + shapeString(s) + ", }";
        StringBuilder sb = new StringBuilder(dict);
        sb.append(" ".repeat(GROWTH_AXIS_MAX_DIGITS - Integer.toString(s[0]).length()));
        int preamble = MAGIC.length + 2 + 2;
        // NumPy always adds at least one space: padding is 1..64, never 0.
        int pad = ALIGN - (preamble + sb.length() + 1) % ALIGN;
        sb.append(" ".repeat(pad)).append('\n');
        byte[] text = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[preamble + text.length];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        out[6] = 1;
        out[7] = 0;
        out[8] = (byte) text.length;
        out[9] = (byte) (text.length >>> 8);
        System.arraycopy(text, 0, out, preamble, text.length);
        return out;
    }

    // ------------------------------------------------------------------------------------------------ reading

    /**
     * Reads an {@code .npy} file. The file must contain exactly one array: trailing bytes after the data are refused,
     * because they indicate corruption or a file that is not what it seems.
     *
     * @param path the file
     * @return the array
     * @throws IOException         if the file cannot be read
     * @throws DataFormatException if the content is malformed or unsupported
     */
    public static NpyArray read(Path path) throws IOException {
        Objects.requireNonNull(path, "path");
        long size = Files.size(path);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), CHUNK_BYTES)) {
            return read(in, String.valueOf(path.getFileName()), size);
        }
    }

    /**
     * Reads one array from a stream, consuming exactly its bytes (so several arrays saved one after another can be
     * read in turn). The stream is not closed. Since the stream's length is unknown, the data is read in chunks and
     * memory grows only with the bytes actually present.
     *
     * @param in         the stream, positioned at the magic string
     * @param sourceName names the source in error messages, e.g. a file name
     * @return the array
     * @throws IOException         if reading fails
     * @throws DataFormatException if the content is malformed, truncated or unsupported
     */
    public static NpyArray read(InputStream in, String sourceName) throws IOException {
        Objects.requireNonNull(in, "in");
        return read(in, String.valueOf(sourceName), -1);
    }

    /** @param size total byte length of the source, or -1 if unknown */
    private static NpyArray read(InputStream in, String source, long size) throws IOException {
        byte[] pre = in.readNBytes(MAGIC.length + 2);
        if (pre.length == 0) {
            throw fail(source, "is empty", "an .npy file starts with the magic string \\x93NUMPY");
        }
        if (!Arrays.equals(pre, 0, Math.min(pre.length, MAGIC.length), MAGIC, 0, Math.min(pre.length, MAGIC.length))) {
            throw fail(source, "does not start with the .npy magic string (first bytes: " + hex(pre) + ")",
                    "an .npy file starts with \\x93NUMPY as written by numpy.save");
        }
        if (pre.length < MAGIC.length + 2) {
            throw fail(source, "is truncated inside the preamble (" + pre.length + " bytes)",
                    "a complete file has a magic string, two version bytes, a header length and a header");
        }
        int major = pre[6] & 0xff;
        int minor = pre[7] & 0xff;
        if (major < 1 || major > 3 || minor != 0) {
            throw fail(source, "has unsupported format version " + major + "." + minor,
                    "supported versions are 1.0, 2.0 and 3.0");
        }
        int lengthBytes = major == 1 ? 2 : 4;
        byte[] lenField = in.readNBytes(lengthBytes);
        if (lenField.length < lengthBytes) {
            throw fail(source, "is truncated inside the header length field",
                    "version " + major + ".0 stores the header length in " + lengthBytes + " little-endian bytes");
        }
        long headerLength = 0;
        for (int i = lengthBytes - 1; i >= 0; i--) {
            headerLength = (headerLength << 8) | (lenField[i] & 0xff);
        }
        long dataStart = MAGIC.length + 2 + lengthBytes + headerLength;
        if (size >= 0 && dataStart > size) {
            throw fail(source, "declares a header of " + headerLength + " bytes but the file has only " + size + " bytes",
                    "the header must fit in the file");
        }
        if (headerLength > MAX_HEADER_LENGTH) {
            throw fail(source, "declares a header of " + headerLength + " bytes",
                    "at most " + MAX_HEADER_LENGTH + " bytes are accepted (NumPy writes about 128)");
        }
        // readNBytes(int) grows its buffer as bytes arrive, so a lying length field on a stream costs no memory.
        byte[] headerBytes = in.readNBytes((int) headerLength);
        if (headerBytes.length < headerLength) {
            throw fail(source, "is truncated inside the header (" + headerBytes.length + " of " + headerLength
                    + " bytes present)", "a complete header dictionary terminated by a newline");
        }
        String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Map<String, Object> dict = new HeaderParser(source, header).parse();

        Dtype dtype = Dtype.of(source, dict.get("descr"));
        if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
            throw fail(source, "has 'fortran_order': " + describe(dict.get("fortran_order")), "True or False");
        }
        if (fortran) {
            throw fail(source, "stores its array in Fortran (column-major) order",
                    "only C order (fortran_order False) is supported; save np.ascontiguousarray(a) instead");
        }
        if (!(dict.get("shape") instanceof long[] dims)) {
            throw fail(source, "has 'shape': " + describe(dict.get("shape")), "a tuple of non-negative integers");
        }
        if (dims.length > 2) {
            throw fail(source, "has a " + dims.length + "-D shape " + shapeString(dims),
                    "only 0-D, 1-D and 2-D arrays are supported");
        }
        long count = 1;
        for (long d : dims) {
            // Each factor is < 2^31 (checked by the parser) and the running product is kept below 2^31, so no overflow.
            count *= d;
            if (count > MAX_ELEMENTS) {
                throw fail(source, "declares shape " + shapeString(dims) + " with more than " + MAX_ELEMENTS + " elements",
                        "at most " + MAX_ELEMENTS + " elements fit in a Java array");
            }
        }
        long dataBytes = count * dtype.size;
        if (size >= 0) {
            long present = size - dataStart;
            if (present < dataBytes) {
                throw fail(source, "is truncated: shape " + shapeString(dims) + " of " + dtype.descr + " needs "
                        + dataBytes + " data bytes but only " + present + " are present",
                        "the data must be complete");
            }
            if (present > dataBytes) {
                throw fail(source, "has " + (present - dataBytes) + " bytes after the data of shape "
                        + shapeString(dims), "exactly one array per file");
            }
        }
        double[] data = readData(in, source, dtype, (int) count, size >= 0, dims);
        int[] shape = dims.length == 0 ? new int[] {1}
                : dims.length == 1 ? new int[] {(int) dims[0]} : new int[] {(int) dims[0], (int) dims[1]};
        return new NpyArray(shape, data);
    }

    /**
     * Reads {@code count} elements. If the byte count has been verified against the file size, the result is
     * allocated up front; otherwise it grows as chunks arrive so that a lying header cannot force a huge allocation.
     */
    private static double[] readData(InputStream in, String source, Dtype dtype, int count, boolean verified,
                                     long[] dims) throws IOException {
        double[] out = new double[verified ? count : Math.min(count, CHUNK_BYTES)];
        byte[] buf = new byte[(int) Math.min(CHUNK_BYTES, (long) count * dtype.size)];
        ByteBuffer bytes = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
        int perChunk = buf.length / dtype.size;
        for (int pos = 0; pos < count; pos += perChunk) {
            int n = Math.min(perChunk, count - pos);
            int got = in.readNBytes(buf, 0, n * dtype.size);
            if (got < n * dtype.size) {
                long present = (long) pos * dtype.size + got;
                throw fail(source, "is truncated: shape " + shapeString(dims) + " of " + dtype.descr + " needs "
                        + (long) count * dtype.size + " data bytes but only " + present + " are present",
                        "the data must be complete");
            }
            if (pos + n > out.length) {
                out = Arrays.copyOf(out, (int) Math.min(count, Math.max(pos + n, 2L * out.length)));
            }
            bytes.clear();
            dtype.convert(bytes, out, pos, n);
        }
        return out;
    }

    /** The element types accepted on reading, with their bulk conversion to double. */
    private enum Dtype {
        F8("<f8", 8) {
            @Override
            void convert(ByteBuffer b, double[] out, int pos, int n) {
                b.asDoubleBuffer().get(out, pos, n);
            }
        },
        F4("<f4", 4) {
            @Override
            void convert(ByteBuffer b, double[] out, int pos, int n) {
                var fb = b.asFloatBuffer();
                for (int i = 0; i < n; i++) {
                    out[pos + i] = fb.get(i);
                }
            }
        },
        I4("<i4", 4) {
            @Override
            void convert(ByteBuffer b, double[] out, int pos, int n) {
                var ib = b.asIntBuffer();
                for (int i = 0; i < n; i++) {
                    out[pos + i] = ib.get(i);
                }
            }
        },
        I8("<i8", 8) {
            @Override
            void convert(ByteBuffer b, double[] out, int pos, int n) {
                var lb = b.asLongBuffer();
                for (int i = 0; i < n; i++) {
                    out[pos + i] = lb.get(i);
                }
            }
        };

        final String descr;
        final int size;

        Dtype(String descr, int size) {
            this.descr = descr;
            this.size = size;
        }

        abstract void convert(ByteBuffer littleEndian, double[] out, int pos, int n);

        static Dtype of(String source, Object descr) {
            if (!(descr instanceof String s)) {
                throw fail(source, "has 'descr': " + describe(descr), ALLOWED_DTYPES);
            }
            for (Dtype d : values()) {
                if (d.descr.equals(s)) {
                    return d;
                }
            }
            if (s.startsWith(">")) {
                throw fail(source, "has big-endian dtype '" + s + "'",
                        ALLOWED_DTYPES + "; convert with a.astype('<f8') before saving");
            }
            if (s.contains("O")) {
                throw fail(source, "has object dtype '" + s + "' (pickled Python objects), which is never loaded",
                        ALLOWED_DTYPES);
            }
            throw fail(source, "has unsupported dtype '" + s + "'", ALLOWED_DTYPES);
        }
    }

    /**
     * Parses the Python dict literal of the header. Only the subset NumPy writes is accepted: string keys; string,
     * True/False and integer-tuple values. Lists are recognized only to refuse structured dtypes with a clear message.
     */
    private static final class HeaderParser {
        private static final String ALLOWED = "a dict like {'descr': '<f8', 'fortran_order': False, 'shape': (3, 2), }";
        private final String source;
        private final String text;
        private int pos;

        HeaderParser(String source, String text) {
            this.source = source;
            this.text = text;
        }

        Map<String, Object> parse() {
            Map<String, Object> map = new HashMap<>();
            skipSpace();
            expect('{');
            skipSpace();
            while (peek() != '}') {
                String key = string();
                skipSpace();
                expect(':');
                skipSpace();
                Object value = value(key);
                if (!key.equals("descr") && !key.equals("fortran_order") && !key.equals("shape")) {
                    throw fail(source, "has unknown header key '" + key + "'",
                            "exactly the keys 'descr', 'fortran_order' and 'shape'");
                }
                if (map.put(key, value) != null) {
                    throw fail(source, "has header key '" + key + "' twice", "each key once");
                }
                skipSpace();
                if (peek() == ',') {
                    pos++;
                    skipSpace();
                } else if (peek() != '}') {
                    throw error("expected ',' or '}'");
                }
            }
            pos++;
            // NumPy pads with spaces and ends with '\n'; older writers used NUL padding.
            while (pos < text.length() && (Character.isWhitespace(text.charAt(pos)) || text.charAt(pos) == '\0')) {
                pos++;
            }
            if (pos < text.length()) {
                throw error("unexpected text after the dict");
            }
            for (String key : new String[] {"descr", "fortran_order", "shape"}) {
                if (!map.containsKey(key)) {
                    throw fail(source, "header lacks the key '" + key + "'",
                            "exactly the keys 'descr', 'fortran_order' and 'shape'");
                }
            }
            return map;
        }

        private Object value(String key) {
            char c = peek();
            if (c == '\'' || c == '"') {
                return string();
            } else if (c == '(') {
                return tuple();
            } else if (c == '[') {
                throw fail(source, "has a structured (record) dtype in '" + key + "'", ALLOWED_DTYPES);
            } else if (text.startsWith("True", pos)) {
                pos += 4;
                return Boolean.TRUE;
            } else if (text.startsWith("False", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            throw error("expected a string, True, False or a tuple");
        }

        private String string() {
            char quote = peek();
            if (quote != '\'' && quote != '"') {
                throw error("expected a quoted string");
            }
            int end = text.indexOf(quote, pos + 1);
            if (end < 0) {
                throw error("unterminated string");
            }
            String s = text.substring(pos + 1, end);
            pos = end + 1;
            return s;
        }

        private long[] tuple() {
            expect('(');
            long[] dims = new long[0];
            skipSpace();
            while (peek() != ')') {
                int start = pos;
                long v = 0;
                while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
                    v = v * 10 + (text.charAt(pos++) - '0');
                    if (v > Integer.MAX_VALUE) {
                        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                            pos++;
                        }
                        throw fail(source, "declares dimension " + text.substring(start, pos) + " in its shape",
                                "each dimension must be at most " + MAX_ELEMENTS);
                    }
                }
                if (pos == start) {
                    throw error("expected a non-negative integer dimension");
                }
                if (peek() == 'L') {
                    pos++; // Python 2 long literal, as very old NumPy versions wrote
                }
                dims = Arrays.copyOf(dims, dims.length + 1);
                dims[dims.length - 1] = v;
                skipSpace();
                if (peek() == ',') {
                    pos++;
                    skipSpace();
                } else if (peek() != ')') {
                    throw error("expected ',' or ')' in the shape tuple");
                }
            }
            pos++;
            return dims;
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        /** @return the current character, or NUL at the end (which no grammar rule accepts) */
        private char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        private void skipSpace() {
            while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t' || text.charAt(pos) == '\n'
                    || text.charAt(pos) == '\r')) {
                pos++;
            }
        }

        private DataFormatException error(String what) {
            String shown = text.length() > 200 ? text.substring(0, 200) + "..." : text;
            return fail(source, "has an unparsable header at character " + pos + " (" + what + "): "
                    + shown.strip(), ALLOWED);
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static DataFormatException fail(String source, String problem, String allowed) {
        return new DataFormatException(source + ": " + problem + "; " + allowed);
    }

    private static long checkedCount(int[] shape) {
        if (shape.length < 1 || shape.length > 2) {
            throw new IllegalArgumentException("shape " + shapeString(shape) + " has " + shape.length
                    + " dimensions; only 1-D and 2-D arrays are supported");
        }
        long count = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("shape " + shapeString(shape) + " has a negative dimension; "
                        + "dimensions must be >= 0");
            }
            count *= d; // at most two factors below 2^31: cannot overflow a long
        }
        return count;
    }

    /** Formats a shape as Python's repr of a tuple: {@code ()}, {@code (5,)}, {@code (3, 2)}. */
    private static String shapeString(int[] shape) {
        return shapeString(Arrays.stream(shape).asLongStream().toArray());
    }

    private static String shapeString(long[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return sb.append(')').toString();
    }

    private static String describe(Object value) {
        if (value instanceof long[] t) {
            return shapeString(t);
        }
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, 8); i++) {
            sb.append(String.format("%02x", bytes[i] & 0xff));
        }
        return sb.toString();
    }
}
