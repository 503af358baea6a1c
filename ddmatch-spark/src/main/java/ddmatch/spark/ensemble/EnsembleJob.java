package ddmatch.spark.ensemble;

import ddmatch.analysis.metastability.CoreSets;
import ddmatch.analysis.metastability.Transitions;
import ddmatch.fit.Sampler;
import ddmatch.io.ModelFiles;
import ddmatch.io.SystemSpecs;
import ddmatch.rnn.RateNetwork;
import ddmatch.sde.NoiseType;
import ddmatch.sde.Sde;
import ddmatch.solve.Ensemble;
import ddmatch.solve.EulerMaruyama;
import ddmatch.solve.GaussianIncrements;
import ddmatch.solve.Integrator;
import ddmatch.solve.LockStepIntegrator;
import ddmatch.solve.NoiseStream;
import ddmatch.solve.ProgressListener;
import ddmatch.solve.SaveAt;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * An ensemble of independent trajectories of a trained network on Spark, reduced to exact well statistics.
 *
 * <p>Each trajectory starts from the same state, draws its noise from {@code GaussianIncrements} seeded with
 * {@link Ensemble#trajectorySeed}(seed, index), is assigned to wells by core sets (milestoning, {@link CoreSets}) and
 * counted by {@link Transitions}; partitions merge their trajectories' {@link WellStatistics}, whose integer fields make
 * the total independent of the partitioning and of the merge order.
 *
 * <p>The wells are found once, on the driver, by k-means on a reference run of the network (seeded by the ensemble
 * seed) and numbered canonically (d = 1: ascending; d = 2: counter-clockwise by angle about their centroid, as
 * {@code ddmatch analyze} does; otherwise lexicographically).
 */
public final class EnsembleJob {
    private EnsembleJob() {}

    /**
     * Loads the model and fixes everything the trajectories share.
     *
     * @param model          model directory (factored models)
     * @param trajectories   ensemble size
     * @param time           time per trajectory, model time units
     * @param dt             integration step, or null for the model's default step
     * @param every          recording stride in steps
     * @param seed           ensemble seed
     * @param wells          number of wells K ≥ 2
     * @param referenceTime  length of the reference run that locates the wells
     * @param radiusFraction core radius as a fraction of half the smallest centre distance, in (0, 1]
     * @param warnings       receives one-line notes
     */
    public static EnsembleConfig prepare(Path model, int trajectories, double time, Double dt, int every, long seed, int wells,
                                         double referenceTime, double radiusFraction, Consumer<String> warnings)
            throws IOException {
        if (!Files.isDirectory(model)) {
            throw new IllegalArgumentException("MODEL = " + model + " is not allowed; it must be a model directory (ddmatch train -o)");
        }
        if (ModelFiles.isDense(model)) {
            throw new IllegalArgumentException("MODEL = " + model + " is a dense-connectivity model; ensembles support factored models (J = U W)");
        }
        if (wells < 2) {
            throw new IllegalArgumentException("--wells = " + wells + " is not allowed; it must be ≥ 2");
        }
        if (!(referenceTime > 0) || !Double.isFinite(referenceTime)) {
            throw new IllegalArgumentException("--reference-time = " + referenceTime + " is not allowed; it must be finite and > 0");
        }
        ModelFiles.SavedModel saved = ModelFiles.load(model);
        RateNetwork net = saved.network();
        if (net.noiseType() == NoiseType.NONE) {
            throw new IllegalArgumentException("MODEL = " + model + " has no noise; residence statistics need a noisy model");
        }
        double step = dt != null ? dt : net.defaultTimeStep();
        Optional<Sde> target = SystemSpecs.savedTarget(saved, warnings);
        double[] x0 = target.map(t -> net.stateFor(t.initialState())).orElseGet(net::initialState);
        int d = net.latentDimension();
        // Reference run: its seed is derived from the ensemble seed but differs from every trajectory's seed.
        long refSteps = Math.round(referenceTime / step);
        int rows = (int) (refSteps / every);
        double[] values = new double[rows * d];
        record(net, x0, step, refSteps, every, Ensemble.trajectorySeed(~seed, 0), values);
        CoreSets.Assignment a = CoreSets.fromKMeans(values, d, wells, radiusFraction, seed);
        double[] centres = canonicalOrder(a.centres(), wells, d);
        return new EnsembleConfig(model.toAbsolutePath().toString(), trajectories, time, step, every, seed, centres, d,
                a.radius(), x0);
    }

    /**
     * Runs the ensemble.
     *
     * @param partitions Spark partitions (≥ 1); the result does not depend on it
     */
    public static WellStatistics run(SparkSession spark, EnsembleConfig c, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("--partitions = " + partitions + " is not allowed; it must be ≥ 1");
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<Integer> indices = IntStream.range(0, c.trajectories()).boxed().toList();
        int k = c.wells();
        return jsc.parallelize(indices, Math.min(partitions, c.trajectories()))
                .mapPartitions((Iterator<Integer> it) -> {
                    WellStatistics s = WellStatistics.empty(k);
                    if (!it.hasNext()) return List.of(s).iterator();
                    RateNetwork net = ModelFiles.load(Path.of(c.model())).network();
                    // a partition's trajectories in groups of the network's lock-step tile (1 without one)
                    int tile = Math.max(1, net.lockStepTile());
                    int[] group = new int[tile];
                    double[][] buffers = new double[tile][(int) (c.steps() / c.every()) * c.dimension()];
                    while (it.hasNext()) {
                        int size = 0;
                        while (size < tile && it.hasNext()) group[size++] = it.next();
                        s = s.merge(trajectories(net, c, Arrays.copyOf(group, size), buffers));
                    }
                    return List.of(s).iterator();
                })
                .reduce(WellStatistics::merge);
    }

    /**
     * Runs the ensemble on this machine's threads without Spark: the same groups of trajectories as a Spark partition
     * runs ({@link #trajectories}, lock step where the network has it), a group per task on an {@link Ensemble} of
     * {@code threads} threads, merged on the calling thread. The statistics are exact integer sums, so the result is
     * that of {@link #run} bit for bit, whatever the thread count; what it saves is Spark's start-up (about 3 s of a
     * local session, BENCHMARKS.md).
     *
     * @param threads  worker threads (≥ 1)
     * @param progress receives one-line reports on the calling thread, at most one per 10 % of the trajectories
     */
    public static WellStatistics runLocal(EnsembleConfig c, int threads, Consumer<String> progress) throws IOException {
        RateNetwork net = ModelFiles.load(Path.of(c.model())).network();
        int count = c.trajectories();
        int tile = Math.max(1, net.lockStepTile());
        int groups = (count + tile - 1) / tile;
        int rows = (int) (c.steps() / c.every()) * c.dimension();
        WellStatistics[] total = {WellStatistics.empty(c.wells())};
        int[] reported = {0};
        new Ensemble(threads).run(groups, c.seed(), (g, unused) -> {
            int first = g * tile, size = Math.min(tile, count - first);
            int[] indices = new int[size];
            double[][] buffers = new double[size][rows];
            for (int q = 0; q < size; q++) indices[q] = first + q;
            return trajectories(net, c, indices, buffers);
        }, (g, s) -> {
            total[0] = total[0].merge(s);
            int done = Math.min(count, (g + 1) * tile);
            int tenth = (int) (10L * done / count);
            if (tenth > reported[0] && done < count) {
                reported[0] = tenth;
                progress.accept(String.format(Locale.ROOT, "ensemble: %d/%d trajectories done", done, count));
            }
        });
        return total[0];
    }

    /**
     * One trajectory's statistics.
     *
     * @param buffer work array of {@code (steps/every)·d} doubles, overwritten
     */
    public static WellStatistics trajectory(RateNetwork net, EnsembleConfig c, int index, double[] buffer) {
        long steps = c.steps();
        record(net, c.x0(), c.dt(), steps, c.every(), Ensemble.trajectorySeed(c.seed(), index), buffer);
        return statistics(c, buffer);
    }

    /**
     * The merged statistics of a group of trajectories, stepped together through a {@link LockStepIntegrator} when
     * the network has a lock-step form (Euler–Maruyama, the network's scheme: {@code Sampler.schemeFor}); each
     * trajectory's rows, hence the statistics, are bit for bit those of {@link #trajectory}.
     *
     * @param indices the trajectories' indices (≥ 1 of them)
     * @param buffers at least {@code indices.length} work arrays as {@link #trajectory}'s, overwritten
     */
    public static WellStatistics trajectories(RateNetwork net, EnsembleConfig c, int[] indices, double[][] buffers) {
        int size = indices.length;
        if (size == 1 || net.lockStepTile() == 0 || Sampler.schemeFor(net) != EulerMaruyama.INSTANCE) {
            WellStatistics s = WellStatistics.empty(c.wells());
            for (int q = 0; q < size; q++) s = s.merge(trajectory(net, c, indices[q], buffers[q]));
            return s;
        }
        double[][] x0s = new double[size][];
        NoiseStream[] noises = new NoiseStream[size];
        Integrator.Sink[] sinks = new Integrator.Sink[size];
        for (int q = 0; q < size; q++) {
            x0s[q] = c.x0();
            noises[q] = new GaussianIncrements(net.noiseDimension(), Ensemble.trajectorySeed(c.seed(), indices[q]));
            sinks[q] = readoutInto(net, buffers[q]);
        }
        LockStepIntegrator.Outcome[] outcomes = new LockStepIntegrator().run(net, x0s, 0, c.dt(), c.steps(), noises,
                new SaveAt(c.every(), false), sinks);
        WellStatistics s = WellStatistics.empty(c.wells());
        for (int q = 0; q < size; q++) {
            outcomes[q].orThrow();
            s = s.merge(statistics(c, buffers[q]));
        }
        return s;
    }

    /** One trajectory's statistics from its recorded readout rows. */
    private static WellStatistics statistics(EnsembleConfig c, double[] buffer) {
        int[] states = CoreSets.assign(buffer, c.dimension(), c.centres(), c.radius());
        double interval = c.dt() * c.every();
        Transitions.Result r = Transitions.of(states, c.wells(), interval);
        int k = c.wells();
        long[] n = new long[k];
        long[] sum = new long[k];
        BigInteger[] sq = new BigInteger[k];
        double[][] res = r.residenceTimes();
        for (int i = 0; i < k; i++) {
            long s = 0;
            BigInteger q = BigInteger.ZERO;
            for (double t : res[i]) {
                // Residences are whole numbers of recorded samples; Transitions reports them multiplied by the interval.
                long len = Math.round(t / interval);
                s = Math.addExact(s, len);
                q = q.add(BigInteger.valueOf(len).multiply(BigInteger.valueOf(len)));
            }
            n[i] = res[i].length;
            sum[i] = s;
            sq[i] = q;
        }
        return new WellStatistics(k, 1, r.counts(), n, sum, sq);
    }

    private static void record(RateNetwork net, double[] x0, double dt, long steps, int every, long seed, double[] out) {
        new Integrator(Sampler.schemeFor(net), Double.POSITIVE_INFINITY, ProgressListener.NONE).run(net, x0, 0, dt, steps,
                new GaussianIncrements(net.noiseDimension(), seed), new SaveAt(every, false), readoutInto(net, out));
    }

    /** A sink writing each recorded state's readout (d values) into {@code out}, one row after another. */
    private static Integrator.Sink readoutInto(RateNetwork net, double[] out) {
        int d = net.latentDimension();
        double[] z = new double[d];
        int[] cursor = {0};
        return (t, x) -> {
            net.readout(x, z);
            System.arraycopy(z, 0, out, cursor[0], d);
            cursor[0] += d;
        };
    }

    /** Centres renumbered canonically (see the class comment), so that well i means the same thing in every run. */
    static double[] canonicalOrder(double[] centres, int k, int d) {
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) order[i] = i;
        if (d == 2) {
            double cx = 0, cy = 0;
            for (int i = 0; i < k; i++) {
                cx += centres[2 * i] / k;
                cy += centres[2 * i + 1] / k;
            }
            double fx = cx, fy = cy;
            Arrays.sort(order, (a, b) -> Double.compare(Math.atan2(centres[2 * a + 1] - fy, centres[2 * a] - fx),
                    Math.atan2(centres[2 * b + 1] - fy, centres[2 * b] - fx)));
        } else {
            Arrays.sort(order, (a, b) -> Arrays.compare(centres, a * d, a * d + d, centres, b * d, b * d + d));
        }
        double[] out = new double[k * d];
        for (int i = 0; i < k; i++) System.arraycopy(centres, order[i] * d, out, i * d, d);
        return out;
    }

    /** The result as an ordered map, ready for JSON. */
    public static Map<String, Object> report(EnsembleConfig c, WellStatistics s) {
        double interval = c.dt() * c.every();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", c.model());
        m.put("trajectories", s.trajectories());
        m.put("time", c.time());
        m.put("dt", c.dt());
        m.put("recordEvery", c.every());
        m.put("seed", c.seed());
        m.put("seedRule", "trajectory i: SplitMix64(seed + (i + 1)·0x9E3779B97F4A7C15) (ddmatch.solve.Ensemble.trajectorySeed)");
        m.put("wells", c.wells());
        m.put("centres", c.centres());
        m.put("coreRadius", c.radius());
        List<Map<String, Object>> per = new ArrayList<>();
        for (int i = 0; i < c.wells(); i++) {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("well", i);
            w.put("residences", s.residences()[i]);
            w.put("meanResidenceTime", s.meanResidenceTime(i, interval));
            w.put("standardError", s.meanResidenceTimeStandardError(i, interval));
            per.add(w);
        }
        m.put("residence", per);
        m.put("jumps", s.jumps());
        m.put("counts", s.counts());
        m.put("transitionMatrix", s.transitionMatrix());
        m.put("definition", "core-set (milestoning) assignment; a residence is the time between consecutive jumps, partial "
                + "residences at both ends of each trajectory dropped; standard error s/√n over residences");
        return m;
    }
}
