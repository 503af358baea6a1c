package ddmatch.io;

import ddmatch.solve.Integrator;
import ddmatch.solve.Observable;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Appends rows of doubles to a 2-D {@code .npy} file (shape {@code rows × columns}, {@code '<f8'}, C order) as a run
 * produces them, holding only a small buffer in memory, so that runs far longer than memory can be saved.
 *
 * <p>The header is written first with a row count of 0; NumPy pads the header so that the leading dimension can grow
 * to 21 digits without changing its length, so {@link #close()} patches the true count in place and the result is
 * byte for byte what {@link Npy#write(Path, double[], int...)} writes for the same data. Everything goes to a
 * temporary file next to the target, is forced to disk and renamed over the target only at {@link #close()}, as in
 * {@link AtomicFiles}: the file appears under its name complete or not at all. {@link #abort()} (or a failure while
 * closing) deletes the temporary file and leaves any existing target untouched.
 *
 * <p>Implements {@link Integrator.Sink}, recording the first {@code columns} components of each state; use
 * {@link #sink(Observable)} to record a map of the state. Not thread safe.
 */
public final class NpyStreamWriter implements Integrator.Sink, Closeable {
    private static final int BUFFER_BYTES = 1 << 16;
    private static final int MAX_NAME_ATTEMPTS = 100;

    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private final int columns;
    private final byte[] emptyHeader;
    private final ByteBuffer buffer;
    private long rows;
    private boolean closed;

    private NpyStreamWriter(Path target, Path temp, FileChannel channel, int columns, byte[] emptyHeader) {
        this.target = target;
        this.temp = temp;
        this.channel = channel;
        this.columns = columns;
        this.emptyHeader = emptyHeader;
        this.buffer = ByteBuffer.allocate(Math.max(BUFFER_BYTES, Double.BYTES * columns)).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Starts a file of rows of {@code columns} doubles, to appear as {@code target} at {@link #close()}.
     *
     * @param target  the file to create or replace
     * @param columns row length (≥ 1)
     * @throws IOException if the temporary file cannot be created
     */
    public static NpyStreamWriter open(Path target, int columns) throws IOException {
        Objects.requireNonNull(target, "target");
        if (columns < 1) {
            throw new IllegalArgumentException("columns = " + columns + " is not allowed; a row must hold at least 1 value");
        }
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null || absolute.getFileName() == null) {
            throw new IllegalArgumentException("cannot write to '" + target + "': it must name a file, not a root directory");
        }
        Files.createDirectories(dir);
        // The header of an empty rows × columns array; Npy builds it, so both writers share one definition.
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        Npy.write(h, new double[0], 0, columns);
        byte[] header = h.toByteArray();
        String name = absolute.getFileName().toString();
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve("." + name + ".tmp-" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36));
            try {
                FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                AtomicFiles.track(temp);
                NpyStreamWriter w = new NpyStreamWriter(absolute, temp, ch, columns, header);
                try {
                    w.writeFully(ByteBuffer.wrap(header));
                } catch (IOException | RuntimeException e) {
                    w.abort();
                    throw e;
                }
                return w;
            } catch (FileAlreadyExistsException e) {
                if (attempt >= MAX_NAME_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    public int columns() { return columns; }

    /** Rows appended so far. */
    public long rows() { return rows; }

    /**
     * Appends {@code row[0..columns)}.
     *
     * @throws IOException if writing fails
     */
    public void append(double[] row) throws IOException {
        if (closed) {
            throw new IllegalStateException("NpyStreamWriter for '" + target + "' is closed; no rows can be appended");
        }
        if (row.length < columns) {
            throw new IllegalArgumentException("row has length " + row.length + " but the file has " + columns + " columns");
        }
        if (buffer.remaining() < Double.BYTES * columns) {
            drain();
        }
        for (int c = 0; c < columns; c++) {
            buffer.putDouble(row[c]);
        }
        rows++;
    }

    /** Appends the first {@code columns} components of {@code x}; I/O errors surface as {@link UncheckedIOException}. */
    @Override
    public void accept(double t, double[] x) {
        try {
            append(x);
        } catch (IOException e) {
            throw new UncheckedIOException("writing row " + rows + " of '" + target + "' failed", e);
        }
    }

    /** A sink that appends {@code observed(x)} for each state; {@code observed.dimension()} must equal the columns. */
    public Integrator.Sink sink(Observable observed) {
        if (observed.dimension() != columns) {
            throw new IllegalArgumentException("observable has dimension " + observed.dimension() + " but the file has "
                    + columns + " columns");
        }
        double[] row = new double[columns];
        return (t, x) -> {
            observed.observe(x, row);
            accept(t, row);
        };
    }

    /**
     * Writes the final row count into the header, forces the data to disk and renames the temporary file to the
     * target. Idempotent. On failure the temporary file is deleted and the target left as it was.
     *
     * @throws IOException if any step fails
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            drain();
            channel.write(ByteBuffer.wrap(patchedHeader()), 0);
            channel.force(true);
            channel.close();
            AtomicFiles.move(temp, target);
            AtomicFiles.untrack(temp);
        } catch (IOException | RuntimeException | Error e) {
            discard(e);
            throw e;
        }
        AtomicFiles.forceDirectory(target.getParent());
    }

    /** Abandons the file: deletes the temporary file; an existing target is not touched. Idempotent. */
    public void abort() {
        if (closed) {
            return;
        }
        closed = true;
        discard(null);
    }

    private void discard(Throwable failure) {
        try {
            channel.close();
        } catch (IOException e) {
            if (failure != null) failure.addSuppressed(e);
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            if (failure != null) failure.addSuppressed(e);
        }
        AtomicFiles.untrack(temp);
    }

    /**
     * The header for {@code rows × columns}: the empty header with "(0, c)" replaced by "(rows, c)" and as many
     * padding spaces removed as digits added, which is exactly NumPy's growth-axis padding.
     */
    private byte[] patchedHeader() {
        return patchedHeader(emptyHeader, columns, rows);
    }

    /** {@link #patchedHeader()} for any empty header; shared with {@link TrajectoryStream}. */
    static byte[] patchedHeader(byte[] emptyHeader, int columns, long rows) {
        String text = new String(emptyHeader, StandardCharsets.ISO_8859_1);
        String empty = "'shape': (0, " + columns + "), }";
        int at = text.indexOf(empty);
        String digits = Long.toString(rows);
        int extra = digits.length() - 1;
        int end = at + empty.length();
        if (at < 0 || extra >= 21 || !text.substring(end, end + extra).isBlank()) {
            throw new IllegalStateException("unexpected .npy header layout: " + text.trim());
        }
        String patched = text.substring(0, at) + "'shape': (" + digits + ", " + columns + "), }" + text.substring(end + extra);
        byte[] out = patched.getBytes(StandardCharsets.ISO_8859_1);
        if (out.length != emptyHeader.length) {
            throw new IllegalStateException("patched .npy header changed length");
        }
        return out;
    }

    private void drain() throws IOException {
        buffer.flip();
        writeFully(buffer);
        buffer.clear();
    }

    private void writeFully(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }
}
