import ddmatch.check.EndToEndChecks;
import ddmatch.solve.ProgressListener;
public class Parts {
    public static void main(String[] a) throws Exception {
        ProgressListener p = ProgressListener.NONE;
        for (int i = 0; i < Integer.getInteger("passes", 2); i++) {
            long t = System.nanoTime();
            EndToEndChecks.lorenz(new EndToEndChecks.LorenzPlan(500, 1, 500.0, 500.0, 3), 0.05, p);
            long t1 = System.nanoTime();
            EndToEndChecks.noisyLorenz(300, 1, 2.0, 1000.0, p);
            long t2 = System.nanoTime();
            EndToEndChecks.doubleWell(300, 1, 0.7, 2.0e4, p);
            long t3 = System.nanoTime();
            EndToEndChecks.ou(200, 1, 2.0, 2.0e4, p);
            long t4 = System.nanoTime();
            System.err.printf("pass %d: lorenz %.2f noisy %.2f dw %.2f ou %.2f%n", i, (t1-t)/1e9, (t2-t1)/1e9, (t3-t2)/1e9, (t4-t3)/1e9);
        }
    }
}
