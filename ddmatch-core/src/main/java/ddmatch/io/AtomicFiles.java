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
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
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

    /**
     * Work that must finish before the temporary files are deleted, e.g. {@code simulate} writing its final checkpoint.
     * Run by the one shutdown hook, in order, so that a checkpoint written during shutdown cannot have its temporary
     * file deleted under it by a cleanup running in parallel (the JVM starts all hooks at once).
     */
    private static final Queue<Runnable> BEFORE_CLEANUP = new ConcurrentLinkedQueue<>();

    private static final Object HOOK_LOCK = new Object();
    /** Whether the hook is registered; false also when registration was impossible (the JVM was already exiting). */
    private static boolean hookInstalled;
    private static boolean hookTried;
    private static volatile boolean shuttingDown;

    /**
     * Registers the shutdown hook that runs {@link #beforeCleanup} work and then deletes the temporary files being
     * written. Idempotent. Commands call it at start-up: registered lazily, at the first atomic write, it failed with
     * "Shutdown in progress" when that first write was {@code simulate}'s final checkpoint, made during shutdown.
     *
     * @return whether the hook is in place (false if the JVM was already shutting down)
     */
    public static boolean installShutdownHook() {
        synchronized (HOOK_LOCK) {
            if (!hookTried) {
                hookTried = true;
                try {
                    Runtime.getRuntime().addShutdownHook(new Thread(AtomicFiles::onShutdown, "ddmatch-shutdown"));
                    hookInstalled = true;
                } catch (IllegalStateException | SecurityException e) {
                    // The JVM is already exiting (or forbids hooks): atomic writes still clean up after themselves on
                    // failure; only temporary files open at the moment of the halt may remain (.NAME.tmp-…).
                    hookInstalled = false;
                }
            }
            return hookInstalled;
        }
    }

    /** Whether the JVM has started to run its shutdown hooks (as seen by this class's hook). */
    public static boolean shuttingDown() {
        return shuttingDown;
    }

    /**
     * Has {@code work} run on JVM shutdown before the temporary files are deleted, until the returned handle is closed.
     * Work registered while the hook is already running is run too, if the hook has not finished yet.
     */
    public static Registration beforeCleanup(Runnable work) {
        Objects.requireNonNull(work, "work");
        installShutdownHook();
        BEFORE_CLEANUP.add(work);
        return () -> BEFORE_CLEANUP.remove(work);
    }

    /** Removes work registered with {@link #beforeCleanup}. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    private static void onShutdown() {
        shuttingDown = true;
        // Poll rather than iterate, so that work registered while we run is run as well.
        Runnable work;
        while ((work = BEFORE_CLEANUP.poll()) != null) {
            try {
                work.run();
            } catch (RuntimeException | Error e) {
                // One failing task must not keep the others (or the cleanup) from running while the JVM exits.
            }
        }
        for (Path p : LIVE) {
            try {
                deleteTree(p);
            } catch (IOException | RuntimeException e) {
                // Best effort while the JVM exits; the name (.NAME.tmp-…) marks it as safe to delete by hand.
            }
        }
    }

    /** Registers a temporary file or directory for deletion should the JVM exit before {@link #untrack(Path)}. */
    static void track(Path temp) {
        installShutdownHook();
        LIVE.add(temp);
    }

    /** The temporary path has been renamed or deleted. */
    static void untrack(Path temp) {
        LIVE.remove(temp);
    }

    /**
     * The operating system's reason for a failed file operation, in words ("permission denied", "not a directory",
     * "no space left on device"), without the path: Java's {@code AccessDeniedException} and {@code NoSuchFileException}
     * carry only the path as their message, which users read as an unexplained file name.
     */
    public static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "file already exists";
        }
        String r = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        if (r == null || r.isBlank()) {
            return e.getClass().getSimpleName();
        }
        // "Not a directory" → "not a directory", as the other reasons read mid-sentence.
        return r.length() > 1 && Character.isUpperCase(r.charAt(0)) && Character.isLowerCase(r.charAt(1))
                ? Character.toLowerCase(r.charAt(0)) + r.substring(1) : r;
    }

    /**
     * The file a temporary or partial file of this class or of {@link TrajectoryStream} stands for
     * ({@code dir/.NAME.tmp-X} and {@code dir/.NAME.partial-X} → {@code dir/NAME}); any other path unchanged. Error
     * messages name that file, which the user asked for, rather than the hidden one.
     */
    public static Path userPath(Path p) {
        Path name = p == null ? null : p.getFileName();
        if (name == null) {
            return p;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\.(.+)\\.(tmp|partial|probe)-[0-9a-z]+")
                .matcher(name.toString());
        return m.matches() ? p.resolveSibling(m.group(1)) : p;
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
