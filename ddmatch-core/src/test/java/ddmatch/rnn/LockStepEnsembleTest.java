package ddmatch.rnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ddmatch.solve.DivergenceException;
import ddmatch.solve.Ensemble;
import ddmatch.solve.EulerMaruyama;
import ddmatch.solve.GaussianIncrements;
import ddmatch.solve.Integrator;
import ddmatch.solve.LockStepIntegrator;
import ddmatch.solve.NoiseStream;
import ddmatch.solve.Observable;
import ddmatch.solve.ProgressListener;
import ddmatch.solve.SaveAt;
import ddmatch.solve.Trajectory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Trajectories of a rate network stepped in lock step ({@link LockStepIntegrator}, and {@link Ensemble} through it)
 * against the same trajectories run one at a time by {@link Integrator} with Euler–Maruyama: every recorded row, every
 * final state and every divergence the same, bit for bit, for both tile sizes, groups with and without a remainder
 * beyond whole tiles, N with and without a tail beyond the vector width, and any thread count.
 */
class LockStepEnsembleTest {
    private static final double DT = 0.01;

    /** A d = 3 network with Gaussian read-in weights and constant noise S (d × m, m = 3). */
    static RateNetwork noisyNetwork(int n, long seed) {
        int d = 3, m = 3;
        SplittableRandom r = new SplittableRandom(seed);
        double[] w = new double[d * n];
        for (int i = 0; i < w.length; i++) w[i] = 2.5 * r.nextGaussian() / Math.sqrt(n);
        double[] s = new double[d * m];
        for (int i = 0; i < s.length; i++) s[i] = 0.3 * r.nextGaussian();
        return new RateNetwork("noisy", Embedding.random(n, d, 2.0, seed), w, s, m, 0.7, Activation.TANH,
                Standardization.identity(d), DT);
    }

    private static final class Rows implements Integrator.Sink {
        final List<Double> times = new ArrayList<>();
        final List<double[]> states = new ArrayList<>();

        @Override
        public void accept(double t, double[] x) {
            times.add(t);
            states.add(x.clone());
        }
    }

    @Test
    void aLockStepGroupGivesEachTrajectoryTheBitsOfItsOwnRun() {
        assumeTrue(NetworkKernels.vectorApiInUse());
        String before = System.getProperty(SimdKernels.STEP_TILE_PROPERTY);
        try {
            for (int tile : new int[] {2, 4}) {
                System.setProperty(SimdKernels.STEP_TILE_PROPERTY, Integer.toString(tile));
                for (int n : new int[] {203, 64}) {
                    RateNetwork net = noisyNetwork(n, 40 + n);
                    assertThat(net.lockStepTile()).isEqualTo(tile);
                    for (int batch : new int[] {1, 3, 4, 6}) compareGroup(net, batch, 250, new SaveAt(7, true), 100 + batch);
                }
            }
        } finally {
            restore(before);
        }
    }

    private static void compareGroup(RateNetwork net, int batch, long steps, SaveAt saveAt, long seed) {
        int n = net.dimension();
        double[][] x0s = new double[batch][];
        NoiseStream[] noises = new NoiseStream[batch];
        Rows[] rows = new Rows[batch];
        SplittableRandom r = new SplittableRandom(seed);
        for (int b = 0; b < batch; b++) {
            x0s[b] = new double[n];
            for (int j = 0; j < n; j++) x0s[b][j] = r.nextGaussian();
            noises[b] = new GaussianIncrements(3, seed * 31 + b);
            rows[b] = new Rows();
        }
        LockStepIntegrator.Outcome[] out = new LockStepIntegrator().run(net, x0s, 0.5, DT, steps, noises, saveAt, rows);
        for (int b = 0; b < batch; b++) {
            Rows alone = new Rows();
            double[] last = new Integrator(EulerMaruyama.INSTANCE).run(net, x0s[b], 0.5, DT, steps,
                    new GaussianIncrements(3, seed * 31 + b), saveAt, alone);
            assertThat(out[b].failure()).isNull();
            assertThat(out[b].finalState()).as("trajectory %d of %d, N = %d", b, batch, n).isEqualTo(last);
            assertThat(rows[b].times).isEqualTo(alone.times);
            for (int k = 0; k < alone.states.size(); k++) assertThat(rows[b].states.get(k)).isEqualTo(alone.states.get(k));
        }
        // the trajectories differ: the noise streams are their own
        if (batch > 1) assertThat(out[0].finalState()).isNotEqualTo(out[1].finalState());
    }

