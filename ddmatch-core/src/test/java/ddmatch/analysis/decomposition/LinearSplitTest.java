package ddmatch.analysis.decomposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LinearSplitTest {

    @Test
    void rotatingOuSplitsIntoRelaxationAndRotation() {
        double theta = 2, eps = 0.7;
        LinearSplit s = LinearSplit.of(new double[] {2, -theta, theta, 2}, new double[] {eps, 0, 0, eps}, 2);
        assertThat(s.covariance()).containsExactly(new double[] {eps / 2, 0, 0, eps / 2}, within(1e-12));
        assertThat(s.reversible()).containsExactly(new double[] {-2, 0, 0, -2}, within(1e-12));
        assertThat(s.irreversible()).containsExactly(new double[] {0, theta, -theta, 0}, within(1e-12));
        assertThat(s.entropyProduction()).isCloseTo(theta * theta, within(1e-10));
        double[] out = new double[2];
        s.irreversibleField().drift(new double[] {0.3, -0.5}, out);
        assertThat(out).containsExactly(new double[] {theta * -0.5, -theta * 0.3}, within(1e-12));
    }

    @Test
    void generalSplitSumsToTheDriftAndHasADivergenceFreeCurrent() {
        double[] b = {1.5, -0.7, 0.2, 0.9, 2.0, -0.4, 0.1, 0.6, 1.2};
        double[] dm = {0.8, 0.1, 0.0, 0.1, 0.5, 0.05, 0.0, 0.05, 0.3};
        LinearSplit s = LinearSplit.of(b, dm, 3);
        double[] rev = s.reversible(), irr = s.irreversible(), cov = s.covariance();
        for (int i = 0; i < 9; i++) assertThat(rev[i] + irr[i]).isCloseTo(-b[i], within(1e-12));
        // f_rev = D ∇log p: A_rev S = −D.
        double[] rs = mul(rev, cov), is = mul(irr, cov);
        for (int i = 0; i < 9; i++) assertThat(rs[i]).isCloseTo(-dm[i], within(1e-12));
        // ∇·(A_irr z p) = p (tr A_irr − zᵀ S⁻¹ A_irr z) = 0 ⇔ A_irr S antisymmetric (then tr A_irr = 0 too).
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) assertThat(is[i * 3 + j]).isCloseTo(-is[j * 3 + i], within(1e-12));
        assertThat(irr[0] + irr[4] + irr[8]).isCloseTo(0.0, within(1e-12));
    }

    static double[] mul(double[] a, double[] b) {
        double[] c = new double[9];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                for (int k = 0; k < 3; k++) c[i * 3 + j] += a[i * 3 + k] * b[k * 3 + j];
        return c;
    }
}
