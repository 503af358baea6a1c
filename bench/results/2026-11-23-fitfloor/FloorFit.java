import ddmatch.analysis.DriftError;
import ddmatch.fit.DriftMatcher;
import ddmatch.fit.MatchConfig;
import ddmatch.fit.RidgeSolution;
import ddmatch.fit.Sampler;
import ddmatch.fit.SamplingConfig;
import ddmatch.fit.TrainingResult;
import ddmatch.sde.Sde;
import ddmatch.sde.SystemCatalog;
import ddmatch.solve.ProgressListener;
import java.util.Map;

/**
 * Lorenz drift match at N neurons, M samples, seed 1: training time (sampling + features + ridge fit with GCV), the
 * selected λ against the rounding floor, and the held-out drift error on 2000 fresh points (as the scenarios' Runs).
 * Usage: java -cp ddmatch-all.jar:. FloorFit N M REPS [label]
 */
public class FloorFit {
    public static void main(String[] a) {
        int n = Integer.parseInt(a[0]), m = Integer.parseInt(a[1]), reps = Integer.parseInt(a[2]);
        Sde sde = SystemCatalog.get("lorenz").create(Map.of());
        MatchConfig cfg = MatchConfig.defaults(n, 1).withSampling(SamplingConfig.defaults().withSamples(m));
        TrainingResult r = null;
        double[] t = new double[reps];
        for (int k = 0; k < reps; k++) {
            r = DriftMatcher.train(sde, cfg, ProgressListener.NONE);
            t[k] = r.seconds();
        }
        java.util.Arrays.sort(t);
        RidgeSolution s = r.ridge();
        Sampler.Samples pts = Sampler.draw(sde, cfg.sampling().withSamples(2000), 1 ^ 0x9E3779B97F4A7C15L,
                r.network().standardization(), ProgressListener.NONE);
        double err = DriftError.of(r.network(), sde, pts.points()).mean();
        System.out.printf("%s N=%d M=%d train median %.2f s (all %s) λ/scale %.3e floor/scale %.3e atFloor %s %s"
                        + " training err %.3e held-out err %.3e (%s)%n", a.length > 3 ? a[3] : "", n, m, t[reps / 2],
                java.util.Arrays.toString(t), s.lambda() / s.lambdaScale(), s.roundingFloor() / s.lambdaScale(),
                s.atRoundingFloor(), s.factorization(), r.trainingError(), err, ddmatch.fit.NativeBlas.describe());
    }
}
