package ddmatch.analysis;

import ddmatch.sde.RotatingOrnsteinUhlenbeck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EntropyProductionTest {

    // --- small independent 3 × 3 linear algebra (row-major) -------------------------------------------------------

    private static double[] mul(double[] a, double[] b, int d) {
        double[] c = new double[d * d];
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
                for (int k = 0; k < d; k++) c[i * d + j] += a[i * d + k] * b[k * d + j];
        return c;
    }

    private static double[] transpose(double[] a, int d) {
        double[] t = new double[d * d];
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++) t[j * d + i] = a[i * d + j];
        return t;
    }

    private static double[] inverse3(double[] m) {
        double a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5], g = m[6], h = m[7], i = m[8];
        double det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
        return new double[] {
            (e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det,
            (f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det,
            (d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det};
    }

    private static double trace(double[] a, int d) {
        double t = 0;
        for (int i = 0; i < d; i++) t += a[i * d + i];
        return t;
    }

    // --- exact linear EPR ------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"0,0.5", "0,1", "0,2", "1,0.5", "1,1", "1,2", "3,0.5", "3,1", "3,2"})
    void rotatingOuHasEprThetaSquared(double theta, double eps) {
        RotatingOrnsteinUhlenbeck ou = new RotatingOrnsteinUhlenbeck(theta, eps);
        double[] b = ou.driftMatrix(), dm = ou.diffusionMatrix();
        assertThat(EntropyProduction.linear(b, dm, 2)).isCloseTo(theta * theta, within(1e-10));
        assertThat(EntropyProduction.lyapunovSolve(b, dm, 2))
                .containsExactly(new double[] {eps / 2, 0, 0, eps / 2}, within(1e-12));
        double[] q = EntropyProduction.circulationMatrix(b, dm, 2);
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++) assertThat(q[i * 2 + j] + q[j * 2 + i]).isCloseTo(0.0, within(1e-12));
        assertThat(q[2]).isCloseTo(eps * theta / 2, within(1e-12));
    }

    @Test
    void randomStable3dAgreesWithTraceFormula() {
        SplittableRandom rng = new SplittableRandom(7);
        int d = 3;
        for (int trial = 0; trial < 20; trial++) {
            double[] m = new double[9];
            for (int i = 0; i < 9; i++) m[i] = 2 * rng.nextDouble() - 1;
            double shift = 0;   // Gershgorin: B = −M + (max row sum + 0.2) I has eigenvalues with Re > 0
            for (int i = 0; i < 3; i++) shift = Math.max(shift, Math.abs(m[3 * i]) + Math.abs(m[3 * i + 1]) + Math.abs(m[3 * i + 2]));
            double[] b = new double[9];
            for (int i = 0; i < 9; i++) b[i] = -m[i];
            for (int i = 0; i < 3; i++) b[4 * i] += shift + 0.2;
            double[] l = new double[9];
            for (int i = 0; i < 9; i++) l[i] = 2 * rng.nextDouble() - 1;
            double[] dm = mul(l, transpose(l, d), d);
            for (int i = 0; i < 3; i++) dm[4 * i] += 0.1;

            double[] s = EntropyProduction.lyapunovSolve(b, dm, d);
            double[] residual = mul(b, s, d);
            double[] sbt = mul(s, transpose(b, d), d);
            for (int i = 0; i < 9; i++) assertThat(residual[i] + sbt[i] - 2 * dm[i]).isCloseTo(0.0, within(1e-10));

            double[] q = EntropyProduction.circulationMatrix(b, dm, d);
            for (int i = 0; i < 3; i++)
                for (int j = 0; j < 3; j++) assertThat(q[3 * i + j] + q[3 * j + i]).isCloseTo(0.0, within(1e-10));
            double independent = trace(mul(inverse3(s), mul(transpose(q, d), mul(inverse3(dm), q, d), d), d), d);
            double phi = EntropyProduction.linear(b, dm, d);
            assertThat(phi).isGreaterThanOrEqualTo(0.0).isCloseTo(independent, within(1e-9 * (1 + independent)));
        }
    }

    @Test
    void rejectsUnstableOrIndefiniteInput() {
        double[] eye = {1, 0, 0, 1};
        assertThatThrownBy(() -> EntropyProduction.linear(new double[] {-1, 0, 0, 1}, eye, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'b'")
                .hasMessageContaining("positive real part");
        assertThatThrownBy(() -> EntropyProduction.linear(eye, new double[] {1, 0, 0, -1}, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'dmat'");
        assertThatThrownBy(() -> EntropyProduction.linear(eye, new double[] {1, 0.5, 0, 1}, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("symmetric");
        assertThatThrownBy(() -> EntropyProduction.lyapunovSolve(new double[] {1, 0, 0, -1}, eye, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("singular");
        assertThatThrownBy(() -> EntropyProduction.lyapunovSolve(eye, eye, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'b'").hasMessageContaining("length 4");
    }

    // --- estimate from a trajectory --------------------------------------------------------------------------------

    private static EntropyProduction.LinearEstimate simulateAndEstimate(double theta, double duration, long seed) {
        RotatingOrnsteinUhlenbeck ou = new RotatingOrnsteinUhlenbeck(theta, 1.0);
        double dt = 0.01, g = Math.sqrt(2.0);
        int n = (int) Math.round(duration / dt);
        double[] z = new SeededGaussian(seed).linearSde(ou.driftMatrix(), new double[] {g, 0, 0, g}, 2, dt, n, 500);
        return EntropyProduction.fromTrajectory(z, 2, dt);
    }

    /**
     * Φ̂ within ±10% of θ². The trajectory is T = 2·10⁴ time units long, not 2000: at T = 2000 the seed-to-seed
     * standard deviation of Φ̂ is about 7.7% for θ = 1 and 3.1% for θ = 3 (measured over 20 seeds), so a ±10% band
     * would fail for a sizeable fraction of seeds; at T = 2·10⁴ it is about 3.2× narrower. The Euler–Maruyama bias of
     * Ŝ predicts Φ̂/θ² → 4/(4 − 0.01(4 + θ²)): +1.3% (θ = 1), +3.4% (θ = 3).
     */
    @ParameterizedTest
    @ValueSource(doubles = {1.0, 3.0})
    void trajectoryEstimateMatchesThetaSquared(double theta) {
        EntropyProduction.LinearEstimate e = simulateAndEstimate(theta, 2.0e4, 1000 + (long) theta);
        assertThat(e.phi()).isCloseTo(theta * theta, within(0.10 * theta * theta));
        assertThat(e.b()).containsExactly(new double[] {2, -theta, theta, 2}, within(0.06));
        assertThat(e.dmat()).containsExactly(new double[] {1, 0, 0, 1}, within(0.02));
        assertThat(e.q()[1] + e.q()[2]).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void trajectoryEstimateIsNearZeroAtEquilibrium() {
        EntropyProduction.LinearEstimate e = simulateAndEstimate(0.0, 2000, 999);
        assertThat(e.phi()).isBetween(0.0, 0.05);
    }

    @Test
    void trajectoryEstimateRejectsBadInput() {
        assertThatThrownBy(() -> EntropyProduction.fromTrajectory(new double[8], 2, 0.01))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'z'").hasMessageContaining("at least 5");
        assertThatThrownBy(() -> EntropyProduction.fromTrajectory(new double[20], 2, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'dt' = -1.0");
        assertThatThrownBy(() -> EntropyProduction.fromTrajectory(new double[20], 2, 0.01))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'z'")
                .hasMessageContaining("positive definite");
    }

    // --- coarse-grained estimate -----------------------------------------------------------------------------------

    private static int[] simulateChain(double[][] p, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] s = new int[n];
        int x = 0;
        for (int t = 0; t < n; t++) {
            s[t] = x;
            double u = rng.nextDouble(), c = 0;
            int next = p.length - 1;
            for (int j = 0; j < p.length; j++) {
                c += p[x][j];
                if (u < c) { next = j; break; }
            }
            x = next;
        }
        return s;
    }

    private static double exactRate(double[][] p, double dt) {
        int k = p.length;
        double[] pi = new double[k];
        java.util.Arrays.fill(pi, 1.0 / k);
        for (int it = 0; it < 10_000; it++) {
            double[] nx = new double[k];
            for (int i = 0; i < k; i++)
                for (int j = 0; j < k; j++) nx[j] += pi[i] * p[i][j];
            pi = nx;
        }
        double sum = 0;
        for (int i = 0; i < k; i++)
            for (int j = 0; j < k; j++)
                if (i != j) sum += pi[i] * p[i][j] * Math.log(pi[i] * p[i][j] / (pi[j] * p[j][i]));
        return sum / dt;
    }

    @Test
    void coarseGrainedMatchesExactMarkovChainRate() {
        double[][] p = {{0.5, 0.3, 0.2}, {0.1, 0.6, 0.3}, {0.4, 0.1, 0.5}};
        double dt = 0.5;
        double exact = exactRate(p, dt);
        assertThat(exact).isGreaterThan(0.1);
        double est = EntropyProduction.coarseGrained(simulateChain(p, 1_000_000, 11), 3, dt);
        assertThat(est).isCloseTo(exact, within(0.05 * exact));
    }

    @Test
    void coarseGrainedIsNearZeroUnderDetailedBalanceAndDropsOneWayPairs() {
        double[][] sym = {{0.5, 0.3, 0.2}, {0.3, 0.4, 0.3}, {0.2, 0.3, 0.5}};
        assertThat(EntropyProduction.coarseGrained(simulateChain(sym, 1_000_000, 12), 3, 1.0)).isLessThan(1e-4);
        assertThat(EntropyProduction.coarseGrained(new int[] {0, 1, 2, 0, 1, 2, 0}, 3, 1.0)).isZero();
        assertThatThrownBy(() -> EntropyProduction.coarseGrained(new int[] {0, 3}, 3, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'states' has 3 at index 1");
    }
}