    /**
     * A bound on the norm that about half the trajectories cross: those stop with the {@link DivergenceException} of
     * their own run (same step, time and norm in the message), the others go on to their own final bits.
     */
    @Test
    void trajectoriesThatCrossTheBoundStopAsAloneAndTheOthersGoOn() {
        assumeTrue(NetworkKernels.vectorApiInUse());
        RateNetwork net = noisyNetwork(203, 9);
        int batch = 9, steps = 300, n = 203;
        double[][] x0s = new double[batch][];
        double[] peak = new double[batch];
        SplittableRandom r = new SplittableRandom(5);
        for (int b = 0; b < batch; b++) {
            x0s[b] = new double[n];
            for (int j = 0; j < n; j++) x0s[b][j] = r.nextGaussian();
            int beta = b;
            new Integrator(EulerMaruyama.INSTANCE).run(net, x0s[b], 0, DT, steps, new GaussianIncrements(3, b), SaveAt.everyStep(),
                    (t, x) -> peak[beta] = Math.max(peak[beta], Math.sqrt(ddmatch.linalg.MatrixProduct.sumOfSquares(x))));
        }
        double[] sorted = peak.clone();
        java.util.Arrays.sort(sorted);
        double bound = 0.5 * (sorted[batch / 2] + sorted[batch / 2 + 1]);   // the four with the highest peaks cross it
        NoiseStream[] noises = new NoiseStream[batch];
        Integrator.Sink[] sinks = new Integrator.Sink[batch];
        for (int b = 0; b < batch; b++) {
            noises[b] = new GaussianIncrements(3, b);
            sinks[b] = (t, x) -> { };
        }
        LockStepIntegrator.Outcome[] out = new LockStepIntegrator(bound, ProgressListener.NONE)
                .run(net, x0s, 0, DT, steps, noises, SaveAt.everyStep(), sinks);
        int diverged = 0;
        for (int b = 0; b < batch; b++) {
            Integrator alone = new Integrator(EulerMaruyama.INSTANCE, bound, ProgressListener.NONE);
            try {
                double[] last = alone.run(net, x0s[b], 0, DT, steps, new GaussianIncrements(3, b), SaveAt.everyStep(), sinks[b]);
                assertThat(out[b].failure()).as("trajectory %d", b).isNull();
                assertThat(out[b].finalState()).isEqualTo(last);
            } catch (DivergenceException e) {
                diverged++;
                assertThat(out[b].finalState()).isNull();
                assertThat(out[b].failure()).as("trajectory %d", b).hasMessage(e.getMessage());
                assertThatThrownBy(out[b]::orThrow).isSameAs(out[b].failure());
            }
        }
        assertThat(diverged).isEqualTo(batch / 2);
    }

