package ddmatch.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ddmatch.analysis.ResidenceTimes;
import ddmatch.rnn.DenseRateNetwork;
import ddmatch.sde.DoubleWell;
import ddmatch.solve.GaussianIncrements;
import ddmatch.solve.Integrator;
import ddmatch.solve.Observable;
import ddmatch.solve.ProgressListener;
import ddmatch.solve.SaveAt;
import ddmatch.solve.Trajectory;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.junit.jupiter.api.Test;

/**
 * The sparse matcher: its per-row ridge against an independent least-squares solve, its mask against the binomial law,
 * the weight bound against the unbounded fit, and a trained network — simulated in full — against the double well.
 */
class SparseMatcherTest {
    static final DoubleWell WELL = new DoubleWell(0.7);

    /** Largest manifold distance {@code ‖(I − UP)(x − b)‖/√N} and the readout along a run from the target's start. */
    record Run(double maxDistance, double[] readout) {}

    static Run simulate(DenseRateNetwork net, double time, long seed) {
        double dt = net.defaultTimeStep();
        long steps = Math.round(time / dt);
        double[] values = new double[(int) steps];
        double[] max = {0};
        int[] cursor = {0};
        double[] z = new double[1];
        new Integrator(Sampler.schemeFor(net)).run(net, net.stateFor(WELL.initialState()), 0, dt, steps,
                new GaussianIncrements(net.noiseDimension(), seed), new SaveAt(1, false), (t, x) -> {
                    net.readout(x, z);
                    values[cursor[0]++] = z[0];
                    double v = net.manifoldDistance(x);
                    max[0] = v <= max[0] ? max[0] : v;   // NaN propagates
                });
        return new Run(max[0], values);
    }

    /** Mean residence time of the double well itself over {@code time} (thresholds ±0.5). */
    static double targetResidence(double time) {
        double dt = WELL.defaultTimeStep();
        Trajectory zt = new Integrator(Sampler.schemeFor(WELL)).solve(WELL, WELL.initialState(), 0, dt, Math.round(time / dt),
                new GaussianIncrements(1, 31), SaveAt.everyStep(), Observable.identity(1));
        return ResidenceTimes.of(zt.values(), dt, -0.5, 0.5).mean();
    }

    /**
     * Row i of the masked ridge solution by an independent method: QR least squares on the augmented system
     * {@code [Φ_S; √λ I] y = [T_i; 0]} (never forming the Gram matrix).
     */
    static double[] rowByQr(DMatrixRMaj phi, DMatrixRMaj t, boolean[] mask, int n, int i, double lambda) {
        int m = phi.numRows;
        int s = 0;
        int[] cols = new int[n];
        for (int k = 0; k < n; k++) if (mask[i * n + k]) cols[s++] = k;
        DMatrixRMaj a = new DMatrixRMaj(m + s, s);
        DMatrixRMaj rhs = new DMatrixRMaj(m + s, 1);
        for (int r = 0; r < m; r++) {
            for (int p = 0; p < s; p++) a.set(r, p, phi.get(r, cols[p]));
            rhs.set(r, 0, t.get(r, i));
        }
        for (int p = 0; p < s; p++) a.set(m + p, p, Math.sqrt(lambda));
        LinearSolverDense<DMatrixRMaj> qr = LinearSolverFactory_DDRM.leastSquares(m + s, s);
        assertThat(qr.setA(a)).isTrue();
        DMatrixRMaj y = new DMatrixRMaj(s, 1);
        qr.solve(rhs, y);
        double[] row = new double[n];
        for (int p = 0; p < s; p++) row[cols[p]] = y.get(p, 0);
        return row;
    }

