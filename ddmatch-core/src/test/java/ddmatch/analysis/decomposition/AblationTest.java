package ddmatch.analysis.decomposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ddmatch.fit.MatchConfig;
import ddmatch.fit.SamplingConfig;
import ddmatch.rnn.RateNetwork;
import ddmatch.sde.RotatingOrnsteinUhlenbeck;
import ddmatch.solve.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AblationTest {
    static final double THETA = 2.0;
    static ConnectivitySplit split;

    @BeforeAll
    static void train() {
        RotatingOrnsteinUhlenbeck ou = new RotatingOrnsteinUhlenbeck(THETA, 1.0);
        MatchConfig cfg = MatchConfig.defaults(200, 5).withSampling(SamplingConfig.defaults().withSamples(3000));
        split = ConnectivitySplit.fitLinear(ou, ou.driftMatrix(), ou.diffusionMatrix(), cfg, ProgressListener.NONE);
    }

    @Test
    void splitNetworksCarryTheReversibleAndIrreversibleDrifts() {
        // J_rev carries f_rev = −2z; J_α carries −2z + αθ(z₂, −z₁); checked at points of the stationary density.
        double[][] pts = {{0.3, -0.5}, {-0.8, 0.2}, {0.0, 1.0}};
        for (double alpha : new double[] {0, 0.5, 1}) {
            ReadoutDrift f = new ReadoutDrift(split.network(alpha));
            double[] out = new double[2];
            for (double[] z : pts) {
                f.drift(z, out);
                assertThat(out[0]).isCloseTo(-2 * z[0] + alpha * THETA * z[1], within(2e-3));
                assertThat(out[1]).isCloseTo(-2 * z[1] - alpha * THETA * z[0], within(2e-3));
            }
        }
    }

    @Test
    void entropyProductionGrowsLikeAlphaThetaSquared() {
        double[] alphas = {0, 0.25, 0.5, 0.75, 1};
        Ablation.Run[] runs = Ablation.alphaSweep(split, alphas, Ablation.Simulation.of(400, 5, 17));
        // Exact EPR of f_α = −2z + αθ(z₂, −z₁), D = I: B_α = [[2, −αθ], [αθ, 2]], Φ = (αθ)².
        assertThat(runs[0].entropyProduction()).isLessThan(0.1);
        assertThat(runs[4].entropyProduction()).isCloseTo(THETA * THETA, within(0.15 * THETA * THETA));
        for (int i = 0; i < alphas.length; i++) {
            double exact = Math.pow(alphas[i] * THETA, 2);
            assertThat(runs[i].entropyProduction()).isCloseTo(exact, within(0.15 * exact + 0.1));
            if (i > 0) assertThat(runs[i].entropyProduction()).isGreaterThan(runs[i - 1].entropyProduction());
            assertThat(runs[i].leftManifold()).isFalse();
            assertThat(runs[i].maxManifoldDistance()).isLessThan(1e-10);
        }
    }

    @Test
    void symmetricAndAntisymmetricConnectivityLeaveTheManifold() {
        RateNetwork net = split.full();
        Ablation.Simulation sim = Ablation.Simulation.of(20, 0, 3);
        Ablation.Run full = Ablation.variant(net, Ablation.Variant.FULL, sim);
        assertThat(full.leftManifold()).isFalse();
        assertThat(full.maxManifoldDistance()).isLessThan(1e-10);
        for (Ablation.Variant v : new Ablation.Variant[] {Ablation.Variant.SYMMETRIC, Ablation.Variant.ANTISYMMETRIC}) {
            Ablation.Run run = Ablation.variant(net, v, sim);
            assertThat(run.leftManifold()).as(v.name()).isTrue();
            assertThat(run.maxManifoldDistance()).as(v.name()).isGreaterThan(10 * sim.manifoldThreshold());
        }
    }
}