    /**
     * {@link Ensemble} takes a network's trajectories in lock step: the final states, the recorded trajectories and
     * the first divergence are those of the trajectories run alone with {@link Ensemble#trajectorySeed}, for 1 and 2
     * threads and a count that is not a multiple of the tile.
     */
    @Test
    void anEnsembleOfANetworkMatchesItsTrajectoriesRunAlone() {
        RateNetwork net = noisyNetwork(203, 3);
        double[] x0 = net.stateFor(new double[] {0.2, -0.1, 0.3});
        int count = 11;
        long steps = 200, seed = 77;
        double[] alone = new double[count * 203];
        List<double[]> recorded = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            GaussianIncrements noise = new GaussianIncrements(3, Ensemble.trajectorySeed(seed, i));
            double[] last = new Integrator(EulerMaruyama.INSTANCE).run(net, x0, 0, DT, steps, noise, new SaveAt(1, false),
                    (t, x) -> { });
            System.arraycopy(last, 0, alone, i * 203, 203);
            recorded.add(new Integrator(EulerMaruyama.INSTANCE).solve(net, x0, 0, DT, steps,
                    new GaussianIncrements(3, Ensemble.trajectorySeed(seed, i)), new SaveAt(20, true), net.readoutObservable()).values());
        }
        for (int threads : new int[] {1, 2}) {
            Ensemble e = new Ensemble(threads);
            assertThat(e.finalStates(net, EulerMaruyama.INSTANCE, x0, 0, DT, steps, count, seed)).isEqualTo(alone);
            List<Trajectory> ts = e.solve(net, EulerMaruyama.INSTANCE, x0, 0, DT, steps, new SaveAt(20, true), net.readoutObservable(),
                    count, seed);
            for (int i = 0; i < count; i++) assertThat(ts.get(i).values()).as("trajectory %d", i).isEqualTo(recorded.get(i));
        }
        // A step far beyond the stable one (h/τ = 3: the leak alone doubles x each step) diverges every trajectory;
        // the ensemble reports trajectory 0's divergence, as the per-trajectory path does.
        double h = 2.1;
        String expected;
        try {
            new Integrator(EulerMaruyama.INSTANCE).run(net, x0, 0, h, 400, new GaussianIncrements(3, Ensemble.trajectorySeed(seed, 0)),
                    new SaveAt(1, false), (t, x) -> { });
            throw new AssertionError("the step h = " + h + " should diverge");
        } catch (DivergenceException e) {
            expected = e.getMessage();
        }
        for (int threads : new int[] {1, 2}) {
            assertThatThrownBy(() -> new Ensemble(threads).finalStates(net, EulerMaruyama.INSTANCE, x0, 0, h, 400, count, seed))
                    .isInstanceOf(DivergenceException.class).hasMessage(expected);
        }
    }

    /** A group reports its steps to the progress listener and stops when its thread is interrupted, as Integrator does. */
    @Test
    void aGroupReportsProgressAndStopsWhenInterrupted() {
        assumeTrue(NetworkKernels.vectorApiInUse());
        RateNetwork net = noisyNetwork(64, 2);
        double[] x0 = net.stateFor(new double[] {0.1, 0.2, 0.3});
        List<Long> advanced = new ArrayList<>();
        long[] total = {0};
        ProgressListener progress = new ProgressListener() {
            @Override public void start(String task, long steps) { total[0] = steps; }
            @Override public void advance(long done) { advanced.add(done); }
        };
        double[][] x0s = {x0, x0, x0, x0, x0};
        NoiseStream[] noises = new NoiseStream[5];
        for (int b = 0; b < 5; b++) noises[b] = new GaussianIncrements(3, b);
        new LockStepIntegrator(Double.POSITIVE_INFINITY, progress).run(net, x0s, 0, DT, 10_000, noises, new SaveAt(100, false),
                new Integrator.Sink[5]);
        assertThat(total[0]).isEqualTo(10_000);
        assertThat(advanced).containsExactly(4096L, 8192L, 10_000L);
        for (int b = 0; b < 5; b++) noises[b] = new GaussianIncrements(3, b);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> new LockStepIntegrator().run(net, x0s, 0, DT, 10_000, noises, SaveAt.everyStep(),
                    new Integrator.Sink[5])).isInstanceOf(java.util.concurrent.CancellationException.class)
                    .hasMessageContaining("interrupted at t = 40.96");
        } finally {
            Thread.interrupted();
        }
    }

    /** Without a tiled kernel (d = 2 here) the group runs one trajectory after another; the batch step is refused. */
    @Test
    void withoutATiledStepTheGroupFallsBackToSingleRuns() {
        RateNetwork net = NetworkKernelsTest.network(97, 2, 4);
        assertThat(net.lockStepTile()).isZero();
        double[][] x0s = {NetworkKernelsTest.state(97, 1), NetworkKernelsTest.state(97, 2)};
        Rows[] rows = {new Rows(), new Rows()};
        LockStepIntegrator.Outcome[] out = new LockStepIntegrator().run(net, x0s, 0, DT, 50, new NoiseStream[2],
                new SaveAt(10, false), rows);
        for (int b = 0; b < 2; b++) {
            double[] last = new Integrator(EulerMaruyama.INSTANCE).run(net, x0s[b], 0, DT, 50, null, new SaveAt(10, false),
                    (t, x) -> { });
            assertThat(out[b].finalState()).isEqualTo(last);
            assertThat(rows[b].times).hasSize(5);
        }
        assertThatThrownBy(() -> net.eulerStepBatch(0, DT, new double[2 * 97], 2, new double[0], new double[2]))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("eulerStep");
        assertThatThrownBy(() -> new LockStepIntegrator().run(net, x0s, 0, DT, 50, new NoiseStream[1], SaveAt.everyStep(),
                rows)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("B ≥ 1");
    }

    private static void restore(String before) {
        if (before == null) System.clearProperty(SimdKernels.STEP_TILE_PROPERTY);
        else System.setProperty(SimdKernels.STEP_TILE_PROPERTY, before);
    }
}
