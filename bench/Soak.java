import ddmatch.cli.Ddmatch;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Soak driver for bench/soak.sh: runs train → simulate → analyze in one JVM, over and over, for the given number of
 * seconds, and after each round prints the heap in use after a full GC and the number of open file descriptors of
 * this process. Launched in source-file mode with the ddmatch jar on the class path.
 */
public class Soak {
    public static void main(String[] args) throws Exception {
        long seconds = Long.parseLong(args[0]);
        Path work = Files.createTempDirectory("ddmatch-soak");
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        for (int round = 1; System.nanoTime() < end; round++) {
            Path model = work.resolve("model");
            run("train", "double-well", "--neurons", "200", "--samples", "1000", "--seed", String.valueOf(round), "-o", model.toString());
            run("simulate", model.toString(), "--time", "2000", "--seed", String.valueOf(round), "-o", work.resolve("z.npy").toString());
            run("simulate", model.toString(), "--time", "500", "--every", "5", "-o", work.resolve("z.csv").toString(),
                    "--checkpoint", work.resolve("c.ckpt").toString(), "--checkpoint-every", "0.05");
            run("analyze", model.toString(), "--time", "200", "--metrics", "drift,diffusion,metastability", "-o",
                    work.resolve("a.json").toString());
            System.gc();
            Runtime rt = Runtime.getRuntime();
            long used = rt.totalMemory() - rt.freeMemory();
            String[] fds = new File("/proc/self/fd").list();
            System.out.printf("round %d heap_after_gc_kib %d fds %d%n", round, used / 1024, fds == null ? -1 : fds.length);
            System.out.flush();
        }
        try (Stream<Path> s = Files.walk(work)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Ddmatch.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", args) + " exited " + code + ": " + err);
        }
    }
}
