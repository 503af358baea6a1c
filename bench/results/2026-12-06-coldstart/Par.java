import ddmatch.check.EndToEndChecks;
import ddmatch.solve.ProgressListener;
import java.util.concurrent.*;
public class Par {
    public static void main(String[] a) throws Exception {
        ProgressListener p = ProgressListener.NONE;
        long t = System.nanoTime();
        ExecutorService ex = Executors.newFixedThreadPool(2);
        Future<?> f1 = ex.submit(() -> EndToEndChecks.lorenz(new EndToEndChecks.LorenzPlan(500, 1, 500.0, 500.0, 3), 0.05, p));
        Future<?> f2 = ex.submit(() -> { EndToEndChecks.noisyLorenz(300, 1, 2.0, 1000.0, p); EndToEndChecks.doubleWell(300, 1, 0.7, 2.0e4, p); return EndToEndChecks.ou(200, 1, 2.0, 2.0e4, p); });
        f1.get(); f2.get();
        System.err.printf("par: %.2f s%n", (System.nanoTime()-t)/1e9);
        ex.shutdown();
    }
}