    @Test
    void perRowCholeskyEqualsIndependentQrLeastSquaresWhateverTheThreadCount() {
        int n = 40, m = 150;
        SplittableRandom rnd = new SplittableRandom(3);
        DMatrixRMaj phi = new DMatrixRMaj(m, n);
        DMatrixRMaj t = new DMatrixRMaj(m, n);
        for (int i = 0; i < phi.data.length; i++) phi.data[i] = Math.tanh(rnd.nextGaussian());
        for (int i = 0; i < t.data.length; i++) t.data[i] = rnd.nextGaussian();
        DMatrixRMaj g = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransA(phi, phi, g);
        DMatrixRMaj c = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransA(t, phi, c);
        boolean[] mask = SparseMatcher.mask(n, 0.4, 17);
        double lambda = 0.3;
        double[] j1 = SparseMatcher.rowRidge(g.data, c.data, mask, n, lambda, 1);
        double[] j3 = SparseMatcher.rowRidge(g.data, c.data, mask, n, lambda, 3);
        assertThat(j3).containsExactly(j1);
        for (int i = 0; i < n; i++) {
            double[] ref = rowByQr(phi, t, mask, n, i, lambda);
            for (int k = 0; k < n; k++) {
                if (!mask[i * n + k]) {
                    assertThat(j1[i * n + k]).isEqualTo(0.0);
                } else {
                    assertThat(j1[i * n + k]).as("J[%d][%d]", i, k).isCloseTo(ref[k], within(1e-10 * (1 + Math.abs(ref[k]))));
                }
            }
        }
    }

    @Test
    void theMaskHasBinomialDensityAndIsReproducible() {
        int n = 300;
        for (double p : new double[] {0.5, 0.1}) {
            boolean[] mask = SparseMatcher.mask(n, p, 99);
            int allowed = 0;
            for (boolean b : mask) if (b) allowed++;
            // Binomial(N², p): within 4 standard deviations √(p(1 − p))/N of p.
            assertThat(allowed / (double) (n * n)).isCloseTo(p, within(4 * Math.sqrt(p * (1 - p)) / n));
            assertThat(java.util.Arrays.equals(SparseMatcher.mask(n, p, 99), mask)).isTrue();
        }
        boolean[] full = SparseMatcher.mask(n, 1.0, 99);
        for (boolean b : full) assertThat(b).isTrue();
    }

    @Test
    void halfDenseDoubleWellHoldsTheManifoldAndMatchesResidenceTimes() {
        MatchConfig cfg = MatchConfig.defaults(200, 1)
                .withSampling(SamplingConfig.defaults().withBoxFraction(0.2).withSamples(3000));
        SparseMatcher.Result r = SparseMatcher.train(WELL, cfg, SparseConfig.of(0.5), ProgressListener.NONE);
        double[] j = r.network().connectivity();
        boolean[] mask = SparseMatcher.mask(200, 0.5, r.maskSeed());
        int allowed = 0;
        for (int i = 0; i < j.length; i++) {
            if (mask[i]) allowed++;
            else assertThat(j[i]).isEqualTo(0.0);
        }
        assertThat(r.density()).isEqualTo(allowed / 40000.0);
        assertThat(r.lossCurve()).isEmpty();
        // Measured: training drift error 4.9e-3, manifold distance 1.7e-2 over 3000 time units, residence −3.7%.
        assertThat(r.trainingError()).isLessThan(0.02);
        Run run = simulate(r.network(), 2500, 37);
        double network = ResidenceTimes.of(run.readout(), WELL.defaultTimeStep(), -0.5, 0.5).mean();
        double reference = targetResidence(2.0e4);
        assertThat(run.maxDistance()).isLessThanOrEqualTo(0.1);
        assertThat(network).isCloseTo(reference, within(0.15 * reference));
    }

    static final MatchConfig SMALL = MatchConfig.defaults(60, 3).withSampling(SamplingConfig.defaults().withSamples(800));

