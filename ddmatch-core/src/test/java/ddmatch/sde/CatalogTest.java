package ddmatch.sde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The catalog's contents, overrides and metadata, checked against the shipped dysts data and the equations. */
class CatalogTest {

    static Stream<SystemCatalog.Entry> entries() {
        return SystemCatalog.entries().stream();
    }

    @Test
    void holdsSeventySixSystemsAndSixtyEightChaoticFlowsWithJacobiansThirteenFourDimensional() {
        List<SystemCatalog.Entry> all = SystemCatalog.entries();
        assertThat(all).hasSize(76);
        List<Sde> flows = all.stream().filter(e -> e.info().lyapunov() != null && e.defaults().get("noise") != null
                && e.defaults().get("noise") == 0.0).map(e -> e.create(Map.of())).filter(s -> s.dimension() >= 3 && s.hasJacobian())
                .toList();
        assertThat(flows).hasSize(68);
        assertThat(flows.stream().filter(s -> s.dimension() == 4)).hasSize(13);   // eleven hyperchaotic flows, nuclear-quadrupole, lorenz96 (n = 4)
        assertThat(SystemCatalog.names()).startsWith("lorenz", "lorenz-noisy", "double-well", "ou");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void everyEntryBuildsWithMetadataAndAFiniteDriftAtItsInitialState(SystemCatalog.Entry e) {
        Sde s = e.create(Map.of());
        double[] x0 = s.initialState();
        double[] f = new double[s.dimension()];
        s.drift(0.0, x0, f);
        for (double v : f) assertThat(v).isFinite();
        assertThat(s.defaultTimeStep()).isPositive();
        assertThat(e.info().equations()).isNotBlank();
        assertThat(e.info().citation()).isNotBlank();
        assertThat(e.defaults()).containsKey(e.info().noiseParameter());
    }

    @Test
    void dystsFlowsUseTheShippedParametersAndInitialConditions() {
        // Independent of the catalog code path: values typed from the dysts file (Rössler, Halvorsen, Dadras).
        assertThat(SystemCatalog.get("rossler").defaults()).containsEntry("a", 0.2).containsEntry("b", 0.2).containsEntry("c", 5.7);
        assertThat(SystemCatalog.get("halvorsen").defaults()).containsEntry("a", 1.4).containsEntry("b", 4.0);
        assertThat(SystemCatalog.get("dadras").defaults()).containsEntry("e", 9.0).containsEntry("r", 1.7);
        assertThat(SystemCatalog.create("rossler", Map.of()).initialState()).containsExactly(6.5134412, 0.4772013, 0.34164294);
        assertThat(SystemCatalog.get("chua").info().lyapunov().maxExponent()).isCloseTo(1.2301, within(1e-4));
    }

    @Test
    void flowsGivenByTheirEquationsUseTheShippedDystsRecord() {
        // Values typed from the dysts file (HyperLorenz, Qi), and Qi's drift at (1, 2, 3, 4) worked by hand:
        // ẋ = 45(2 − 1) + 2·3·4 = 69, ẏ = 10(1 + 2) − 1·3·4 = 18, ż = 1·2·4 − 1·3 = 5, ẇ = 1·2·3 − 10·4 = −34.
        SystemCatalog.Entry e = SystemCatalog.get("hyper-lorenz");
        assertThat(e.defaults()).containsEntry("a", 10.0).containsEntry("b", 2.667).containsEntry("c", 28.0).containsEntry("d", 1.1);
        assertThat(e.create(Map.of()).initialState()).containsExactly(-9.186073735061425, -0.6744570634419695, 16.440536886214517,
                -145.0243848950473);
        assertThat(e.create(Map.of()).defaultTimeStep()).isEqualTo(0.005);   // dysts period 1.28: 1.28/200 = 0.0064
        double[] f = new double[4];
        SystemCatalog.create("qi", Map.of()).drift(0, new double[] {1, 2, 3, 4}, f);
        assertThat(f).containsExactly(69.0, 18.0, 5.0, -34.0);
        assertThatThrownBy(() -> SystemCatalog.create("qi", Map.of("a", Double.NaN))).hasMessageContaining("qi").hasMessageContaining("'a'");
    }

    @Test
    void dystsArrayParametersBecomeNamedEntries() {
        // BeerRNN's w (3 × 3), θ and τ and Hopfield's k (6 × 6), typed from the dysts file.
        SystemCatalog.Entry beer = SystemCatalog.get("beer-ctrnn");
        assertThat(beer.defaults()).containsEntry("w12", -0.018).containsEntry("w33", 3.885).containsEntry("theta2", -2.787)
                .containsEntry("tau2", 2.5).hasSize(9 + 3 + 3 + 1);
        assertThat(SystemCatalog.get("hopfield").defaults()).containsEntry("k12", -1.0).containsEntry("k11", 0.0)
                .containsEntry("eps", 10.0).hasSize(36 + 3 + 1);
        // τ₂ ẋ₂ = −x₂ + Σⱼ w₂ⱼ σ(xⱼ + θⱼ) at x = 0, worked by hand from the typed values
        double[] f = new double[3];
        beer.create(Map.of()).drift(0, new double[3], f);
        double s1 = 1 / (1 + Math.exp(4.108)), s2 = 1 / (1 + Math.exp(2.787)), s3 = 1 / (1 + Math.exp(1.114));
        assertThat(f[1]).isCloseTo((-0.24 * s1 + 4.59 * s2 + 1.21 * s3) / 2.5, within(1e-15));
        assertThatThrownBy(() -> beer.create(Map.of("tau2", 0.0))).hasMessageContaining("'tau2' = 0.0").hasMessageContaining("> 0");
        // Hopfield's divergence −6/τ holds while every kᵢᵢ is 0, as in dysts; a self-coupling makes it vary
        SystemCatalog.Entry hop = SystemCatalog.get("hopfield");
        assertThat(hop.info().constantDivergence(hop.parameters(Map.of()))).hasValue(-6.0 / 2.5);
        assertThat(hop.info().constantDivergence(hop.parameters(Map.of("k33", 0.5)))).isEmpty();
    }

    @Test
    void dystsNamesFindTheirSystemsAndTheLeftOutOnesSayWhy() {
        assertThat(SystemCatalog.get("HyperLorenz").name()).isEqualTo("hyper-lorenz");
        assertThat(SystemCatalog.get("sprottg").name()).isEqualTo("sprott-g");
        assertThat(SystemCatalog.get("Lorenz").name()).isEqualTo("lorenz");
        assertThat(SystemCatalog.get("RikitakeDynamo").name()).isEqualTo("rikitake");
        assertThat(SystemCatalog.find("NewtonLiepnik")).map(SystemCatalog.Entry::name).hasValue("newton-leipnik");
        assertThatThrownBy(() -> SystemCatalog.get("hyper-lu")).hasMessageContaining("dysts flow HyperLu")
                .hasMessageContaining("escapes to infinity").hasMessageContaining("spec file");
        assertThatThrownBy(() -> SystemCatalog.get("MackeyGlass")).hasMessageContaining("dysts flow MackeyGlass")
                .hasMessageContaining("delay equation");
        assertThatThrownBy(() -> SystemCatalog.get("lorentz")).hasMessageContaining("did you mean 'lorenz'");
        // what the catalog sweep found hard is said where users look
        assertThat(SystemCatalog.get("hyper-cai").info().note()).contains("dysts dt").contains("N = 2000");
    }

    @Test
    void defaultStepIsTheLargestOneTwoOrFiveTimesAPowerOfTenNotAboveAPeriodOver200() {
        assertThat(SystemCatalog.defaultStep(8.71)).isEqualTo(0.02);    // 0.04355
        assertThat(SystemCatalog.defaultStep(20.2)).isEqualTo(0.1);     // 0.101
        assertThat(SystemCatalog.defaultStep(0.392)).isEqualTo(0.001);  // 0.00196
        assertThat(SystemCatalog.defaultStep(2.0)).isEqualTo(0.01);     // exactly 0.01
        assertThat(SystemCatalog.defaultStep(10.0)).isEqualTo(0.05);    // exactly 0.05
        assertThat(SystemCatalog.defaultStep(3.99)).isEqualTo(0.01);    // 0.01995
    }

    @Test
    void parametersNoiseAndInitialStateCanBeOverridden() {
        SystemCatalog.Entry e = SystemCatalog.get("rossler");
        Sde s = e.create(Map.of("c", 9.0, "noise", 0.3), new double[] {1.0, 2.0, 3.0});
        assertThat(s.initialState()).containsExactly(1.0, 2.0, 3.0);
        assertThat(s.noiseType()).isEqualTo(NoiseType.ADDITIVE);
        assertThat(s.noiseDimension()).isEqualTo(3);
        double[] g = new double[9];
        s.diffusion(0, s.initialState(), g);
        assertThat(g).containsExactly(0.3, 0, 0, 0, 0.3, 0, 0, 0, 0.3);
        double[] f = new double[3];
        s.drift(0, new double[] {1.0, 2.0, 3.0}, f);
        assertThat(f[2]).isCloseTo(0.2 + 3.0 * (1.0 - 9.0), within(1e-15)); // ż = b + z(x − c) with c = 9
        assertThat(e.create(Map.of()).noiseType()).isEqualTo(NoiseType.NONE);
    }

    @Test
    void badOverridesAreRefusedNamingTheField() {
        SystemCatalog.Entry e = SystemCatalog.get("thomas");
        assertThatThrownBy(() -> e.create(Map.of("q", 1.0))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a, b, noise");
        assertThatThrownBy(() -> e.create(Map.of(), new double[] {1, 2})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("length 3");
        assertThatThrownBy(() -> e.create(Map.of("noise", -1.0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("noise");
        assertThatThrownBy(() -> SystemCatalog.create("lorenz96", Map.of("n", 4.5))).hasMessageContaining("integer");
        assertThatThrownBy(() -> SystemCatalog.create("lorenz96", Map.of("n", 3.0))).hasMessageContaining("≥ 4");
    }

    @Test
    void lorenz96DimensionIsAParameter() {
        Sde s = SystemCatalog.create("lorenz96", Map.of("n", 40.0, "f", 8.0));
        assertThat(s.dimension()).isEqualTo(40);
        assertThat(s.initialState()[0]).isEqualTo(8.01);
        assertThat(SystemCatalog.get("lorenz96").info().constantDivergence(SystemCatalog.get("lorenz96")
                .parameters(Map.of("n", 40.0)))).hasValue(-40.0);
    }

    @Test
    void unknownNamesGetTheClosestSuggestion() {
        assertThat(SystemCatalog.closest("lorentz")).isEqualTo("lorenz");
        assertThat(SystemCatalog.closest("rosler")).isEqualTo("rossler");
        assertThat(SystemCatalog.closest("fitzhugh")).isNull();
        assertThatThrownBy(() -> SystemCatalog.get("halvorson")).hasMessageContaining("did you mean 'halvorsen'");
    }

    @Test
    void ringWellsHaveMinimaAtTheKRingAnglesAndRotationIsDivergenceFree() {
        for (int k : new int[] {3, 5}) {
            Sde s = SystemCatalog.create("ring-wells", Map.of("wells", (double) k));
            Sde rot = SystemCatalog.create("rotating-wells", Map.of("wells", (double) k, "gamma", 0.3));
            double[] f = new double[2], g = new double[2], jac = new double[4], jr = new double[4];
            for (int j = 0; j < k; j++) {
                double th = 2 * Math.PI * j / k;
                // Along the ray at angle θ_j the angular force vanishes and the radial one changes sign at r* where
                // κ(r² − 1) = h r^(K−2): find r* by bisection and check the Hessian there is positive definite.
                double lo = 0.5, hi = 1.5;
                for (int it = 0; it < 80; it++) {
                    double r = 0.5 * (lo + hi);
                    s.drift(0, new double[] {r * Math.cos(th), r * Math.sin(th)}, f);
                    double radial = f[0] * Math.cos(th) + f[1] * Math.sin(th);
                    if (radial > 0) lo = r; else hi = r;
                }
                double[] xs = {lo * Math.cos(th), lo * Math.sin(th)};
                s.drift(0, xs, f);
                assertThat(Math.hypot(f[0], f[1])).isLessThan(1e-9);
                s.jacobian(0, xs, jac);
                assertThat(jac[1]).isCloseTo(jac[2], within(1e-12)); // gradient: symmetric Jacobian
                double tr = jac[0] + jac[3], det = jac[0] * jac[3] - jac[1] * jac[2];
                assertThat(tr).isNegative();
                assertThat(det).isPositive();
                rot.drift(0, xs, g);
                rot.jacobian(0, xs, jr);
                assertThat(g[0]).isCloseTo(-0.3 * xs[1], within(1e-9));
                assertThat(g[1]).isCloseTo(0.3 * xs[0], within(1e-9));
                assertThat(jr[0] + jr[3]).isCloseTo(tr, within(1e-12));
                assertThat(jr[2] - jr[1]).isCloseTo(2 * 0.3, within(1e-12));
            }
        }
    }

    /** dysts' metadata lost the escape of two en dashes; the citations show the page ranges. */
    @Test
    void citationsShowTheirPageRanges() {
        assertThat(SystemCatalog.get("rossler").info().citation()).contains("57A (5): 397–398").doesNotContain("3972013398");
        assertThat(SystemCatalog.get("beer-ctrnn").info().citation()).contains("3(4), 469–509");
        assertThat(DystsData.pageRanges("Marion (2013). Classical dynamics")).isEqualTo("Marion (2013). Classical dynamics");
    }
}
