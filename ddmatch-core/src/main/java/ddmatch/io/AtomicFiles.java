package ddmatch.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Writes files atomically: the content goes to a temporary file next to the target, is forced to disk, and is then
 * renamed over the target. Readers (and a run restarted after a crash) therefore see either the old complete file or
 * the new complete file, never a truncated one.
 */
public final class AtomicFiles {
    private static final int BUFFER_SIZE = 1 << 16;
    private static final int MAX_NAME_ATTEMPTS = 100;

    private AtomicFiles() {}

    /**
     * Temporary files and directories being written right now. If the JVM shuts down (Ctrl-C, SIGTERM, System.exit)
     * while one is open, a shutdown hook deletes it, so that an interrupted command leaves neither a partial file under
     * the final name (which the rename already guarantees) nor temporary debris next to it.
     */
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    private static final class CleanupHook {
        static {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                for (Path p : LIVE) {
                    try {
                        deleteTree(p);
                    } catch (IOException | RuntimeException e) {
                        // Best effort while the JVM exits; the name (.NAME.tmp-…) marks it as safe to delete by hand.
                    }
                }
            }, "ddmatch-temp-cleanup"));
        }

        static void ensureInstalled() {
            // Loading the class runs the static initialiser once.
        }
    }

    /** Registers a temporary file or directory for deletion should the JVM exit before {@link #untrack(Path)}. */
    static void track(Path temp) {
        CleanupHook.ensureInstalled();
        LIVE.add(temp);
    }

    /** The temporary path has been renamed or deleted. */
    static void untrack(Path temp) {
        LIVE.remove(temp);
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }

    /**
     * Writes {@code target} atomically. The body receives a buffered stream that it must not keep after returning;
     * closing it is allowed and only flushes. Missing parent directories are created. The temporary file is named
     * {@code .<target-name>.tmp-<random>} in the target's directory, because a rename is only atomic within one file
     * system. If the body or any step throws, the temporary file is deleted, the target is left as it was, and the
     * exception is rethrown.
     *
     * @param target the file to create or replace
     * @param body   writes the content
     * @throws IOException if writing, forcing or renaming fails
     */
    public static void write(Path target, IOConsumer<OutputStream> body) throws IOException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(body, "body");
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null || absolute.getFileName() == null) {
            throw new IllegalArgumentException("cannot write to '" + target + "': it must name a file, not a root directory");
        }
        Files.createDirectories(dir);
        String name = absolute.getFileName().toString();

        FileChannel channel = null;
        Path temp = null;
        for (int attempt = 0; channel == null; attempt++) {
            temp = dir.resolve("." + name + ".tmp-" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36));
            try {
                // CREATE_NEW so that two concurrent writers can never share a temp file.
                channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= MAX_NAME_ATTEMPTS) {
                    throw e;
                }
            }
        }
        track(temp);
        try {
            try (FileChannel ch = channel) {
                NonClosingStream out = new NonClosingStream(new BufferedOutputStream(Channels.newOutputStream(ch), BUFFER_SIZE));
                body.accept(out);
                out.flush();
                // Without force() the rename may reach the disk before the data, and a power loss would leave an
                // empty or partial file under the final name.
                ch.force(true);
            }
            move(temp, absolute);
        } catch (Throwable t) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException | RuntimeException cleanup) {
                t.addSuppressed(cleanup);
            }
            throw t;
        } finally {
            untrack(temp);
        }
        forceDirectory(dir);
    }

    /**
     * Writes {@code content} as UTF-8 to {@code target} atomically, as {@link #write(Path, IOConsumer)}.
     *
     * @param target  the file to create or replace
     * @param content the text
     * @throws IOException if writing fails
     */
    public static void writeString(Path target, String content) throws IOException {
        Objects.requireNonNull(content, "content");
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        write(target, out -> out.write(bytes));
    }

    /**
     * Renames {@code temp} to {@code target}, replacing it, atomically where the file system allows. Package-private so
     * that {@link ModelFiles} commits a model directory with the same fallback policy as single files.
     */
    static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Some file systems (certain network or FUSE mounts) cannot rename atomically; a plain replace is still far
            // better than writing in place, since the data is complete and forced before the move.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Forces the directory entry of the rename to disk where the platform allows it (POSIX), best effort. */
    static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            // Windows and some file systems cannot open or sync directories; the file itself is already complete and
            // in place, so durability of the rename is the only thing lost.
        }
    }

    /** Hands the body a stream it may close without closing the channel we still need to force. */
    private static final class NonClosingStream extends OutputStream {
        private final OutputStream delegate;

        NonClosingStream(OutputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public void write(int b) throws IOException {
            delegate.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            delegate.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            delegate.flush();
        }

        @Override
        public void close() throws IOException {
            delegate.flush();
        }
    }
}
