package ddmatch.check;

import static org.assertj.core.api.Assertions.assertThat;

import ddmatch.solve.ProgressListener;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The acceptance checks of the foundation: trained networks, simulated in full, reproduce Lorenz, the noisy double
 * well and the rotating OU process. Every assertion compares with an analytic value, a published value or the
 * target's own simulation (see {@link EndToEndChecks}). Tests tagged {@code slow} run with {@code ./mvnw verify -Pslow}.
 */
class AcceptanceTest {

    private static void assertAllPass(SystemReport report) {
        for (Check c : report.checks()) {
            assertThat(c.pass()).as("%s / %s: network %s vs reference %s (%s, %s)", report.label(), c.quantity(), c.network(),
                    c.reference(), c.source(), c.criterion()).isTrue();
        }
    }

    @Test
    @Tag("slow")
    void lorenzAtThousandNeuronsMatchesDriftLyapunovAndStateSpace() {
        // λmax from ≥ 1000 time units after a transient, ±5% of 0.906; D_stsp averaged over 3 start points.
        SystemReport r = EndToEndChecks.lorenz(new EndToEndChecks.LorenzPlan(1000, 1, 1000.0, 1000.0, 3), 0.05, ProgressListener.NONE);
        assertAllPass(r);
        assertThat(r.drift().mean()).isLessThanOrEqualTo(2e-3);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    @Tag("slow")
    void lorenzAtHundredFiftyNeuronsHoldsForEverySeed(long seed) {
        SystemReport r = EndToEndChecks.lorenz(new EndToEndChecks.LorenzPlan(150, seed, 1000.0, 1000.0, 3), 0.10, ProgressListener.NONE);
        Check lyap = r.checks().stream().filter(c -> c.quantity().equals("λmax")).findFirst().orElseThrow();
        Check stsp = r.checks().stream().filter(c -> c.quantity().equals("D_stsp")).findFirst().orElseThrow();
        assertThat(lyap.pass()).as("λmax %s at seed %d", lyap.network(), seed).isTrue();
        assertThat(stsp.pass()).as("D_stsp %s vs floor %s at seed %d", stsp.network(), stsp.reference(), seed).isTrue();
    }

    @Test
    void lorenzAtHundredFiftyNeuronsRepresentativeSeed() {
        SystemReport r = EndToEndChecks.lorenz(new EndToEndChecks.LorenzPlan(150, 1, 1000.0, 500.0, 3), 0.10, ProgressListener.NONE);
        Check lyap = r.checks().stream().filter(c -> c.quantity().equals("λmax")).findFirst().orElseThrow();
        Check stsp = r.checks().stream().filter(c -> c.quantity().equals("D_stsp")).findFirst().orElseThrow();
        assertThat(lyap.pass()).as("λmax %s", lyap.network()).isTrue();
        assertThat(stsp.pass()).as("D_stsp %s vs floor %s", stsp.network(), stsp.reference()).isTrue();
    }

    @Test
    void noisyLorenzReadoutCarriesTheTargetDiffusion() {
        assertAllPass(EndToEndChecks.noisyLorenz(300, 1, 2.0, 1000.0, ProgressListener.NONE));
    }

    @Test
    void doubleWellResidenceTimesMatchTheTargetSde() {
        assertAllPass(EndToEndChecks.doubleWell(300, 1, 0.7, 2.0e4, ProgressListener.NONE));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 1.0, 3.0})
    void rotatingOuEntropyProductionIsThetaSquared(double theta) {
        assertAllPass(EndToEndChecks.ou(200, 1, theta, 2.0e4, ProgressListener.NONE));
    }
}
