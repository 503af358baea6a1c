package ddmatch.scenario;

import ddmatch.analysis.LargestLyapunovExponent;
import ddmatch.sde.SystemCatalog;
import ddmatch.fit.DriftMatcher;
import ddmatch.fit.TrainingResult;
import ddmatch.rnn.RateNetwork;
import ddmatch.sde.Sde;
import ddmatch.solve.ProgressListener;
import java.util.Map;

public class LyapunovTimes {
    public static void main(String[] a) {
        String system = a[0];
        int n = Integer.parseInt(a[1]);
        long s0 = Long.parseLong(a[2]), s1 = Long.parseLong(a[3]);
        double[] times = {150, 1000};
        Sde target = SystemCatalog.get(system).create(Map.of());
        double dt = target.defaultTimeStep();
        for (long seed = s0; seed <= s1; seed++) {
            double[] z0 = Runs.relax(target, target.initialState(), 100.0, seed);
            StringBuilder sb = new StringBuilder("seed " + seed + " target:");
            for (double t : times) sb.append(String.format(" T=%.0f %.4f", t, LargestLyapunovExponent.estimate(target, z0, dt, 20.0, t, 10).exponent()));
            TrainingResult tr = DriftMatcher.train(target, Chaotic.config(system, n, seed), ProgressListener.NONE);
            RateNetwork net = tr.network();
            sb.append(" | net:");
            for (double t : times) {
                LargestLyapunovExponent.Result r = LargestLyapunovExponent.estimate(net, net.stateFor(z0), dt, 20.0, t, 10);
                sb.append(String.format(" T=%.0f %.4f (spread %.3f)", t, r.exponent(), r.blockSpread()));
            }
            System.out.println(sb);
        }
    }
}