    @Test
    void aMaskDrawnOnceGivesTheSameFitBitForBitAndAMaskOfAnotherConfigurationIsRefused() {
        SparseConfig sc = SparseConfig.of(0.4).withWeightBound(0.3).withIterations(30);
        SparseMatcher.Mask mask = SparseMatcher.maskFor(SMALL, sc);
        // the mask is the seeded draw of mask(N, p, seed): same entries, same fewest columns per row
        boolean[] raw = SparseMatcher.mask(60, 0.4, SparseMatcher.maskSeed(SMALL.seed()));
        int allowed = 0;
        for (int i = 0; i < 60; i++) {
            for (int k = 0; k < 60; k++) {
                assertThat(mask.allowed(i, k)).isEqualTo(raw[i * 60 + k]);
                if (raw[i * 60 + k]) allowed++;
            }
        }
        assertThat(mask.minimumRowColumns()).isEqualTo(SparseMatcher.minimumRowColumns(raw, 60));
        assertThat(mask.density()).isEqualTo(allowed / 3600.0);
        SparseMatcher.Result drawnInside = SparseMatcher.train(WELL, SMALL, sc, ProgressListener.NONE);
        SparseMatcher.Result passedIn = SparseMatcher.train(WELL, SMALL, sc, mask, ProgressListener.NONE);
        assertThat(passedIn.network().connectivity()).containsExactly(drawnInside.network().connectivity());
        assertThat(passedIn.lossCurve()).containsExactly(drawnInside.lossCurve());
        assertThat(passedIn.density()).isEqualTo(drawnInside.density()).isEqualTo(mask.density());
        assertThat(passedIn.maskSeed()).isEqualTo(drawnInside.maskSeed()).isEqualTo(mask.seed());
        assertThat(passedIn.minimumRowColumns()).isEqualTo(drawnInside.minimumRowColumns());
        SparseMatcher.Mask otherSeed = SparseMatcher.Mask.draw(60, 0.4, mask.seed() + 1);
        SparseMatcher.Mask otherP = SparseMatcher.Mask.draw(60, 0.5, mask.seed());
        SparseMatcher.Mask otherN = SparseMatcher.Mask.draw(61, 0.4, mask.seed());
        for (SparseMatcher.Mask wrong : new SparseMatcher.Mask[] {otherSeed, otherP, otherN}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> SparseMatcher.train(WELL, SMALL, sc, wrong, ProgressListener.NONE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maskFor");
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SparseMatcher.Mask.draw(60, 0.0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBoundAboveTheLargestUnboundedWeightLeavesTheClosedFormFitUnchanged() {
        SparseMatcher.Result free = SparseMatcher.train(WELL, SMALL, SparseConfig.of(0.5), ProgressListener.NONE);
        double b = 1.01 * free.unboundedMaxWeight();
        SparseMatcher.Result bounded = SparseMatcher.train(WELL, SMALL, SparseConfig.of(0.5).withWeightBound(b)
                .withIterations(200), ProgressListener.NONE);
        // The closed form is the constrained minimiser when it is feasible: FISTA, warm-started there, stays there
        // (to rounding in its gradient steps), and its loss is the unbounded loss.
        double[] a = free.network().connectivity();
        double[] c = bounded.network().connectivity();
        for (int i = 0; i < a.length; i++) {
            assertThat(c[i]).as("J[%d]", i).isCloseTo(a[i], within(1e-9 * b));
        }
        double[] loss = bounded.lossCurve();
        assertThat(loss).hasSize(200);
        assertThat(loss[loss.length - 1]).isCloseTo(free.unboundedLoss(), within(1e-9 * Math.abs(free.unboundedLoss()) + 1e-9));
    }

    @Test
    void aBindingBoundIsObeyedExactlyAndCostsLossAboveTheUnboundedMinimum() {
        SparseMatcher.Result free = SparseMatcher.train(WELL, SMALL, SparseConfig.of(0.5), ProgressListener.NONE);
        double b = 0.2 * free.unboundedMaxWeight();
        SparseMatcher.Result r = SparseMatcher.train(WELL, SMALL, SparseConfig.of(0.5).withWeightBound(b).withIterations(300),
                ProgressListener.NONE);
        double[] j = r.network().connectivity();
        boolean[] mask = SparseMatcher.mask(60, 0.5, r.maskSeed());
        int atBound = 0;
        for (int i = 0; i < j.length; i++) {
            assertThat(Math.abs(j[i])).as("|J[%d]|", i).isLessThanOrEqualTo(b);
            if (!mask[i]) assertThat(j[i]).isEqualTo(0.0);
            if (Math.abs(j[i]) == b) atBound++;
        }
        assertThat(atBound).isPositive();
        double[] loss = r.lossCurve();
        // The unbounded minimum lies outside the box, so every feasible point costs more; the warm-started
        // iterations lower the loss of the clamped start.
        assertThat(loss[loss.length - 1]).isGreaterThan(free.unboundedLoss()).isLessThanOrEqualTo(loss[0]);
    }
}
