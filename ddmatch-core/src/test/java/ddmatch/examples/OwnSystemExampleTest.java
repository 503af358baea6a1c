package ddmatch.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The README's Java example runs and its numbers are what it says: the network carries the Duffing SDE and Lorenz. */
class OwnSystemExampleTest {
    @Test
    void theExampleTrainsSimulatesAndCompares() {
        OwnSystemExample.Numbers n = OwnSystemExample.run();
        assertThat(n.trainingError()).isLessThan(1e-3);
        assertThat(n.stsp()).isLessThan(2 * n.stspFloor());
        // Additive noise 0.4·I: G Gᵀ = 0.16·I; 5·10⁴ increments give ~1% sampling error.
        assertThat(n.networkDiffusion()[0]).isCloseTo(0.16, within(0.01));
        assertThat(n.networkDiffusion()[3]).isCloseTo(0.16, within(0.01));
        assertThat(Math.abs(n.networkDiffusion()[1])).isLessThan(0.01);
        // Lorenz: λ₁ ≈ 0.906 (Wolf et al. 1985), λ₂ ≈ 0, λ₃ ≈ −14.57, network as target (within the 300-unit run's error).
        assertThat(n.networkExponents()[0]).isCloseTo(n.targetExponents()[0], within(0.1));
        assertThat(n.networkExponents()[2]).isCloseTo(-1.0, within(0.05));   // the full network's transverse rate −1/τ
        assertThat(n.targetExponents()[2]).isCloseTo(-14.57, within(0.3));
    }
}
