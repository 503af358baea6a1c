package ddmatch.spark.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ddmatch.analysis.metastability.CoreSets;
import ddmatch.analysis.metastability.Kramers;
import ddmatch.analysis.metastability.Transitions;
import ddmatch.fit.DriftMatcher;
import ddmatch.fit.MatchConfig;
import ddmatch.fit.Sampler;
import ddmatch.fit.TrainingResult;
import ddmatch.io.ModelFiles;
import ddmatch.rnn.RateNetwork;
import ddmatch.sde.SystemCatalog;
import ddmatch.solve.Ensemble;
import ddmatch.solve.EulerMaruyama;
import ddmatch.solve.GaussianIncrements;
import ddmatch.solve.Integrator;
import ddmatch.solve.ProgressListener;
import ddmatch.solve.SaveAt;
import ddmatch.spark.TestSpark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ensembles of a trained double-well network: partition independence, exact aggregation, the exact mean residence. */
class EnsembleJobTest {
    static final double SIGMA = 0.7;
    static final int TRAJECTORIES = 40;

    @TempDir
    static Path tmp;
    static EnsembleConfig config;
    static RateNetwork net;

    @BeforeAll
    static void trainModel() throws Exception {
        var sde = SystemCatalog.create("double-well", Map.of("sigma", SIGMA));
        MatchConfig cfg = MatchConfig.defaults(30, 3).withSampling(ddmatch.fit.SamplingConfig.defaults().withSamples(600));
        TrainingResult fit = DriftMatcher.train(sde, cfg, ProgressListener.NONE);
        net = fit.network();
        Path model = tmp.resolve("model");
        ModelFiles.save(new ModelFiles.SavedModel(net, "double-well", Map.of("sigma", SIGMA), ModelFiles.trainingMetadata(fit)),
                model);
        config = EnsembleJob.prepare(model, TRAJECTORIES, 150, null, 10, 11, 2, 400, 0.5, w -> { });
    }

    @Test
    void oneTwoAndEightPartitionsGiveBitIdenticalStatistics() {
        WellStatistics one = EnsembleJob.run(TestSpark.session(), config, 1);
        WellStatistics two = EnsembleJob.run(TestSpark.session(), config, 2);
        WellStatistics eight = EnsembleJob.run(TestSpark.session(), config, 8);
        assertThat(one.trajectories()).isEqualTo(TRAJECTORIES);
        assertThat(two).isEqualTo(one);
        assertThat(eight).isEqualTo(one);
        double interval = config.dt() * config.every();
        for (int i = 0; i < 2; i++) {
            assertThat(Double.doubleToRawLongBits(eight.meanResidenceTime(i, interval)))
                    .isEqualTo(Double.doubleToRawLongBits(one.meanResidenceTime(i, interval)));
        }
    }

    /**
     * Without Spark ({@code runLocal}, what {@code ddmatch ensemble} does when no master is given) the statistics are
     * those of the Spark run bit for bit, on 1 and 2 threads, with a progress line per tenth of the trajectories.
     */
    @Test
    void onThisMachineWithoutSparkTheStatisticsAreTheSparkOnes() throws Exception {
        WellStatistics spark = EnsembleJob.run(TestSpark.session(), config, 3);
        for (int threads : new int[] {1, 2}) {
            List<String> lines = new ArrayList<>();
            WellStatistics local = EnsembleJob.runLocal(config, threads, lines::add);
            assertThat(local).isEqualTo(spark);
            // d = 1: no lock-step tile, groups of one trajectory; 40 trajectories, a line at 4, 8, …, 36 done
            assertThat(lines).hasSize(9).first().isEqualTo("ensemble: 4/40 trajectories done");
            assertThat(lines.get(8)).isEqualTo("ensemble: 36/40 trajectories done");
        }
    }

    @Test
    void aggregatesEqualASingleThreadedComputationWithTheCoreApi() {
        WellStatistics spark = EnsembleJob.run(TestSpark.session(), config, 3);
        // Independently: every trajectory simulated here, in order, and all residences pooled per well.
        int k = config.wells();
        double interval = config.dt() * config.every();
        long[] counts = new long[k * k];
        List<List<Double>> pooled = List.of(new ArrayList<>(), new ArrayList<>());
        long steps = Math.round(config.time() / config.dt());
        for (int t = 0; t < TRAJECTORIES; t++) {
            double[] z = new double[(int) (steps / config.every())];
            double[] row = new double[1];
            int[] at = {0};
            new Integrator(Sampler.schemeFor(net)).run(net, config.x0(), 0, config.dt(), steps,
                    new GaussianIncrements(net.noiseDimension(), Ensemble.trajectorySeed(config.seed(), t)),
                    new SaveAt(config.every(), false), (time, x) -> {
                        net.readout(x, row);
                        z[at[0]++] = row[0];
                    });
            Transitions.Result r = Transitions.of(CoreSets.assign(z, 1, config.centres(), config.radius()), k, interval);
            for (int c = 0; c < k * k; c++) counts[c] += r.counts()[c];
            for (int w = 0; w < k; w++) for (double v : r.residenceTimes()[w]) pooled.get(w).add(v);
        }
        double[][] res = new double[k][];
        for (int w = 0; w < k; w++) res[w] = pooled.get(w).stream().mapToDouble(Double::doubleValue).toArray();
        Transitions.Result all = new Transitions.Result(k, interval, counts, res);
        assertThat(spark.counts()).isEqualTo(counts);
        for (int w = 0; w < k; w++) {
            assertThat(spark.residences()[w]).isEqualTo(res[w].length);
            double mean = all.meanResidenceTime(w);
            assertThat(spark.meanResidenceTime(w, interval)).isCloseTo(mean, within(1e-12 * mean));
            double ss = 0;
            for (double v : res[w]) ss += (v - mean) * (v - mean);
            double se = Math.sqrt(ss / (res[w].length - 1) / res[w].length);
            assertThat(spark.meanResidenceTimeStandardError(w, interval)).isCloseTo(se, within(1e-9 * se));
        }
    }

