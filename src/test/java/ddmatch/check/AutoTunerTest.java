package ddmatch.check;

import static org.assertj.core.api.Assertions.assertThat;

import ddmatch.fit.MatchConfig;
import ddmatch.sde.Lorenz;
import ddmatch.solve.ProgressListener;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Automatic choice of σ_b and jitter for small networks: Lorenz at N = 60 with no hand-tuning must reproduce
 * λmax = 0.906 (Wolf et al. 1985) within ±10% and D_stsp within 2× the target's noise floor.
 */
class AutoTunerTest {
    static SystemReport lorenzAt60(long seed) {
        Lorenz target = new Lorenz();
        AutoTuner.Result tuned = AutoTuner.tune(target, MatchConfig.defaults(60, seed), AutoTuner.Plan.defaults(true),
                ProgressListener.NONE);
        return EndToEndChecks.lorenz(new EndToEndChecks.LorenzPlan(60, seed, 1000.0, 1000.0, 3), 0.10, tuned.best());
    }

    static Check check(SystemReport r, String name) {
        return r.checks().stream().filter(c -> c.quantity().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void lorenzAtSixtyNeuronsIsFaithfulWithoutHandTuning() {
        SystemReport r = lorenzAt60(1);
        assertThat(check(r, "λmax").pass()).as(r.checks().toString()).isTrue();
        assertThat(check(r, "D_stsp").pass()).as(r.checks().toString()).isTrue();
    }

    @Test
    @Tag("slow")
    void lorenzAtSixtyNeuronsPassesForFiveSeeds() {
        int passed = 0;
        StringBuilder why = new StringBuilder();
        for (long seed = 1; seed <= 5; seed++) {
            SystemReport r = lorenzAt60(seed);
            boolean ok = check(r, "λmax").pass() && check(r, "D_stsp").pass();
            passed += ok ? 1 : 0;
            why.append("seed ").append(seed).append(": ").append(r.checks()).append('\n');
        }
        assertThat(passed).as(why.toString()).isEqualTo(5);
    }
}
