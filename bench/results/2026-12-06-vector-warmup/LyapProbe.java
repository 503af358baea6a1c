import ddmatch.analysis.lyapunov.LyapunovSpectrum;
import ddmatch.fit.DriftMatcher;
import ddmatch.fit.MatchConfig;
import ddmatch.rnn.RateNetwork;
import ddmatch.sde.Sde;
import ddmatch.sde.SystemCatalog;
import ddmatch.solve.ProgressListener;
import java.util.Map;

public class LyapProbe {
    public static void main(String[] a) {
        int n = Integer.parseInt(a[0]);
        Sde lorenz = SystemCatalog.create("lorenz", Map.of());
        RateNetwork net = DriftMatcher.train(lorenz, MatchConfig.defaults(n, 1), ProgressListener.NONE).network();
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            double[] e = LyapunovSpectrum.of(net, net.stateFor(lorenz.initialState()), 4, LyapunovSpectrum.Config.of(0.01, 500)).exponents();
            System.out.printf("N=%d rep %d: %.2f s  λ1 %.4f%n", n, rep, (System.nanoTime() - t0) * 1e-9, e[0]);
        }
    }
}
