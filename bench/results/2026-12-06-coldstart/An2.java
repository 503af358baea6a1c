public class An2 {
    public static void main(String[] a) throws Exception {
        for (int i = 0; i < 4; i++) {
            String threads = (i % 2 == 0) ? "1" : "2";
            long t0 = System.nanoTime();
            int rc = new picocli.CommandLine(new ddmatch.cli.Ddmatch()).execute("analyze", a[0], "--threads", threads, "--output", "/tmp/twice/an2-" + i + ".json");
            System.err.printf("RUN %d threads %s: %.2f s rc=%d%n", i, threads, (System.nanoTime() - t0) / 1e9, rc);
        }
    }
}
