package ddmatch.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ddmatch.fit.DriftMatcher;
import ddmatch.fit.MatchConfig;
import ddmatch.rnn.RateNetwork;
import ddmatch.sde.RotatingOrnsteinUhlenbeck;
import ddmatch.sde.Lorenz;
import ddmatch.sde.StuartLandau;
import ddmatch.solve.Parallelism;
import ddmatch.solve.ProgressListener;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelAnalysisTest {

    @Test
    void rotatingOuNetworkCarriesEntropyProductionAndAnAntisymmetricCoupling() {
        double theta = 2.0;
        RotatingOrnsteinUhlenbeck ou = new RotatingOrnsteinUhlenbeck(theta, 1.0);
        RateNetwork net = DriftMatcher.train(ou, MatchConfig.defaults(200, 3), ProgressListener.NONE).network();
        var plan = new ModelAnalysis.Plan(10_000, 4, 4, 0, EnumSet.allOf(ModelAnalysis.Metric.class));
        Map<String, Map<String, Object>> r = ModelAnalysis.run(net, ou, plan, ProgressListener.NONE);
        // EPR of this OU process is θ² = 4 for any ε (DESIGN §1.6); T = 10^4 gives ≈ 1% sampling error, EM at dt = 0.01
        // adds ≈ +2% (4/(4 − dt(4 + θ²))).
        assertThat((double) r.get("epr").get("linearNetwork")).isCloseTo(theta * theta, within(0.1 * theta * theta));
        assertThat((double) r.get("epr").get("linearTarget")).isCloseTo(theta * theta, within(0.1 * theta * theta));
        // L = I − τB in target coordinates (here s₁ = s₂): [[−1, θ], [−θ, −1]], index θ√2/√(2 + 2θ²) = 0.894.
        double exact = theta * Math.sqrt(2) / Math.sqrt(2 + 2 * theta * theta);
        assertThat((double) r.get("coupling").get("asymmetryIndex")).isCloseTo(exact, within(0.01));
        // Linear drift −B z: both Lyapunov exponents of the drift are −2 (the real part of B's eigenvalues).
        double[] lt = (double[]) r.get("lyapunov").get("target");
        assertThat(lt[0]).isCloseTo(-2.0, within(1e-3));
        assertThat(lt[1]).isCloseTo(-2.0, within(1e-3));
        // D_stsp of the network is at the level of the floor between two independent target runs.
        assertThat((double) r.get("divergence").get("stsp")).isLessThan(2 * (double) r.get("divergence").get("stspFloor"));
        assertThat((double) r.get("simulation").get("manifoldDistanceMax")).isLessThan(1e-9);
        // A stable linear drift contracts every error: each forecast is still valid at the horizon.
        assertThat((int) r.get("forecast").get("censored")).isEqualTo(ModelAnalysis.FORECAST_STARTS);
        assertThat(r.get("forecast")).doesNotContainKey("validLyapunovTimes");   // no positive exponent to measure time by
        assertThat((String) r.get("returnMap").get("note")).startsWith("skipped: the target is noisy");
    }

    /**
     * A network's forecast obeys the law of {@code ValidPredictionTimeTest}'s twin runs: the valid time grows by one
     * Lyapunov time for each factor e of drift accuracy. Two Lorenz networks of 500 neurons, one with λ by GCV and one
     * regularised far harder, differ in held-out drift error by a factor r and in median valid time by ≈ ln r / λ_max.
     */
    @Test
    void aLorenzNetworkForecastsLongerByOneLyapunovTimePerFactorEOfDriftAccuracy() {
        Lorenz lorenz = new Lorenz();
        var plan = new ModelAnalysis.Plan(200, 3, 1, 0, EnumSet.of(ModelAnalysis.Metric.DRIFT, ModelAnalysis.Metric.LYAPUNOV,
                ModelAnalysis.Metric.FORECAST));
        double[] drift = new double[2], valid = new double[2], lyap = new double[2];
        for (int k = 0; k < 2; k++) {
            MatchConfig c = MatchConfig.defaults(500, 1);
            RateNetwork net = DriftMatcher.train(lorenz, k == 0 ? c : c.withLambda(1.0), ProgressListener.NONE).network();
            Map<String, Map<String, Object>> r = ModelAnalysis.run(net, lorenz, plan, ProgressListener.NONE);
            drift[k] = (double) r.get("drift").get("mean");
            valid[k] = (double) r.get("forecast").get("validTime");
            lyap[k] = (double) r.get("forecast").get("validLyapunovTimes");
            assertThat((int) r.get("forecast").get("censored")).isZero();
        }
        // Measured: drift errors 2.5e-5 and 5.6e-3 (ln r = 5.42), valid times 9.69 and 4.09 (Δ·λ = 5.07 with Wolf's
        // 0.906), 9.1 and 3.9 Lyapunov times of the target's own exponent.
        double lnR = Math.log(drift[1] / drift[0]);
        assertThat(lnR).isGreaterThan(3.0);
        assertThat((valid[0] - valid[1]) * 0.906).isBetween(0.75 * lnR, 1.25 * lnR);
        assertThat(lyap[0]).isGreaterThan(6.0);
    }

    /**
     * The return map of successive maxima (Lorenz 1963, Fig. 4) tells a network of the target from a network of a
     * neighbouring system whose attractor is folded differently: a Lorenz network's maps lie within twice the distance
     * between two runs of the target, one trained on ρ = 35 lies far outside. A Stuart–Landau network's peaks come at
     * the cycle's period 2π/ω.
     */
    @Test
    void theReturnMapTellsTheTargetsNetworkFromANeighbouringSystems() {
        Lorenz lorenz = new Lorenz();
        var plan = new ModelAnalysis.Plan(1000, 4, 1, 0, EnumSet.of(ModelAnalysis.Metric.RETURN_MAP));
        double[][] ratio = new double[2][3];
        for (int k = 0; k < 2; k++) {
            Lorenz trainedOn = k == 0 ? lorenz : new Lorenz(10, 35, 8.0 / 3.0, 0);
            RateNetwork net = DriftMatcher.train(trainedOn, MatchConfig.defaults(300, 1), ProgressListener.NONE).network();
            Map<String, Object> r = ModelAnalysis.run(net, lorenz, plan, ProgressListener.NONE).get("returnMap");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> components = (List<Map<String, Object>>) r.get("components");
            assertThat(components).hasSize(3);
            for (Map<String, Object> c : components) {
                int i = (int) c.get("component");
                assertThat((int) c.get("targetPeaks")).isGreaterThan(200);
                ratio[k][i] = (double) c.get("mapDistance") / (double) c.get("mapDistanceFloor");
            }
        }
        // Measured (JDK 17, T = 1000): 0.94, 0.92, 1.07 for the Lorenz network (at T = 300 the floor, one pair of runs,
        // is noisier: up to 2.0), 31, 43, 392 for the ρ = 35 one.
        for (int i = 0; i < 3; i++) {
            assertThat(ratio[0][i]).isLessThan(2.0);
            assertThat(ratio[1][i]).isGreaterThan(10.0);
        }
    }

    @Test
    void aLimitCycleNetworksPeaksComeAtTheCyclesPeriod() {
        StuartLandau sl = new StuartLandau(1.0, 2.0, 0.0, new double[] {0.5, 0.0}, 0.01);
        RateNetwork net = DriftMatcher.train(sl, MatchConfig.defaults(200, 1), ProgressListener.NONE).network();
        var plan = new ModelAnalysis.Plan(200, 1, 1, 0, EnumSet.of(ModelAnalysis.Metric.RETURN_MAP));
        Map<String, Object> r = ModelAnalysis.run(net, sl, plan, ProgressListener.NONE).get("returnMap");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> components = (List<Map<String, Object>>) r.get("components");
        for (Map<String, Object> c : components) {
            assertThat((double) c.get("targetReturnTime")).isCloseTo(Math.PI, org.assertj.core.api.Assertions.within(1e-6));
            assertThat((double) c.get("networkReturnTime")).isCloseTo(Math.PI, org.assertj.core.api.Assertions.within(1e-3));
            assertThat((double) c.get("peakDistance")).isLessThan(1e-3);
        }
    }

    /**
     * The Lyapunov spectra run beside the simulations on two threads; every number, and the order of the keys, must be
     * those of one thread. A chaotic network (Lorenz) amplifies any difference in the last bits, and its spectrum, the
     * runs and the statistics all share the network.
     */
    @Test
    void twoThreadsGiveTheBitsOfOne() {
        Lorenz lorenz = new Lorenz();
        RateNetwork net = DriftMatcher.train(lorenz, MatchConfig.defaults(120, 2), ProgressListener.NONE).network();
        var plan = new ModelAnalysis.Plan(60, 5, 5, 0, EnumSet.allOf(ModelAnalysis.Metric.class));
        List<String> flat = new ArrayList<>();
        int before = Parallelism.threads();
        try {
            for (int threads : new int[] {1, 2}) {
                Parallelism.setThreads(threads);
                flat.add(flatten(ModelAnalysis.run(net, lorenz, plan, ProgressListener.NONE)));
            }
        } finally {
            Parallelism.setThreads(before == Runtime.getRuntime().availableProcessors() ? 0 : before);
        }
        assertThat(flat.get(0)).contains("lyapunov").contains("networkOnManifold").contains("divergence");
        assertThat(flat.get(1)).isEqualTo(flat.get(0));
    }

    /** Keys in order and every double by its exact bits. */
    private static String flatten(Object v) {
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            for (Map.Entry<?, ?> e : m.entrySet()) sb.append(e.getKey()).append('=').append(flatten(e.getValue())).append(';');
            return sb.append('}').toString();
        }
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("(");
            for (Object o : l) sb.append(flatten(o)).append(',');
            return sb.append(')').toString();
        }
        if (v instanceof double[] a) {
            StringBuilder sb = new StringBuilder("[");
            for (double x : a) sb.append(Long.toHexString(Double.doubleToRawLongBits(x))).append(',');
            return sb.append(']').toString();
        }
        if (v instanceof Double x) {
            return Long.toHexString(Double.doubleToRawLongBits(x));
        }
        return String.valueOf(v);
    }
}