    @Test
    void theMeanResidenceIsTheExactMeanFirstPassageTimeBetweenTheCores() throws Exception {
        // 400 trajectories × 150 time units: about 3000 residences per well, a standard error near 2 %.
        EnsembleConfig big = EnsembleJob.prepare(Path.of(config.model()), 400, 150, null, 10, 12, 2, 400, 0.5, w -> { });
        WellStatistics s = EnsembleJob.run(TestSpark.session(), big, 4);
        double interval = big.dt() * big.every();
        double[] c = big.centres();
        // k-means centres of the symmetric stationary density: one per well, mirror images (about ±0.8 at σ = 0.7).
        assertThat(c[0]).isNegative();
        assertThat(c[1]).isPositive();
        assertThat(c[0] + c[1]).isCloseTo(0.0, within(0.1));
        // Residence in the left well = first passage from the edge of its core to the edge of the right core. Cores are
        // only checked at the recorded samples (interval Δ = 0.1), which delays both detections; the continuity
        // correction of Broadie, Glasserman and Kou (Math. Finance 7, 325 (1997)) moves each boundary outward by
        // β σ √Δ, β = −ζ(1/2)/√(2π) ≈ 0.5826. Uncorrected, the exact time is about 20 % shorter than what is measured.
        double shift = 0.5826 * SIGMA * Math.sqrt(interval);
        for (int w = 0; w < 2; w++) {
            double a = w == 0 ? c[0] + big.radius() : -(c[1] - big.radius());
            double b = w == 0 ? c[1] - big.radius() : -(c[0] + big.radius());
            double exact = Kramers.meanFirstPassageTime(z -> z * z * z * z / 4 - z * z / 2, -4, a - shift, b + shift, SIGMA,
                    20_000);
            double mean = s.meanResidenceTime(w, interval);
            double se = s.meanResidenceTimeStandardError(w, interval);
            assertThat(s.residences()[w]).isGreaterThan(2000);
            // Sampling error plus the Euler–Maruyama bias (measured ≈ 3 % at dt = 0.01).
            assertThat(Math.abs(mean - exact)).isLessThan(3 * se + 0.05 * exact);
        }
    }

    /**
     * A d = 3 network steps a partition's trajectories in lock step ({@code EnsembleJob.trajectories}); the statistics
     * are bit for bit those of the trajectories run one by one ({@code EnsembleJob.trajectory}), for a group of the
     * tile and a smaller one.
     */
    @Test
    void lockStepGroupsGiveTheStatisticsOfSingleTrajectories() {
        int n = 120, d = 3;
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        double[] w = new double[d * n];
        for (int i = 0; i < w.length; i++) w[i] = 2.5 * r.nextGaussian() / Math.sqrt(n);
        double[] noise = {0.4, 0, 0, 0, 0.4, 0, 0, 0, 0.4};
        RateNetwork net3 = new RateNetwork("three", ddmatch.rnn.Embedding.random(n, d, 2.0, 3), w, noise, 3, 1.0,
                ddmatch.rnn.Activation.TANH, ddmatch.rnn.Standardization.identity(d), 0.01);
        org.junit.jupiter.api.Assumptions.assumeTrue(net3.lockStepTile() >= 2, "no lock-step kernel on this JVM");
        double[] x0 = net3.stateFor(new double[] {0, 0, 0});
        // two wells at two readouts of a reference run, far apart
        double[] ref = new double[200 * d];
        int[] at = {0};
        double[] z = new double[d];
        new Integrator(EulerMaruyama.INSTANCE).run(net3, x0, 0, 0.01, 2000, new GaussianIncrements(3, 99), new SaveAt(10, false),
                (t, x) -> {
                    net3.readout(x, z);
                    System.arraycopy(z, 0, ref, at[0], d);
                    at[0] += d;
                });
        double[] centres = new double[2 * d];
        System.arraycopy(ref, 50 * d, centres, 0, d);
        System.arraycopy(ref, 199 * d, centres, d, d);
        double gap = 0;
        for (int k = 0; k < d; k++) gap += (centres[k] - centres[d + k]) * (centres[k] - centres[d + k]);
        EnsembleConfig c = new EnsembleConfig("unused", 6, 20, 0.01, 5, 21, centres, d, 0.45 * Math.sqrt(gap), x0);
        int rows = (int) (c.steps() / c.every()) * d;
        for (int[] indices : new int[][] {{0, 1, 2, 3}, {4, 5, 7}}) {
            double[][] buffers = new double[indices.length][rows];
            WellStatistics group = EnsembleJob.trajectories(net3, c, indices, buffers);
            WellStatistics alone = WellStatistics.empty(2);
            for (int i : indices) alone = alone.merge(EnsembleJob.trajectory(net3, c, i, new double[rows]));
            assertThat(group).isEqualTo(alone);
            assertThat(group.trajectories()).isEqualTo(indices.length);
            assertThat(java.util.Arrays.stream(group.counts()).sum()).as("transitions counted").isPositive();
        }
    }
}
