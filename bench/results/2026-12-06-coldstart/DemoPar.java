import ddmatch.check.EndToEndChecks;
import ddmatch.check.SystemReport;
import ddmatch.solve.IndependentTasks;
import ddmatch.solve.ProgressListener;
import java.util.List;
import java.util.concurrent.Callable;
public class DemoPar {
    public static void main(String[] a) throws Exception {
        ProgressListener p = ProgressListener.NONE;
        long t = System.nanoTime();
        List<Callable<SystemReport>> tasks = List.of(
            () -> EndToEndChecks.lorenz(new EndToEndChecks.LorenzPlan(500, 1, 500.0, 500.0, 3), 0.05, p),
            () -> EndToEndChecks.noisyLorenz(300, 1, 2.0, 1000.0, p),
            () -> EndToEndChecks.doubleWell(300, 1, 0.7, 2.0e4, p),
            () -> EndToEndChecks.ou(200, 1, 2.0, 2.0e4, p));
        List<SystemReport> r;
        if (a[0].equals("par")) r = IndependentTasks.run(tasks);
        else { r = new java.util.ArrayList<>(); for (Callable<SystemReport> c : tasks) r.add(c.call()); }
        System.err.printf("%s: %.2f s%n", a[0], (System.nanoTime() - t) / 1e9);
        StringBuilder sb = new StringBuilder();
        for (SystemReport s : r) s.checks().forEach(c -> sb.append(c.quantity()).append(Double.doubleToRawLongBits(c.network())).append(';'));
        System.err.println("hash " + sb.toString().hashCode());
    }
}
