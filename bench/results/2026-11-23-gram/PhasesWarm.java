package ddmatch.fit;

import ddmatch.sde.Sde;
import ddmatch.sde.SystemCatalog;
import ddmatch.solve.ProgressListener;
import ddmatch.solve.Parallelism;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** As Phases, with FitWarmUp.start() first when a third argument is given; phases of one Lorenz drift fit in a fresh JVM, in the order DriftMatcher.train / RidgeRegression.fit run them. */
public class PhasesWarm {
    static long last = System.nanoTime();
    static StringBuilder out = new StringBuilder();
    static void lap(String name) {
        long now = System.nanoTime();
        out.append(String.format("%s %.3f  ", name, (now - last) * 1e-9));
        last = now;
    }
    public static void main(String[] a) {
        int n = Integer.parseInt(a[0]), m = Integer.parseInt(a[1]);
        Sde sde = SystemCatalog.get("lorenz").create(Map.of());
        MatchConfig cfg = MatchConfig.defaults(n, 1).withSampling(SamplingConfig.defaults().withSamples(m));
        int thr = Parallelism.threads();
        long start = System.nanoTime(); if (a.length > 2) FitWarmUp.start();
        last = start;
        java.util.SplittableRandom seeds = new java.util.SplittableRandom(cfg.seed());
        seeds.nextLong();
        Sampler.Samples smp = Sampler.draw(sde, cfg.sampling(), seeds.nextLong(), ProgressListener.NONE);
        lap("sampling");
        DriftMatcher.Design des = DriftMatcher.design(sde, cfg, ProgressListener.NONE);
        lap("design(again sampling+features)");
        DMatrixRMaj phi = des.phi();
        int f = phi.numCols, q = 3;
        DMatrixRMaj y = new DMatrixRMaj(m, q);
        double[] z = new double[3], fv = new double[3];
        for (int r = 0; r < m; r++) {
            System.arraycopy(des.points(), r * 3, z, 0, 3);
            sde.drift(0, z, fv);
            for (int i = 0; i < 3; i++) y.data[r * 3 + i] = des.latent()[r * 3 + i] + fv[i] / des.standardization().scale(i);
        }
        double[] g = new double[f * f];
        GramProduct.compute(phi.data, m, f, g, thr);
        lap("gram");
        DMatrixRMaj rhs = new DMatrixRMaj(f, q);
        CommonOps_DDRM.multTransA(phi, y, rhs);
        lap("PhiTY");
        double tr = 0;
        for (int i = 0; i < f; i++) tr += g[i * f + i];
        double scale = tr / f;
        SymmetricTridiagonal t = SymmetricTridiagonal.reduce(g, f, thr, false);
        lap("reduce");
        double[] e = t.eigenvalues();
        for (int i = 0; i < f; i++) e[i] = Math.max(0, e[i]);
        lap("eig");
        double[] c = rhs.data.clone();
        t.applyQTranspose(c, q);
        lap("QtB");
        double floor = RidgeRegression.roundingFloor(e);
        int lowest = 0;
        double[] grid = new double[65];
        for (int s = 0; s <= 64; s++) grid[s] = scale * Math.pow(10, -16 + s * 0.25);
        while (lowest < 64 && grid[lowest] < floor) lowest++;
        java.util.List<Double> l0 = new java.util.ArrayList<>();
        l0.add(grid[lowest]);
        for (int s = 0; s <= 64; s += 4) if (s > lowest) l0.add(grid[s]);
        double[] lams = l0.stream().mapToDouble(Double::doubleValue).toArray();
        double[] sc = RidgeRegression.gcvScoresPrimal(phi, y, t, e, c, lams, false);
        lap("gcv-pass0(" + lams.length + ")");
        double[] lams1 = {grid[lowest + 1], grid[lowest + 2], grid[lowest + 3]};
        RidgeRegression.gcvScoresPrimal(phi, y, t, e, c, lams1, false);
        lap("gcv-pass1(3)");
        double[] sol = c.clone();
        t.solveShifted(grid[lowest], sol, q, 0, q);
        t.applyQ(sol, q);
        lap("solve");
        System.out.println(out + String.format("| total %.3f", (System.nanoTime() - start) * 1e-9));
    }
}
