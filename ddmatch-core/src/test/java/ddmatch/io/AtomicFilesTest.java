package ddmatch.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private static byte[] fill(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    private String[] listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void writesContentAndCreatesParentDirectories() throws IOException {
        Path target = dir.resolve("a/b/out.bin");
        byte[] content = fill(300_000);
        AtomicFiles.write(target, out -> out.write(content));
        assertThat(Files.readAllBytes(target)).isEqualTo(content);
        try (Stream<Path> s = Files.list(target.getParent())) {
            assertThat(s).containsExactly(target);
        }
    }

    @Test
    void replacesAnExistingFile() throws IOException {
        Path target = dir.resolve("t.txt");
        AtomicFiles.writeString(target, "old");
        AtomicFiles.writeString(target, "néw");
        assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo("néw");
        assertThat(listing()).containsExactly("t.txt");
    }

    @Test
    void bodyMayCloseTheStream() throws IOException {
        Path target = dir.resolve("closed.bin");
        AtomicFiles.write(target, out -> {
            out.write(fill(10));
            out.close();
        });
        assertThat(Files.readAllBytes(target)).isEqualTo(fill(10));
    }

    @Test
    void failingBodyLeavesNeitherTargetNorTempFile() throws IOException {
        Path target = dir.resolve("never.bin");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write(fill(200_000)); // more than the buffer, so part of it has reached the temp file
            throw new IOException("disk on fire");
        })).isExactlyInstanceOf(IOException.class).hasMessage("disk on fire");
        assertThat(target).doesNotExist();
        assertThat(listing()).isEmpty();

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write(1);
            throw new UncheckedIOException(new IOException("unchecked"));
        })).isExactlyInstanceOf(UncheckedIOException.class);
        assertThat(listing()).isEmpty();
    }

    @Test
    void failedWriteLeavesExistingTargetUntouched() throws IOException {
        Path target = dir.resolve("keep.txt");
        AtomicFiles.writeString(target, "precious");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("half of the new conte".getBytes(StandardCharsets.UTF_8));
            out.flush();
            throw new IllegalStateException("boom");
        })).isExactlyInstanceOf(IllegalStateException.class);
        assertThat(Files.readString(target)).isEqualTo("precious");
        assertThat(listing()).containsExactly("keep.txt");
    }
}
