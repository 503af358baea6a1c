package ddmatch.io;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads and writes plain comma-separated tables of doubles: an optional header line of column names followed by rows
 * of numbers, no quoting. Numbers are written with {@link Double#toString(double)}, which round-trips every double
 * exactly; reading accepts finite decimal numbers (optionally with an exponent) and {@code NaN} in any letter case.
 * Infinities are refused on both sides, because spreadsheet tools disagree on how to spell them.
 */
public final class Csv {
    /** A decimal number as most tools write it; deliberately excludes Java-only forms such as {@code 1d} or hex. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final String ALLOWED_NUMBER = "allowed is a finite or NaN decimal number such as 1.5, -2e-3 or NaN";

    private Csv() {}

    /**
     * A table read from a CSV file.
     *
     * @param header the column names, or an empty array when the file has no header line
     * @param data   the values in row-major order, {@code rows * cols} of them
     * @param rows   the number of data rows
     * @param cols   the number of columns (0 only for a file without any line)
     */
    public record CsvTable(String[] header, double[] data, int rows, int cols) {
        /** Validates the dimensions. */
        public CsvTable {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(data, "data");
            if (rows < 0 || cols < 0 || (long) rows * cols != data.length) {
                throw new IllegalArgumentException("rows " + rows + " x cols " + cols + " does not match data length "
                        + data.length + "; rows and cols must be >= 0 with rows * cols == data.length");
            }
            if (header.length != 0 && header.length != cols) {
                throw new IllegalArgumentException("header has " + header.length + " names for " + cols
                        + " columns; it must be empty or have one name per column");
            }
        }

        /** @return whether the file had a header line */
        public boolean hasHeader() {
            return header.length > 0;
        }

        /**
         * @param row the row, from 0
         * @param col the column, from 0
         * @return the value at ({@code row}, {@code col})
         */
        public double get(int row, int col) {
            Objects.checkIndex(row, rows);
            Objects.checkIndex(col, cols);
            return data[row * cols + col];
        }

        /** Compares header, shape and values, the latter as {@link Arrays#equals(double[], double[])} does. */
        @Override
        public boolean equals(Object o) {
            return o instanceof CsvTable t && rows == t.rows && cols == t.cols && Arrays.equals(header, t.header)
                    && Arrays.equals(data, t.data);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * Arrays.hashCode(header) + Arrays.hashCode(data)) + cols;
        }

        @Override
        public String toString() {
            return "CsvTable[header=" + Arrays.toString(header) + ", rows=" + rows + ", cols=" + cols + "]";
        }
    }

    /**
     * Writes a table atomically (see {@link AtomicFiles}), with {@code \n} line endings.
     *
     * @param path   the file to create or replace
     * @param header the column names, or {@code null} or empty for no header line; names must not be empty, contain
     *               commas, quotes or line breaks, or look like numbers (a reader would take the line for data)
     * @param data   the values in row-major order; must not contain infinities
     * @param cols   the number of columns, at least 1, dividing {@code data.length}
     * @throws IOException if writing fails
     */
    public static void write(Path path, String[] header, double[] data, int cols) throws IOException {
        write(path, header, data, cols, 0);
    }

    /**
     * As {@link #write(Path, String[], double[], int)}, with the first {@code integerColumns} columns written as whole
     * numbers ({@code 3}, not {@code 3.0}), e.g. an index; their values must be integers of at most 2^53 in magnitude.
     */
    public static void write(Path path, String[] header, double[] data, int cols, int integerColumns) throws IOException {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(data, "data");
        if (cols < 1 || data.length % cols != 0) {
            throw new IllegalArgumentException("cols = " + cols + " does not fit data of length " + data.length
                    + "; cols must be >= 1 and divide data.length");
        }
        String[] names = header == null ? new String[0] : header.clone();
        if (names.length != 0 && names.length != cols) {
            throw new IllegalArgumentException("header has " + names.length + " names for " + cols
                    + " columns; it must be null, empty or have one name per column");
        }
        for (String name : names) {
            if (name == null || name.isBlank() || name.strip().length() != name.length()
                    || name.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r') || isNumber(name)) {
                throw new IllegalArgumentException("column name " + (name == null ? "null" : "\"" + name + "\"")
                        + " is not allowed; names must be non-empty without surrounding spaces, commas, quotes or"
                        + " line breaks, and must not be numbers");
            }
        }
        for (int i = 0; i < data.length; i++) {
            if (i % cols < integerColumns && !(data[i] == Math.rint(data[i]) && Math.abs(data[i]) <= 0x1p53)) {
                throw new IllegalArgumentException("value " + data[i] + " at row " + i / cols + ", column " + i % cols
                        + " is not allowed; the column holds whole numbers");
            }
            if (Double.isInfinite(data[i])) {
                throw new IllegalArgumentException("value " + data[i] + " at row " + i / cols + ", column " + i % cols
                        + " cannot be written; CSV values must be finite or NaN");
            }
        }
        AtomicFiles.write(path, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            if (names.length > 0) {
                w.write(String.join(",", names));
                w.write('\n');
            }
            for (int i = 0; i < data.length; i++) {
                double v = data[i];
                w.write(i % cols < integerColumns ? Long.toString((long) v) : Double.toString(v));
                w.write((i + 1) % cols == 0 ? '\n' : ',');
            }
            w.flush();
        });
    }

    /** Reads a line, turning undecodable bytes into a {@link DataFormatException} that names the line. */
    private static String nextLine(BufferedReader reader, String source, int linesRead) throws IOException {
        try {
            return reader.readLine();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new DataFormatException(source + ":" + (linesRead + 1) + ": the file is not valid UTF-8 text ("
                    + e.getMessage() + "); allowed is UTF-8 (or ASCII) CSV", e);
        }
    }

    /**
     * Reads a table. The first line is taken as a header when none of its fields is a number. Blank lines are allowed
     * only at the end; every row must have as many fields as the first line; fields may be surrounded by spaces.
     *
     * @param path the file
     * @return the table
     * @throws IOException         if the file cannot be read
     * @throws DataFormatException naming {@code file:line:column}, the bad token and what is allowed
     */
    public static CsvTable read(Path path) throws IOException {
        Objects.requireNonNull(path, "path");
        String source = String.valueOf(path.getFileName());
        String[] header = new String[0];
        double[] data = new double[1024];
        int size = 0;
        int cols = -1;
        int rows = 0;
        int blankLine = 0; // first blank line seen, which is fine only if nothing follows it
        int lineNo = 0;
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String raw;
            while ((raw = nextLine(reader, source, lineNo)) != null) {
                lineNo++;
                // Drop the byte-order mark that some spreadsheet programs put at the start of UTF-8 files.
                String line = lineNo == 1 && raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
                if (line.isBlank()) {
                    if (blankLine == 0) {
                        blankLine = lineNo;
                    }
                    continue;
                }
                if (blankLine != 0) {
                    throw new DataFormatException(source + ":" + blankLine + ":1: empty line inside the table; "
                            + "allowed are blank lines only at the end of the file");
                }
                List<int[]> fields = split(line);
                if (cols < 0) {
                    cols = fields.size();
                    if (fields.stream().noneMatch(f -> isNumber(token(line, f)))) {
                        header = fields.stream().map(f -> token(line, f)).toArray(String[]::new);
                        continue;
                    }
                } else if (fields.size() != cols) {
                    // Point at the first surplus field, or just past the end of a short row.
                    boolean tooMany = fields.size() > cols;
                    int column = tooMany ? fields.get(cols)[0] + 1 : line.length() + 1;
                    String what = tooMany ? " (first extra field \"" + token(line, fields.get(cols)) + "\")" : "";
                    throw new DataFormatException(source + ":" + lineNo + ":" + column + ": row has " + fields.size()
                            + " fields" + what + "; allowed are exactly " + cols + " fields per row, as in the first line");
                }
                if (size + cols > data.length) {
                    data = Arrays.copyOf(data, Math.max(size + cols, 2 * data.length));
                }
                for (int c = 0; c < cols; c++) {
                    int[] f = fields.get(c);
                    data[size++] = parse(source, lineNo, f[0] + 1, token(line, f));
                }
                rows++;
            }
        }
        return new CsvTable(header, Arrays.copyOf(data, size), rows, Math.max(cols, 0));
    }

    private static double parse(String source, int line, int column, String token) {
        if (token.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        if (!DECIMAL.matcher(token).matches()) {
            throw new DataFormatException(source + ":" + line + ":" + column + ": bad number \"" + token + "\"; "
                    + ALLOWED_NUMBER);
        }
        double v = Double.parseDouble(token);
        if (Double.isInfinite(v)) {
            throw new DataFormatException(source + ":" + line + ":" + column + ": number \"" + token
                    + "\" is too large for a double; " + ALLOWED_NUMBER + " with magnitude below 1.8e308");
        }
        return v;
    }

    private static boolean isNumber(String token) {
        return token.equalsIgnoreCase("nan") || DECIMAL.matcher(token).matches();
    }

    /**
     * Splits a line at commas into fields, each as {start, end} of its content without surrounding spaces and tabs,
     * so that error columns point at the token itself.
     */
    private static List<int[]> split(String line) {
        List<int[]> fields = new ArrayList<>();
        int start = 0;
        while (true) {
            int comma = line.indexOf(',', start);
            int end = comma < 0 ? line.length() : comma;
            int s = start;
            int e = end;
            while (s < e && (line.charAt(s) == ' ' || line.charAt(s) == '\t')) {
                s++;
            }
            while (e > s && (line.charAt(e - 1) == ' ' || line.charAt(e - 1) == '\t')) {
                e--;
            }
            fields.add(new int[] {s, e});
            if (comma < 0) {
                return fields;
            }
            start = comma + 1;
        }
    }

    private static String token(String line, int[] field) {
        return line.substring(field[0], field[1]);
    }
}
