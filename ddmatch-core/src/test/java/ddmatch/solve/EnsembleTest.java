package ddmatch.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ddmatch.sde.RotatingOrnsteinUhlenbeck;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnsembleTest {
    private final RotatingOrnsteinUhlenbeck ou = new RotatingOrnsteinUhlenbeck(1.5, 0.5);

    @Test
    void resultsAreBitIdenticalForOneTwoAndEightThreads() {
        List<List<Trajectory>> runs = new ArrayList<>();
        for (int threads : new int[] {1, 2, 8}) {
            runs.add(new Ensemble(threads).solve(ou, Sra1.INSTANCE, new double[] {0.3, -0.2}, 0.0, 0.01, 300,
                    new SaveAt(10, true), Observable.identity(2), 37, 2024));
        }
        for (int i = 0; i < 37; i++) {
            assertThat(runs.get(1).get(i).values()).isEqualTo(runs.get(0).get(i).values());
            assertThat(runs.get(2).get(i).values()).isEqualTo(runs.get(0).get(i).values());
        }
        // Trajectory i is exactly the single run seeded with trajectorySeed(seed, i): an independent computation.
        Trajectory direct = new Integrator(Sra1.INSTANCE).solve(ou, new double[] {0.3, -0.2}, 0.0, 0.01, 300,
                new GaussianIncrements(2, Ensemble.trajectorySeed(2024, 17)), new SaveAt(10, true), Observable.identity(2));
        assertThat(runs.get(2).get(17).values()).isEqualTo(direct.values());
        assertThat(runs.get(0).get(3).values()).isNotEqualTo(runs.get(0).get(4).values());
    }

    @Test
    void streamingRunDeliversInOrderAndMatchesAcrossThreadCounts() {
        double[] one = new Ensemble(1).finalStates(ou, EulerMaruyama.INSTANCE, new double[] {0, 0}, 0, 0.01, 200, 50, 5);
        double[] eight = new Ensemble(8).finalStates(ou, EulerMaruyama.INSTANCE, new double[] {0, 0}, 0, 0.01, 200, 50, 5);
        assertThat(eight).isEqualTo(one);
        List<Integer> order = new ArrayList<>();
        List<Integer> results = new Ensemble(3).map(100, 1, (i, seed) -> i);
        new Ensemble(3).run(100, 1, (i, seed) -> i * i, (i, r) -> order.add(r));
        for (int i = 0; i < 100; i++) {
            assertThat(results.get(i)).isEqualTo(i);
            assertThat(order.get(i)).isEqualTo(i * i);
        }
    }

    /** solve reports every trajectory done, in index order, to its progress listener, and the same results as without. */
    @Test
    void solveReportsTrajectoriesDoneInOrder() {
        List<Long> done = new ArrayList<>();
        long[] total = {0};
        boolean[] finished = {false};
        ProgressListener progress = new ProgressListener() {
            @Override public void start(String task, long n) { total[0] = n; }
            @Override public void advance(long n) { done.add(n); }
            @Override public void finish() { finished[0] = true; }
        };
        List<Trajectory> with = new Ensemble(3).solve(ou, EulerMaruyama.INSTANCE, new double[] {0.3, -0.2}, 0.0, 0.01, 50,
                new SaveAt(5, true), Observable.identity(2), 7, 11, progress);
        List<Trajectory> without = new Ensemble(1).solve(ou, EulerMaruyama.INSTANCE, new double[] {0.3, -0.2}, 0.0, 0.01, 50,
                new SaveAt(5, true), Observable.identity(2), 7, 11);
        assertThat(total[0]).isEqualTo(7);
        assertThat(done).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(finished[0]).isTrue();
        for (int i = 0; i < 7; i++) assertThat(with.get(i).values()).isEqualTo(without.get(i).values());
    }

    /**
     * The worker threads are kept between runs of one ensemble, and a run started from inside one of its own tasks runs
     * on that task's thread instead of waiting on workers that are all busy (which would never finish).
     */
    @Test
    void workersAreReusedAndANestedRunDoesNotDeadlock() throws Exception {
        Ensemble e = new Ensemble(2);
        java.util.Set<Thread> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        for (int rep = 0; rep < 5; rep++) e.run(8, rep, (i, s) -> seen.add(Thread.currentThread()), (i, r) -> { });
        assertThat(seen).hasSize(2);
        var nested = java.util.concurrent.CompletableFuture.supplyAsync(() -> e.map(4, 1, (i, s) -> {
            List<Integer> inner = e.map(3, s, (j, t) -> j * 10 + i);
            return inner.get(2);
        }));
        assertThat(nested.get(20, java.util.concurrent.TimeUnit.SECONDS)).containsExactly(20, 21, 22, 23);
    }

    @Test
    void aFailingTrajectoryFailsTheEnsembleWithItsException() {
        assertThatThrownBy(() -> new Ensemble(4).map(20, 1, (i, seed) -> {
            if (i == 13) {
                throw new DivergenceException("x", 1.0, 2, Double.NaN, 1.0, 0.1, "euler-maruyama");
            }
            return i;
        })).isInstanceOf(DivergenceException.class);
    }

    /**
     * {@code dz = −z dt + dW}: stationary variance 1/2. Euler–Maruyama's chain {@code z' = (1 − h) z + ΔW} has
     * stationary variance {@code h / (1 − (1 − h)²) = 1/(2 − h)}, and SRA1's chain
     * {@code z' = a z + ΔW − ΔZ}, {@code a = 1 − h + h²/2}, has {@code (h − h² + h³/3)/(1 − a²)}. At h = 0.2 these are
     * 0.5556 and 0.4965; both are checked on 4000 trajectories to within 4 standard errors ({@code var·√(2/n)}), which
     * resolves EM's bias from 1/2 (4.7 standard errors).
     */
    @Test
    void ornsteinUhlenbeckStationaryVarianceMatchesEachSchemesClosedForm() {
        TestSystems.Ou ou1 = new TestSystems.Ou(1.0, 1.0);
        double h = 0.2;
        int n = 4000;
        double a = 1 - h + h * h / 2;
        double[][] cases = {{1.0 / (2 - h)}, {(h - h * h + h * h * h / 3) / (1 - a * a)}};
        Scheme[] schemes = {EulerMaruyama.INSTANCE, Sra1.INSTANCE};
        for (int s = 0; s < 2; s++) {
            double[] z = new Ensemble(2).finalStates(ou1, schemes[s], new double[] {0.0}, 0.0, h, 100, n, 99);
            double mean = 0, m2 = 0;
            for (double v : z) {
                mean += v / n;
                m2 += v * v / n;
            }
            double expected = cases[s][0];
            double se = expected * Math.sqrt(2.0 / n);
            assertThat(m2 - mean * mean).as(schemes[s].name()).isCloseTo(expected, within(4 * se));
            assertThat(mean).isCloseTo(0.0, within(4 * Math.sqrt(expected / n)));
        }
    }

    @Test
    void threadCountIsValidated() {
        assertThatThrownBy(() -> new Ensemble(0)).hasMessageContaining("threads");
    }
}
