package ddmatch.fit;

import ddmatch.rnn.DenseRateNetwork;
import ddmatch.sde.Lorenz;
import ddmatch.solve.ProgressListener;
import org.junit.jupiter.api.Test;

class FullRankSweepExploreTest {
    @Test void sweep() throws Exception {
        try (java.io.PrintWriter out = ExploreDenseTest.log()) {
            Lorenz target = new Lorenz();
            for (double g0 : new double[] {0.5, 1, 1.5, 2, 3}) {
                MatchConfig cfg = MatchConfig.defaults(1000, 1);
                DenseTrainingResult r = FullRankMatcher.train(target, cfg, new FullRankConfig(g0, 1.0), ProgressListener.NONE);
                DenseRateNetwork net = r.network();
                double dist = FullRankMatcherTest.maxDistance(net, target, 100);
                double[] range = FullRankMatcherTest.readoutRange(net, target, 100);
                out.printf("sweep N=1000 g0=%.1f trainErr=%.3e trans=%.3e lambda=%.2e fit=%.1fs maxDist=%.3e xrange=[%.2f, %.2f]%n", g0,
                        r.trainingError(), r.transverseError(), r.lambda(), r.seconds(), dist, range[0], range[1]);
            }
        }
    }
}
