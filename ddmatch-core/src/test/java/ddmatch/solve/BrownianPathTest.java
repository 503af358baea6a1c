package ddmatch.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BrownianPathTest {

    @Test
    void coarseIncrementsAreSumsOfFineOnesAndTheTimeIntegralAggregatesExactly() {
        double h = 0.01;
        BrownianPath path = new BrownianPath(2, 0.0, h, 5);
        int fine = 64;
        double[] w = new double[2], z = new double[2];
        double[][] fw = new double[fine][2], fz = new double[fine][2];
        for (int j = 0; j < fine; j++) {
            path.increment(j * h, (j + 1) * h, w, z);
            fw[j] = w.clone();
            fz[j] = z.clone();
        }
        // Replay at step 8h: ΔW is the sum; ΔZ = ∫(W(s) − W(a)) ds, which for a path linear within each fine step
        // would be Σ_j (Z_j + h·(W(t_j) − W(a))): the aggregation rule, checked against an independent summation.
        path.reset();
        int k = 8;
        for (int c = 0; c < fine / k; c++) {
            path.increment(c * k * h, (c + 1) * k * h, w, z);
            for (int comp = 0; comp < 2; comp++) {
                double sumW = 0, sumZ = 0, wSoFar = 0;
                for (int j = c * k; j < (c + 1) * k; j++) {
                    sumZ += fz[j][comp] + h * wSoFar;
                    wSoFar += fw[j][comp];
                    sumW += fw[j][comp];
                }
                assertThat(w[comp]).isCloseTo(sumW, within(1e-14));
                assertThat(z[comp]).isCloseTo(sumZ, within(1e-15));
            }
        }
    }

    @Test
    void replayThroughEitherMethodGivesTheSameIncrements() {
        BrownianPath a = new BrownianPath(3, 1.0, 0.001, 9);
        BrownianPath b = new BrownianPath(3, 1.0, 0.001, 9);
        double[] x = new double[3], y = new double[3], z = new double[3];
        for (int j = 0; j < 50; j++) {
            a.increment(1.0 + j * 0.004, 1.0 + (j + 1) * 0.004, x);
            b.increment(1.0 + j * 0.004, 1.0 + (j + 1) * 0.004, y, z);
            assertThat(x).containsExactly(y);
        }
    }

    /**
     * Over a coarse step H made of fine steps, (ΔW, ΔZ) must have the exact joint law: Var ΔW = H, Var ΔZ = H³/3,
     * Cov(ΔW, ΔZ) = H²/2 (Kloeden &amp; Platen 1992 §5.8). Checked on 40 000 coarse steps, each of 16 fine ones, to within
     * five standard errors of the sample moments.
     */
    @Test
    void coarseIncrementsHaveTheJointLawOfWAndItsTimeIntegral() {
        double h = 0.05;
        int k = 16;
        double big = k * h;
        int n = 40_000;
        BrownianPath path = new BrownianPath(1, 0.0, h, 77);
        double[] w = new double[1], z = new double[1];
        double sww = 0, szz = 0, swz = 0;
        for (int c = 0; c < n; c++) {
            path.increment(c * big, (c + 1) * big, w, z);
            sww += w[0] * w[0];
            szz += z[0] * z[0];
            swz += w[0] * z[0];
        }
        double varW = big, varZ = big * big * big / 3, cov = big * big / 2;
        // Standard errors of Gaussian second moments: Var(X²) = 2σ⁴, Var(XY) = σ_x²σ_y² + c².
        assertThat(sww / n).isCloseTo(varW, within(5 * Math.sqrt(2.0 / n) * varW));
        assertThat(szz / n).isCloseTo(varZ, within(5 * Math.sqrt(2.0 / n) * varZ));
        assertThat(swz / n).isCloseTo(cov, within(5 * Math.sqrt((varW * varZ + cov * cov) / n)));
    }

    @Test
    void gaussianIncrementsGiveTheSameJointLaw() {
        GaussianIncrements g = new GaussianIncrements(1, 3);
        double big = 0.3;
        int n = 40_000;
        double[] w = new double[1], z = new double[1];
        double swz = 0, szz = 0;
        for (int c = 0; c < n; c++) {
            g.increment(c * big, (c + 1) * big, w, z);
            szz += z[0] * z[0];
            swz += w[0] * z[0];
        }
        double varZ = big * big * big / 3, cov = big * big / 2;
        assertThat(szz / n).isCloseTo(varZ, within(5 * Math.sqrt(2.0 / n) * varZ));
        assertThat(swz / n).isCloseTo(cov, within(5 * Math.sqrt((big * varZ + cov * cov) / n)));
    }

    @Test
    void intervalsOffTheGridOrOutOfOrderAreRefused() {
        BrownianPath path = new BrownianPath(1, 0.0, 0.1, 1);
        double[] w = new double[1];
        assertThatThrownBy(() -> path.increment(0.0, 0.15, w)).isInstanceOf(IllegalArgumentException.class);
        path.increment(0.0, 0.2, w);
        assertThatThrownBy(() -> path.increment(0.3, 0.4, w)).isInstanceOf(IllegalStateException.class);
    }
}
