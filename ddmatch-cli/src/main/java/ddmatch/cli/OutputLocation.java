package ddmatch.cli;

import ddmatch.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Checks, before a long computation, that an output file can be written where the user asked, and words write failures
 * with the OS reason and the path the user gave (not the temporary file next to it).
 *
 * <p>Missing directories: only the last one is created (as {@code mkdir} would, not {@code mkdir -p}). A typo in a
 * path such as {@code -o /nonexistent/dir/x.npy} then fails with a message instead of creating a directory tree.
 */
final class OutputLocation {
    private OutputLocation() {}

    /**
     * Makes sure {@code file}'s directory exists (creating it if its own parent exists) and that a file can be created
     * in it, by creating and deleting a hidden probe file: permission bits say nothing for root, a read-only mount or
     * a full inode table, the probe covers them all.
     *
     * @param option the option that named the file, e.g. {@code --output}
     * @throws IllegalArgumentException when more than the last directory is missing or a path component is a file
     * @throws IOException              naming the option, the path and the OS reason when nothing can be created there
     */
    static void requireWritable(String option, Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null || absolute.getFileName() == null) {
            throw new IllegalArgumentException(option + " = " + file + " is not allowed; it must name a file");
        }
        if (Files.isDirectory(absolute)) {
            throw new IllegalArgumentException(option + " = " + file + " is a directory; give a file name");
        }
        if (!Files.isDirectory(dir)) {
            if (Files.exists(dir)) {
                throw new IllegalArgumentException(option + " = " + file + " is not allowed: " + dir
                        + " is not a directory");
            }
            Path grand = dir.getParent();
            if (grand == null || !Files.isDirectory(grand)) {
                throw new IllegalArgumentException(option + " = " + file + " is not allowed: the directory " + dir
                        + " does not exist, nor does " + grand + "; ddmatch creates only the last missing directory, so"
                        + " create the others first (or check the path for a typo)");
            }
            try {
                Files.createDirectory(dir);
            } catch (IOException e) {
                throw failure(option, file, "cannot create the directory " + dir, e);
            }
        }
        Path probe = null;
        try {
            probe = Files.createTempFile(dir, "." + absolute.getFileName() + ".probe-", "");
        } catch (IOException e) {
            throw failure(option, file, "cannot create a file in " + dir, e);
        } finally {
            if (probe != null) {
                Files.deleteIfExists(probe);
            }
        }
    }

    /**
     * Refuses a run whose output clearly does not fit the free space of the file system that will hold it.
     *
     * @param bytes  the least the output will take
     * @param exact  whether {@code bytes} is the exact size (.npy) or only a lower bound (.csv)
     * @param advice what to change, e.g. "shorten --time or record fewer rows with --every"
     * @throws IllegalArgumentException saying how big the output would be and how much space there is
     */
    static void requireSpace(String option, Path file, long bytes, boolean exact, String advice) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        while (dir != null && !Files.isDirectory(dir)) {
            dir = dir.getParent();
        }
        if (dir == null) {
            return;
        }
        long usable;
        try {
            FileStore store = Files.getFileStore(dir);
            usable = store.getUsableSpace();
        } catch (IOException | RuntimeException e) {
            return;   // some file systems cannot say; the write itself then reports a full disk
        }
        if (usable > 0 && bytes > usable) {
            throw new IllegalArgumentException(option + " = " + file + ": the output would take " + (exact ? "" : "at least ")
                    + size(bytes) + " but its file system (" + dir + ") has " + size(usable) + " free; " + advice);
        }
    }

    /** A byte count for people: "1.3 GB" (powers of 1000, as df -H). */
    static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " bytes";
        }
        String[] units = {"kB", "MB", "GB", "TB", "PB", "EB"};
        double v = bytes;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, "%.3g %s", v, units[u]);
    }

    /** "cannot write --output = x.npy: permission denied (cannot create a file in /dir)", keeping the cause. */
    static IOException failure(String option, Path file, String what, IOException e) {
        return new IOException("cannot write " + option + " = " + file + ": " + AtomicFiles.reason(e) + " (" + what + ")", e);
    }
}
