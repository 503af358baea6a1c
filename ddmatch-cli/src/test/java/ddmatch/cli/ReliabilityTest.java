package ddmatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ddmatch.io.TrajectoryFiles;
import ddmatch.solve.Trajectory;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults lose nothing: an interrupted simulation resumes to the same bytes as an uninterrupted one, a full disk leaves
 * earlier results intact, results do not depend on the thread count, and long runs stream instead of filling the heap.
 */
class ReliabilityTest {
    @TempDir
    static Path dir;
    static Path model;

    @BeforeAll
    static void trainSmallModel() {
        model = dir.resolve("dw");
        CliTest.Run r = CliTest.run("train", "double-well", "--neurons", "60", "--samples", "800", "--seed", "3", "-o", model.toString());
        assertThat(r.code()).as(r.err()).isZero();
    }

    /**
     * Whether this process ignores SIGINT (bit 1 of {@code SigIgn} in /proc/self/status), as a command started in the
     * background of a non-interactive shell does. Children inherit that, and no shell can undo it ("signals ignored on
     * entry cannot be trapped or reset"), so a Ctrl-C test would see its SIGINT dropped.
     */
    static boolean sigintIgnored() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & 2L) != 0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;   // not Linux: assume the default disposition
        }
        return false;
    }

    /** A JVM running {@code ddmatch} with the test class path. */
    private static Process ddmatchProcess(String heap, Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (sigintIgnored()) {
            // Restore the default disposition for the child (perl can; a shell cannot), or skip: the tests that send
            // SIGINT would otherwise fail for a reason that has nothing to do with ddmatch.
            boolean perl = Files.isExecutable(Path.of("/usr/bin/perl"));
            Assumptions.assumeTrue(perl, "SIGINT is ignored in this environment and /usr/bin/perl is not there to reset it");
            cmd.addAll(List.of("/usr/bin/perl", "-e", "$SIG{INT} = 'DEFAULT'; exec { $ARGV[0] } @ARGV or die \"exec: $!\\n\";"));
        }
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap, "-XX:+UseSerialGC"));
        // The same network kernels as this JVM (Vector API or scalar: their last bits differ), as the launcher does.
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            cmd.addAll(List.of("--add-modules", "jdk.incubator.vector"));
        }
        cmd.addAll(sameBitsOptions());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Ddmatch.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /**
     * This JVM's options that decide the last bits of a run, for a child whose output is compared byte for byte with
     * one computed here: every {@code ddmatch.*} property (kernel, tanh form, BLAS) and the vector-width flags. Without
     * the latter, a suite run with {@code -XX:UseAVX=2} (256-bit vectors, as on AVX2-only CPUs) computed its reference
     * with 4-double vectors and the child with this machine's 8: the resumed file differed from the reference (both
     * resume tests failed, 2026-12-06), although each run alone resumes to its own bytes.
     */
    static List<String> sameBitsOptions() {
        List<String> options = new ArrayList<>();
        for (String arg : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.matches("-XX:([+-]?IgnoreUnrecognizedVMOptions|[+-]?UseFMA|[+-]?UseSuperWord|(UseAVX|UseSSE|MaxVectorSize)=.*)")) {
                options.add(arg);
            }
        }
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("ddmatch.")) {
                options.add("-D" + name + "=" + System.getProperty(name));
            }
        }
        return options;
    }

    private static List<Path> leftovers(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".")).toList();
        }
    }

    /** The uninterrupted run the resumed ones must equal byte for byte: {@code simulate} in this JVM, to work/reference.npy. */
    private static Path uninterrupted(Path work, String[] common) {
        Path reference = work.resolve("reference.npy");
        CliTest.Run ref = CliTest.run(concat(new String[] {"simulate", model.toString(), "-o", reference.toString()}, common));
        assertThat(ref.code()).as(ref.err()).isZero();
        return reference;
    }

    @Test
    void aKilledRunResumesToTheSameBytes() throws Exception {
        Path work = Files.createDirectories(dir.resolve("kill"));
        String[] common = {"--time", "8000", "--dt", "0.01", "--seed", "11"};
        Path reference = uninterrupted(work, common);

        Path out = work.resolve("resumed.npy");
        Path ckpt = work.resolve("run.ckpt");
        Process p = ddmatchProcess("-Xmx128m", work.resolve("log.txt"), concat(new String[] {"simulate", model.toString(),
                "-o", out.toString(), "--checkpoint", ckpt.toString(), "--checkpoint-every", "0.2"}, common));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(ckpt) && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(p.isAlive()).as("the run must still be going when its first checkpoint appears: %s",
                Files.exists(work.resolve("log.txt")) ? Files.readString(work.resolve("log.txt")) : "").isTrue();
        // SIGINT, as Ctrl-C sends: the shutdown hook writes a final checkpoint.
        assertThat(new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor()).isZero();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(work.resolve("log.txt"));
        assertThat(p.exitValue()).as("exit status after SIGINT; the run's output:%n%s", log).isEqualTo(130);
        assertThat(out).as("nothing under the final name after a kill").doesNotExist();
        assertThat(ckpt).exists();
        assertThat(log).contains("--resume");

        CliTest.Run resumed = CliTest.run("simulate", "--resume", ckpt.toString());
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.out()).containsPattern("resumed at step [1-9]");
        assertThat(Files.mismatch(reference, out)).isEqualTo(-1L);
        assertThat(ckpt).doesNotExist();
        assertThat(leftovers(work)).isEmpty();
    }

    /** The partial trajectory file next to {@code out}, or null while there is none. */
    private static Path partialOf(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out.getParent())) {
            return s.filter(p -> p.getFileName().toString().startsWith("." + out.getFileName() + ".partial-")).findFirst()
                    .orElse(null);
        }
    }

    /** Waits until the partial file next to {@code out} exceeds {@code bytes} (the run is in its step loop). */
    private static void awaitPartialBeyond(Process p, Path out, long bytes) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (p.isAlive() && System.nanoTime() < deadline) {
            Path partial = partialOf(out);
            try {
                if (partial != null && Files.size(partial) > bytes) {
                    return;
                }
            } catch (IOException vanished) {
                // renamed or removed meanwhile; the assertion after the wait reports it
            }
            Thread.sleep(10);
        }
    }

    /**
     * SIGINT before the first periodic checkpoint, then SIGTERM during the resumed run: each writes a final checkpoint
     * (the audit found a crash "Shutdown in progress" and no checkpoint, and a resumed run that deleted the partial file
     * its checkpoint refers to), and the run completes to the bytes of an uninterrupted one.
     */
    @Test
    void signalsBeforeTheFirstPeriodicCheckpointAndDuringAResumeLoseNothing() throws Exception {
        Path work = Files.createDirectories(dir.resolve("signal-early"));
        String[] common = {"--time", "8000", "--dt", "0.01", "--seed", "13"};
        Path reference = uninterrupted(work, common);

        Path out = work.resolve("z.npy");
        Path ckpt = work.resolve("run.ckpt");
        Path log1 = work.resolve("log1.txt");
        // A period of an hour: the only checkpoint this run can write is the final one, on the signal.
        Process p = ddmatchProcess("-Xmx128m", log1, concat(new String[] {"simulate", model.toString(), "-o", out.toString(),
                "--checkpoint", ckpt.toString(), "--checkpoint-every", "3600"}, common));
        awaitPartialBeyond(p, out, 100_000);
        assertThat(p.isAlive()).as("the run must still be going when it is interrupted: %s", Files.readString(log1)).isTrue();
        assertThat(ckpt).as("no periodic checkpoint yet").doesNotExist();
        assertThat(new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor()).isZero();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String first = Files.readString(log1);
        assertThat(p.exitValue()).as("exit status after SIGINT; the run's output:%n%s", first).isEqualTo(130);
        assertThat(first).contains("interrupted").contains("--resume " + ckpt).doesNotContain("Exception");
        assertThat(ckpt).exists();
        assertThat(Files.readString(ckpt)).contains("\"checkpointEvery\" : 3600.0");
        Path partial = partialOf(out);
        assertThat(partial).as("the partial file the checkpoint refers to").isNotNull();
        assertThat(Files.readString(ckpt)).contains(partial.toString());
        assertThat(out).doesNotExist();
        String step1 = Files.readAllLines(ckpt).stream().filter(l -> l.contains("\"step\"")).findFirst().orElseThrow();

        // Interrupt the resumed run too (SIGTERM, as Process.destroy sends), once it has appended rows.
        Path log2 = work.resolve("log2.txt");
        long synced = Files.size(partial);
        Process q = ddmatchProcess("-Xmx128m", log2, "simulate", "--resume", ckpt.toString());
        awaitPartialBeyond(q, out, synced + 200_000);
        assertThat(q.isAlive()).as("the resumed run must still be going: %s", Files.readString(log2)).isTrue();
        q.destroy();
        assertThat(q.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String second = Files.readString(log2);
        assertThat(q.exitValue()).as("exit status after SIGTERM; the run's output:%n%s", second).isEqualTo(143);
        assertThat(second).contains("interrupted").contains("--resume " + ckpt).doesNotContain("Exception");
        assertThat(partial).as("the resumed run keeps the partial file its checkpoint refers to").exists();
        assertThat(Files.readString(ckpt)).as("a new checkpoint, further on").doesNotContain(step1)
                .contains("\"checkpointEvery\" : 3600.0");

        CliTest.Run resumed = CliTest.run("simulate", "--resume", ckpt.toString());
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(Files.mismatch(reference, out)).as("resumed twice vs uninterrupted").isEqualTo(-1L);
        assertThat(ckpt).doesNotExist();
        assertThat(leftovers(work)).isEmpty();
    }

    @Test
    void aKilledRunWithoutCheckpointLeavesNothingAndKeepsThePreviousFile() throws Exception {
        Path work = Files.createDirectories(dir.resolve("kill-plain"));
        Path out = work.resolve("z.npy");
        byte[] previous = "previous results".getBytes();
        Files.write(out, previous);
        Process p = ddmatchProcess("-Xmx128m", work.resolve("log.txt"), "simulate", model.toString(), "--time", "100000",
                "--dt", "0.01", "-o", out.toString());
        // Wait until the run streams rows into its partial file, then send SIGTERM.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (p.isAlive() && System.nanoTime() < deadline && leftovers(work).stream().noneMatch(f -> {
            try {
                return Files.size(f) > 1_000_000;
            } catch (IOException e) {
                return false;
            }
        })) {
            Thread.sleep(20);
        }
        assertThat(p.isAlive()).isTrue();
        p.destroy(); // SIGTERM
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("exit status after SIGTERM; the run's output:%n%s", Files.readString(work.resolve("log.txt")))
                .isEqualTo(143);
        assertThat(Files.readAllBytes(out)).isEqualTo(previous);
        assertThat(leftovers(work)).as("the partial file is removed").isEmpty();
        assertThat(Files.readString(work.resolve("log.txt"))).contains("interrupted").contains("nothing was written under");
    }

    @Test
    void ctrlCDuringTrainingLeavesNoModelAndNoDebris() throws Exception {
        Path work = Files.createDirectories(dir.resolve("kill-train"));
        Path out = work.resolve("big");
        // N = 3000 on 6000 samples: a fit of several seconds, interrupted after one.
        Process p = ddmatchProcess("-Xmx1g", work.resolve("log.txt"), "train", "lorenz", "--neurons", "3000", "--samples",
                "6000", "-o", out.toString());
        Thread.sleep(1500);
        assertThat(p.isAlive()).as("training must still run when interrupted").isTrue();
        assertThat(new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor()).isZero();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("exit status after SIGINT; the run's output:%n%s", Files.readString(work.resolve("log.txt")))
                .isEqualTo(130);
        assertThat(out).doesNotExist();
        assertThat(leftovers(work)).isEmpty();
    }

    @Test
    void anInterruptedCsvRunResumesToTheSameBytes() throws Exception {
        Path work = Files.createDirectories(dir.resolve("interrupt"));
        // 1.5·10⁶ steps, 5·10⁴ rows: the run must still be going when the test interrupts it (right after the first
        // checkpoint appears); with 10× fewer steps the fused Euler step finished the run first on a busy machine.
        String[] common = {"--time", "15000", "--dt", "0.01", "--every", "30", "--seed", "5"};
        Path reference = work.resolve("reference.csv");
        assertThat(CliTest.run(concat(new String[] {"simulate", model.toString(), "-o", reference.toString()}, common)).code()).isZero();
        Path out = work.resolve("out.csv");
        Path ckpt = work.resolve("c.json");
        CliTest.Run[] first = new CliTest.Run[1];
        Thread t = new Thread(() -> first[0] = CliTest.run(concat(new String[] {"simulate", model.toString(), "-o", out.toString(),
                "--checkpoint", ckpt.toString(), "--checkpoint-every", "0.05"}, common)));
        t.start();
        while (!Files.exists(ckpt) && t.isAlive()) {
            Thread.sleep(1);
        }
        t.interrupt();
        t.join();
        assertThat(first[0].code()).as(first[0].err()).isEqualTo(1);
        assertThat(first[0].err()).contains("interrupted").contains("nothing was written under");
        assertThat(out).doesNotExist();
        CliTest.Run resumed = CliTest.run("simulate", "--resume", ckpt.toString());
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(Files.mismatch(reference, out)).isEqualTo(-1L);
        // The streamed CSV is also what the in-memory writer produces for the same rows.
        Trajectory traj = TrajectoryFiles.read(out);
        Path rewritten = work.resolve("rewritten.csv");
        TrajectoryFiles.write(rewritten, traj, new String[] {"z0"});
        assertThat(Files.mismatch(rewritten, out)).isEqualTo(-1L);
    }

    @Test
    void aCheckpointOfAnotherModelIsRefused() throws Exception {
        Path work = Files.createDirectories(dir.resolve("other"));
        CliTest.Run bad = CliTest.run("simulate", "--resume", work.resolve("missing.ckpt").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("missing.ckpt").contains("does not exist");
        Path junk = work.resolve("junk.ckpt");
        Files.writeString(junk, "{\"format\": \"ddmatch-checkpoint\", \"formatVersion\": 7}");
        CliTest.Run v = CliTest.run("simulate", "--resume", junk.toString());
        assertThat(v.code()).isEqualTo(2);
        assertThat(v.err()).contains("formatVersion").contains("7");
        CliTest.Run seeded = CliTest.run("simulate", "--resume", junk.toString(), "--seed", "3");
        assertThat(seeded.code()).isEqualTo(2);
        assertThat(seeded.err()).contains("from the checkpoint");
    }

    @Test
    void aFullDiskLeavesEarlierResultsIntact() throws Exception {
        Path mount = Files.createDirectories(dir.resolve("tiny"));
        Process m = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        boolean mounted = m.waitFor(10, TimeUnit.SECONDS) && m.exitValue() == 0;
        Assumptions.assumeTrue(mounted, "needs root to mount a 64 KiB tmpfs");
        try {
            // A .npy whose size is known up front and exceeds the space is refused before it starts (exit 2):
            // 20 001 rows × 2 columns × 8 bytes = 320 kB, five times the file system.
            Path npy = mount.resolve("dw.npy");
            CliTest.Run early = CliTest.run("simulate", model.toString(), "--time", "200", "--dt", "0.01", "-o", npy.toString());
            assertThat(early.code()).as(early.err()).isEqualTo(2);
            assertThat(early.err()).contains("--output = " + npy).contains("would take 320 kB").contains("free");
            assertThat(npy).doesNotExist();
            // A CSV's size is only bounded from below up front (≥ 4 bytes a value: 40 kB here, under the 64 KiB), so
            // this run starts, and the disk fills while it writes (about 130 kB of text).
            Path out = mount.resolve("dw.csv");
            byte[] previous = "previous results".getBytes();
            Files.write(out, previous);
            CliTest.Run r = CliTest.run("simulate", model.toString(), "--time", "50", "--dt", "0.01", "-o", out.toString());
            assertThat(r.code()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).contains("no space left on device while writing " + out)
                    .contains("nothing was written under").contains("previous results are intact");
            assertThat(Files.readAllBytes(out)).isEqualTo(previous);
            assertThat(leftovers(mount)).isEmpty();
        } finally {
            new ProcessBuilder("umount", mount.toString()).start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void resultsAreBitIdenticalFor1And2And8Threads() throws Exception {
        List<byte[][]> outputs = new ArrayList<>();
        for (int threads : new int[] {1, 2, 8}) {
            Path work = Files.createDirectories(dir.resolve("threads" + threads));
            Path m = work.resolve("model");
            // N = 300 > 256 columns: the Gram product is split into strips shared among the threads.
            CliTest.Run train = CliTest.run("train", "ou", "--neurons", "300", "--samples", "800", "--seed", "2", "--threads",
                    String.valueOf(threads), "-o", m.toString());
            assertThat(train.code()).as(train.err()).isZero();
            Path traj = work.resolve("z.npy");
            CliTest.Run sim = CliTest.run("simulate", m.toString(), "--time", "20", "--seed", "4", "--threads", String.valueOf(threads),
                    "-o", traj.toString());
            assertThat(sim.code()).as(sim.err()).isZero();
            Path analysis = work.resolve("a.json");
            CliTest.Run an = CliTest.run("analyze", m.toString(), "--time", "20", "--metrics", "drift,diffusion", "--threads",
                    String.valueOf(threads), "-o", analysis.toString());
            assertThat(an.code()).as(an.err()).isZero();
            String json = Files.readString(analysis).replaceAll("\"model\" : \"[^\"]*\"", "");
            outputs.add(new byte[][] {Files.readAllBytes(m.resolve("W.npy")), Files.readAllBytes(m.resolve("model.json")),
                    Files.readAllBytes(traj), json.getBytes()});
        }
        for (int i = 1; i < outputs.size(); i++) {
            for (int k = 0; k < 4; k++) {
                assertThat(outputs.get(i)[k]).as("output %d with %s threads", k, i == 1 ? "2" : "8").isEqualTo(outputs.get(0)[k]);
            }
        }
        assertThat(CliTest.run("train", "ou", "--threads", "-3", "-o", dir.resolve("never").toString()).code()).isEqualTo(2);
    }

    @Test
    void aMillionAndAHalfStepsStreamThroughA32MiBHeap() throws Exception {
        Path work = Files.createDirectories(dir.resolve("stream"));
        Path out = work.resolve("long.npy");
        // In memory this took 1.5·10⁶ × 8 bytes of readout plus a 1.5·10⁶ × 2 × 8 byte table: 36 MB, more than the heap.
        Process p = ddmatchProcess("-Xmx32m", work.resolve("log.txt"), "simulate", model.toString(), "--time", "15000",
                "--dt", "0.01", "-o", out.toString());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(work.resolve("log.txt"))).isZero();
        assertThat(Files.size(out)).isEqualTo(128 + 1_500_001L * 2 * 8);
    }

    @Test
    @Tag("slow")
    void tenMillionStepsRunIn256MiB() throws Exception {
        Path work = Files.createDirectories(dir.resolve("stream10"));
        Path out = work.resolve("long.npy");
        Process p = ddmatchProcess("-Xmx256m", work.resolve("log.txt"), "simulate", model.toString(), "--time", "100000",
                "--dt", "0.01", "-o", out.toString());
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(work.resolve("log.txt"))).isZero();
        assertThat(Files.size(out)).isEqualTo(128 + 10_000_001L * 2 * 8);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] r = new String[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
