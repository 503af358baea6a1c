package ddmatch.io;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Streams a trajectory — rows {@code (t, z_0, …, z_{d−1})} — to a {@code .npy} or {@code .csv} file as a run produces it,
 * holding only a 64 KiB buffer, and can stop and continue: the basis of {@code simulate}'s checkpoints.
 *
 * <p>Rows go to a <em>partial</em> file next to the target ({@code .NAME.partial-XXXX}). {@link #sync()} forces the
 * rows so far to disk and returns the byte length that holds them; a checkpoint records it, and
 * {@link #resume(Path, Path, String[], long, long)} truncates the partial file to that length and continues. Only
 * {@link #commit()} makes the target appear, by renaming the completed partial file over it (for {@code .npy} after
 * patching the row count into the header, as {@link NpyStreamWriter} does), so the target is complete or absent, and an
 * existing target is untouched until then. The bytes are exactly those of {@link TrajectoryFiles#write} for the same
 * rows. Not thread safe.
 */
public final class TrajectoryStream implements Closeable {
    private static final int BUFFER_BYTES = 1 << 16;

    private final Path target;
    private final Path partial;
    private final boolean npy;
    private final int columns;
    private final byte[] emptyHeader;
    private final FileChannel channel;
    private final ByteBuffer buffer;
    private final StringBuilder line = new StringBuilder();
    private long rows;
    private long bytesWritten;
    private boolean closed;

    private TrajectoryStream(Path target, Path partial, boolean npy, int columns, byte[] emptyHeader, FileChannel channel,
                             long rows, long bytes) {
        this.target = target;
        this.partial = partial;
        this.npy = npy;
        this.columns = columns;
        this.emptyHeader = emptyHeader;
        this.channel = channel;
        this.rows = rows;
        this.bytesWritten = bytes;
        this.buffer = ByteBuffer.allocate(Math.max(BUFFER_BYTES, 32 * columns)).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A fresh partial-file name next to {@code target}. */
    public static Path partialFor(Path target) {
        Path absolute = target.toAbsolutePath();
        return absolute.resolveSibling("." + absolute.getFileName() + ".partial-"
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36));
    }

    /**
     * Starts a new trajectory file.
     *
     * @param target  the {@code .npy} or {@code .csv} file that {@link #commit()} creates or replaces
     * @param partial where the rows go until then (must not exist; see {@link #partialFor(Path)})
     * @param names   one name per component (the CSV header after {@code t}; for {@code .npy} only counted)
     * @throws IOException if the partial file cannot be created or written
     */
    public static TrajectoryStream create(Path target, Path partial, String[] names) throws IOException {
        boolean npy = isNpy(target);
        int columns = names.length + 1;
        Files.createDirectories(partial.toAbsolutePath().getParent());
        FileChannel ch = FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        byte[] header = header(npy, names);
        TrajectoryStream s = new TrajectoryStream(target.toAbsolutePath(), partial, npy, columns, npy ? header : null, ch, 0, 0);
        try {
            s.buffer.put(header);
        } catch (RuntimeException e) {
            s.abort();
            throw e;
        }
        return s;
    }

    /**
     * Continues a partial file left by an interrupted run: truncates it to {@code bytes} (the length {@link #sync()}
     * returned when the checkpoint was taken, holding {@code rows} rows) and appends from there.
     *
     * @throws DataFormatException if the partial file is missing or shorter than {@code bytes}
     * @throws IOException         if it cannot be opened
     */
    public static TrajectoryStream resume(Path target, Path partial, String[] names, long rows, long bytes) throws IOException {
        boolean npy = isNpy(target);
        int columns = names.length + 1;
        if (!Files.isRegularFile(partial)) {
            throw new DataFormatException("the partial trajectory '" + partial + "' named by the checkpoint does not exist;"
                    + " the run cannot be resumed (start it again)");
        }
        long size = Files.size(partial);
        byte[] header = header(npy, names);
        if (size < bytes || bytes < header.length || rows < 0 || (npy && bytes != header.length + rows * 8L * columns)) {
            throw new DataFormatException("the partial trajectory '" + partial + "' has " + size + " bytes but the checkpoint"
                    + " records " + rows + " rows in " + bytes + " bytes; the files do not belong together");
        }
        FileChannel ch = FileChannel.open(partial, StandardOpenOption.WRITE);
        ch.truncate(bytes);
        ch.position(bytes);
        return new TrajectoryStream(target.toAbsolutePath(), partial, npy, columns, npy ? header : null, ch, rows, bytes);
    }

    private static boolean isNpy(Path target) {
        TrajectoryFiles.checkExtension(target);
        return target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy");
    }

    private static byte[] header(boolean npy, String[] names) throws IOException {
        if (npy) {
            ByteArrayOutputStream h = new ByteArrayOutputStream();
            Npy.write(h, new double[0], 0, names.length + 1);
            return h.toByteArray();
        }
        return ("t," + String.join(",", names) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    public Path target() { return target; }

    public Path partial() { return partial; }

    /** Rows appended so far. */
    public long rows() { return rows; }

    /**
     * Appends the row {@code (t, z[0..columns−1))}.
     *
     * @throws IOException if writing fails (for example a full disk)
     */
    public void append(double t, double[] z) throws IOException {
        if (closed) {
            throw new IllegalStateException("the trajectory stream for '" + target + "' is closed");
        }
        if (npy) {
            if (buffer.remaining() < 8 * columns) {
                drain();
            }
            buffer.putDouble(t);
            for (int c = 1; c < columns; c++) {
                buffer.putDouble(z[c - 1]);
            }
        } else {
            line.setLength(0);
            line.append(t);
            for (int c = 1; c < columns; c++) {
                double v = z[c - 1];
                if (Double.isInfinite(v)) {
                    throw new IllegalArgumentException("value " + v + " at row " + rows + ", column " + c
                            + " cannot be written; CSV values must be finite or NaN");
                }
                line.append(',').append(v);
            }
            line.append('\n');
            byte[] b = line.toString().getBytes(StandardCharsets.US_ASCII);
            if (buffer.remaining() < b.length) {
                drain();
            }
            buffer.put(b);
        }
        rows++;
    }

    /**
     * Writes the buffer and forces the partial file to disk.
     *
     * @return its length in bytes, which holds exactly {@link #rows()} rows
     * @throws IOException if writing fails
     */
    public long sync() throws IOException {
        drain();
        channel.force(false);
        return bytesWritten;
    }

    /**
     * Completes the file and renames it to the target. On failure the partial file is deleted and the target is left as
     * it was. Idempotent.
     *
     * @throws IOException if any step fails
     */
    public void commit() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            drain();
            if (npy) {
                channel.write(ByteBuffer.wrap(NpyStreamWriter.patchedHeader(emptyHeader, columns, rows)), 0);
            }
            channel.force(true);
            channel.close();
            AtomicFiles.move(partial, target);
        } catch (IOException | RuntimeException | Error e) {
            discard(e);
            throw e;
        }
        AtomicFiles.forceDirectory(target.getParent());
    }

    /**
     * Stops writing but keeps the partial file as it stands after the last {@link #sync()} (or later), for a checkpoint
     * to resume from. Idempotent; errors while closing are ignored, since resuming truncates to the synced length.
     */
    public void detach() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            // The synced prefix is already on disk, and that prefix is all a resume reads.
        }
    }

    /** Abandons the file: deletes the partial file; an existing target is not touched. Idempotent. */
    public void abort() {
        if (closed) {
            return;
        }
        closed = true;
        discard(null);
    }

    /** Same as {@link #abort()} unless {@link #commit()} or {@link #detach()} already ran. */
    @Override
    public void close() {
        abort();
    }

    private void discard(Throwable failure) {
        try {
            channel.close();
        } catch (IOException e) {
            if (failure != null) failure.addSuppressed(e);
        }
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            if (failure != null) failure.addSuppressed(e);
        }
    }

    private void drain() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            bytesWritten += channel.write(buffer);
        }
        buffer.clear();
    }
}
