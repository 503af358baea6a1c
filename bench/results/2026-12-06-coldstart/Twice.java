public class Twice {
    public static void main(String[] a) throws Exception {
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            int rc = new picocli.CommandLine(new ddmatch.cli.Ddmatch()).execute("demo");
            System.err.printf("RUN %d: %.2f s rc=%d%n", i, (System.nanoTime() - t0) / 1e9, rc);
        }
    }
}
