package ddmatch.fit;

import ddmatch.rnn.DenseRateNetwork;
import ddmatch.sde.*;
import ddmatch.solve.*;
import org.junit.jupiter.api.Test;
import java.io.*;

class ExploreDenseTest {
    static PrintWriter log() throws IOException { return new PrintWriter(new FileWriter("/tmp/fr/explore.txt", true), true); }

    static double maxDist(DenseRateNetwork net, double[] x0, double time, long seed) {
        double dt = net.defaultTimeStep();
        double[] max = {0};
        new Integrator(Sampler.schemeFor(net)).run(net, x0, 0, dt, Math.round(time / dt),
                new GaussianIncrements(net.noiseDimension(), seed), new SaveAt(10, false), (t, x) -> {
                    double dd = net.manifoldDistance(x); if (!(dd <= max[0])) max[0] = dd; });
        return max[0];
    }

    static String spectrum(DenseRateNetwork net) {
        int n = net.neurons();
        double[] x = net.initialState();
        double[] jj = net.connectivity();
        org.ejml.data.DMatrixRMaj a = new org.ejml.data.DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) for (int k = 0; k < n; k++) a.data[i*n+k] = jj[i*n+k] * net.activation().derivative(x[k]) - (i==k?1:0);
        var eig = org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(n, true);
        eig.decompose(a);
        StringBuilder sb = new StringBuilder();
        double[] u = net.embedding().u(); double[] b = net.embedding().tonic();
        for (int i = 0; i < n; i++) {
            if (eig.getEigenvalue(i).real > 0.3 && eig.getEigenVector(i) != null) {
                double[] v = eig.getEigenVector(i).data; double nv = 0, ou = 0, o1 = 0, ob = 0, nb = 0, eE = 0, eI = 0;
                for (int k = 0; k < n; k++) { nv += v[k]*v[k]; ou += v[k]*u[k]; o1 += v[k]; ob += v[k]*b[k]; nb += b[k]*b[k]; if (k < 160) eE += v[k]*v[k]; else eI += v[k]*v[k]; }
                sb.append(String.format(" [ev %.3f: cosU=%.3f cos1=%.3f cosb=%.3f fracE=%.3f]", eig.getEigenvalue(i).real, ou/Math.sqrt(nv*n), o1/Math.sqrt(nv*n), ob/Math.sqrt(nv*nb), eE/nv));
            }
        }
        double best = -1e9; double bi = 0;
        double[] re = new double[n];
        for (int i = 0; i < n; i++) { re[i] = eig.getEigenvalue(i).real; if (re[i] > best) { best = re[i]; bi = eig.getEigenvalue(i).imaginary; } }
        java.util.Arrays.sort(re);
        return String.format("  top Re eig of -I+JD at z=0: %.3f (im %.3f); next %.3f %.3f %.3f", best, bi, re[n-2], re[n-3], re[n-4]) + sb;
    }

    @Test void fullRankLorenz() throws IOException {
        try (PrintWriter out = log()) {
            Lorenz target = new Lorenz();
            for (double g0 : new double[] {0.5, 1.5, 3}) {
                MatchConfig cfg = MatchConfig.defaults(300, 1).withSampling(SamplingConfig.defaults().withSamples(3000));
                DenseTrainingResult r = FullRankMatcher.train(target, cfg, new FullRankConfig(g0, 1.0), ProgressListener.NONE);
                double dist = maxDist(r.network(), r.network().stateFor(target.initialState()), 100, 1);
                out.printf("fullrank N=300 g0=%.1f trainErr=%.3e trans=%.3e lambda=%.2e t=%.1fs maxDist=%.3e%n", g0, r.trainingError(), r.transverseError(), r.lambda(), r.seconds(), dist);
            }
        }
    }

    @Test void daleDoubleWell() throws IOException {
        try (PrintWriter out = log()) {
            DoubleWell target = new DoubleWell(0.7);
            double[][] grid = {{0.2, 3, 0.8}};
            for (double[] p : grid) {
                MatchConfig cfg = MatchConfig.defaults(200, 1).withSampling(SamplingConfig.defaults().withBoxFraction(0.2).withSamples(3000));
                Constraints c = new Constraints(p[2], 1.0, Double.POSITIVE_INFINITY, 1.0, p[0], p[1], 1e-4, 1000);
                DenseTrainingResult r = ConstrainedMatcher.train(target, cfg, c, ProgressListener.NONE);
                double[] lc = r.lossCurve();
                double dist = maxDist(r.network(), r.network().stateFor(target.initialState()), 500, 1);
                out.println(spectrum(r.network()));
                out.printf("dale DW N=200 sx=%.1f w=%.0e E=%.1f trainErr=%.3e trans=%.3e loss0=%.3e loss100=%.3e lossEnd=%.3e t=%.1fs maxDist=%.3e%n", p[0], p[1], p[2], r.trainingError(), r.transverseError(), lc[0], lc[99], lc[lc.length-1], r.seconds(), dist);
            }
        }
    }
}
class ExploreLowRankTest {
    @org.junit.jupiter.api.Test void lowRank() throws java.io.IOException {
        try (java.io.PrintWriter out = ExploreDenseTest.log()) {
            Lorenz target = new Lorenz();
            for (double g0 : new double[] {0.01, 0.1}) {
                MatchConfig cfg = MatchConfig.defaults(300, 1).withSampling(SamplingConfig.defaults().withSamples(3000));
                DenseRateNetwork net = FullRankMatcherTest.lowRankCorrection(target, cfg, g0);
                double dist = ExploreDenseTest.maxDist(net, net.stateFor(target.initialState()), 100, 1);
                double[] z = FullRankMatcherTest.readoutRange(net, target, 100);
                out.printf("lowrank N=300 g0=%.2f maxDist=%.3e zmax=%.3e zmin=%.3e%n", g0, dist, z[1], z[0]);
            }
        }
    }
}
