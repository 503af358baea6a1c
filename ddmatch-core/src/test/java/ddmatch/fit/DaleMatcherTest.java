package ddmatch.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ddmatch.analysis.EntropyProduction;
import ddmatch.analysis.ResidenceTimes;
import ddmatch.rnn.RateNetwork;
import ddmatch.sde.DoubleWell;
import ddmatch.sde.RotatingOrnsteinUhlenbeck;
import ddmatch.sde.Sde;
import ddmatch.solve.GaussianIncrements;
import ddmatch.solve.Integrator;
import ddmatch.solve.Observable;
import ddmatch.solve.ProgressListener;
import ddmatch.solve.SaveAt;
import ddmatch.solve.Trajectory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The low-rank Dale matcher: the cone projection against Moreau's decomposition, the tight frame against its
 * definition, and trained networks — simulated in full, all N units — against their targets: every column of J
 * sign-exact with 80% excitatory units, the state on the invariant set {@code x = U z̃ + z₀ 1 + b} (distance ≤ 0.1;
 * measured ~1e-14, the transverse decay is exact) with the population mean z₀ near its set point 0, the double well's
 * residence times and the rotating OU's entropy production θ².
 */
class DaleMatcherTest {

    /** A simulated Dale network: its readout and the largest manifold distance and |population mean| along the run. */
    record Run(double[] readout, double maxDistance, double maxPopulationMean, double maxTargetDistance) {}

    static Run simulate(RateNetwork net, Sde target, double time, long seed) {
        int d = net.latentDimension();
        double dt = net.defaultTimeStep();
        long steps = Math.round(time / dt);
        double[] values = new double[(int) steps * d];
        double[] row = new double[d];
        int[] cursor = {0};
        double[] max = {0, 0, 0};
        int n = net.neurons();
        double[] u = net.embedding().u();
        double[] b = net.embedding().tonic();
        double[] zt = new double[d];
        new Integrator(Sampler.schemeFor(net)).run(net, net.stateFor(target.initialState()), 0, dt, steps,
                new GaussianIncrements(net.noiseDimension(), seed), new SaveAt(1, false), (t, x) -> {
                    net.readout(x, row);
                    System.arraycopy(row, 0, values, cursor[0], d);
                    cursor[0] += d;
                    max[0] = Math.max(max[0], net.manifoldDistance(x));
                    max[1] = Math.max(max[1], Math.abs(net.populationMean(x)));
                    // Distance from the target's manifold x = U z̃ + b (z₀ = 0): ‖(I − U Uᵀ/N)(x − b)‖/√N, computed
                    // here from U and b, independently of RateNetwork.manifoldDistance.
                    java.util.Arrays.fill(zt, 0.0);
                    for (int j = 0; j < n; j++) {
                        for (int k = 0; k < d; k++) zt[k] += u[j * d + k] * (x[j] - b[j]) / n;
                    }
                    double sum = 0;
                    for (int j = 0; j < n; j++) {
                        double e = x[j] - b[j];
                        for (int k = 0; k < d; k++) e -= u[j * d + k] * zt[k];
                        sum += e * e;
                    }
                    max[2] = Math.max(max[2], Math.sqrt(sum / n));
                });
        return new Run(values, max[0], max[1], max[2]);
    }

    /** max over {@code angles} equally spaced angles of |w₀ᵀφ(U z̃ + b)| on the circle |z̃| = radius (d = 2). */
    static double ringResidual(RateNetwork net, double radius, int angles) {
        int n = net.neurons();
        double[] u = net.embedding().u();
        double[] b = net.embedding().tonic();
        double[] w0 = net.populationWeights();
        double max = 0;
        for (int k = 0; k < angles; k++) {
            double z1 = radius * Math.cos(2 * Math.PI * k / angles), z2 = radius * Math.sin(2 * Math.PI * k / angles);
            double h = 0;
            for (int j = 0; j < n; j++) h += w0[j] * net.activation().value(u[2 * j] * z1 + u[2 * j + 1] * z2 + b[j]);
            max = Math.max(max, Math.abs(h));
        }
        return max;
    }

    /** J = U W + 1 w₀ᵀ entry by entry: the number of entries whose sign contradicts their column's type. */
    static int signViolations(RateNetwork net, int excitatory) {
        int n = net.neurons(), d = net.latentDimension();
        double[] u = net.embedding().u();
        double[] w = net.readInWeights();
        double[] w0 = net.populationWeights();
        int bad = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = w0[j];
                for (int k = 0; k < d; k++) v += u[i * d + k] * w[k * n + j];
                if (j < excitatory ? v < 0 : v > 0) {
                    bad++;
                }
            }
        }
        return bad;
    }

    @Test
    void coneProjectionSatisfiesMoreausDecomposition() {
        // P_K(x) = p is the projection onto K = {t ≥ κ‖v‖} iff p ∈ K, x − p ∈ K° = {κ t ≤ −‖v‖}, ⟨p, x − p⟩ = 0.
        SplittableRandom rnd = new SplittableRandom(5);
        int n = 7, d = 3;
        for (int trial = 0; trial < 200; trial++) {
            double kappa = 0.5 + 3 * rnd.nextDouble();
            double sign = trial % 2 == 0 ? 1.0 : -1.0;
            double[] w = new double[(d + 1) * n];
            for (int i = 0; i < w.length; i++) w[i] = rnd.nextGaussian() * (1 + 4 * rnd.nextDouble());
            int j = trial % n;
            double[] x = w.clone();
            DaleMatcher.projectColumn(w, n, d, j, sign, kappa);
            double tp = sign * w[d * n + j], tr = sign * (x[d * n + j] - w[d * n + j]);
            double vp = 0, vr = 0, dot = tp * tr;
            for (int k = 0; k < d; k++) {
                double p = w[k * n + j], r = x[k * n + j] - p;
                vp += p * p;
                vr += r * r;
                dot += p * r;
            }
            assertThat(tp - kappa * Math.sqrt(vp)).isGreaterThanOrEqualTo(-1e-12 * (1 + Math.abs(tp)));
            assertThat(kappa * tr + Math.sqrt(vr)).isLessThanOrEqualTo(1e-12 * (1 + Math.abs(tr) + Math.sqrt(vr)) * kappa);
            assertThat(dot).isCloseTo(0.0, within(1e-10));
            for (int c = 0; c < n; c++) {
                if (c != j) {
                    for (int k = 0; k <= d; k++) assertThat(w[k * n + c]).isEqualTo(x[k * n + c]);
                }
            }
        }
    }

    @Test
    void thinnedLossCurveIsTheFullCurveAtEveryKthIterationAndTheLast() {
        // The loss is computed only where it is recorded; the iterates do not depend on it, so the thinned curve must
        // be the full one (every = 1) sampled at iterations k, 2k, … and the last, bit for bit.
        SplittableRandom rnd = new SplittableRandom(9);
        int n = 12, d = 2, m = 40;
        org.ejml.data.DMatrixRMaj f = new org.ejml.data.DMatrixRMaj(m, n);
        org.ejml.data.DMatrixRMaj f0 = new org.ejml.data.DMatrixRMaj(m, n);
        for (int i = 0; i < m * n; i++) {
            f.data[i] = Math.tanh(rnd.nextGaussian());
            f0.data[i] = Math.tanh(rnd.nextGaussian());
        }
        org.ejml.data.DMatrixRMaj g = new org.ejml.data.DMatrixRMaj(n, n);
        org.ejml.data.DMatrixRMaj g0 = new org.ejml.data.DMatrixRMaj(n, n);
        org.ejml.dense.row.CommonOps_DDRM.multTransA(f, f, g);
        org.ejml.dense.row.CommonOps_DDRM.multTransA(f0, f0, g0);
        org.ejml.data.DMatrixRMaj c = new org.ejml.data.DMatrixRMaj(d + 1, n);
        for (int i = 0; i < c.data.length; i++) c.data[i] = rnd.nextGaussian();
        int cap = 137;
        DaleMatcher.Admm full = DaleMatcher.admm(g, g0, c, 10.0, 1e-3, d, 1.5, 9, cap, 1, 0, 0);
        DaleMatcher.Admm thin = DaleMatcher.admm(g, g0, c, 10.0, 1e-3, d, 1.5, 9, cap, 10, 0, 0);
        assertThat(full.iterations()).isEqualTo(cap);
        assertThat(full.lossCurve()).hasSize(cap);
        assertThat(thin.connectivity()).containsExactly(full.connectivity());
        double[] expected = new double[14];
        for (int i = 0; i < 13; i++) expected[i] = full.lossCurve()[10 * i + 9];
        expected[13] = full.lossCurve()[cap - 1];
        assertThat(thin.lossCurve()).containsExactly(expected);
        assertThat(DaleMatcher.lossStride(5000)).isEqualTo(25);
        assertThat(DaleMatcher.lossStride(2000)).isEqualTo(10);
        assertThat(DaleMatcher.lossStride(150)).isEqualTo(1);
    }

    /** dz = −k z dt + g dW in one dimension (k &lt; 0: expanding). */
    static Sde linear(double k, double g) {
        return new Sde() {
            @Override public int dimension() { return 1; }

            @Override public int noiseDimension() { return g == 0 ? 0 : 1; }

            @Override public void drift(double t, double[] z, double[] out) { out[0] = -k * z[0]; }

            @Override public void diffusion(double t, double[] z, double[] out) { out[0] = g; }

            @Override public String name() { return "linear"; }

            @Override public ddmatch.sde.NoiseType noiseType() {
                return g == 0 ? ddmatch.sde.NoiseType.NONE : ddmatch.sde.NoiseType.ADDITIVE;
            }

            @Override public double[] initialState() { return new double[] {0}; }

            @Override public double defaultTimeStep() { return 0.01; }
        };
    }

    @Test
    void automaticBalanceJitterIsTheStationarySpreadOfTheLinearisedTarget() {
        // For dz = −k z dt + g dW the stationary variance is g²/(2k) (Ornstein–Uhlenbeck); in units of a scale s the
        // spread is g/(s√(2k)), capped at 1; 0 without noise; 1 (the cap) for an expanding drift.
        double[] points = new double[200];
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < points.length; i++) points[i] = 3 * rnd.nextGaussian();
        ddmatch.rnn.Standardization st = new ddmatch.rnn.Standardization(new double[] {0.2}, new double[] {0.5});
        assertThat(DaleMatcher.noiseSpread(linear(3.0, 0.6), st, points, 200))
                .isCloseTo(0.6 / (0.5 * Math.sqrt(6.0)), within(1e-8));
        assertThat(DaleMatcher.noiseSpread(linear(3.0, 6.0), st, points, 200)).isEqualTo(1.0);
        assertThat(DaleMatcher.noiseSpread(linear(3.0, 0.0), st, points, 200)).isEqualTo(0.0);
        assertThat(DaleMatcher.noiseSpread(linear(-1.0, 0.1), st, points, 200)).isEqualTo(1.0);
        // Rotating OU, B = [[2, −θ], [θ, 2]], D = εI (G = √(2ε) I): var = ε/2 per axis whatever θ, so in units of
        // s = √(ε/2) the spread is exactly 1 (the rotation has zero divergence).
        RotatingOrnsteinUhlenbeck ou = new RotatingOrnsteinUhlenbeck(2.0, 0.3);
        double s = Math.sqrt(0.15);
        double[] p2 = java.util.Arrays.copyOf(points, 200);
        assertThat(DaleMatcher.noiseSpread(ou, new ddmatch.rnn.Standardization(new double[] {0, 0}, new double[] {s, s}),
                p2, 100)).isCloseTo(1.0, within(1e-8));
    }

    @Test
    void frameIsTightEqualNormAndOrthogonalToTheUniformDirection() {
        int n = 300, d = 3, q = d + 1;
        double[] u = DaleMatcher.tightFrameWithUniform(n, d, 11);
        for (int a = 0; a < q; a++) {
            for (int b = 0; b < q; b++) {
                double s = 0;
                for (int i = 0; i < n; i++) s += u[i * q + a] * u[i * q + b];
                assertThat(s / n).as("U₊ᵀU₊/N [%d][%d]", a, b).isCloseTo(a == b ? 1.0 : 0.0, within(1e-10));
            }
        }
        double min = Double.MAX_VALUE, max = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < d; k++) s += u[i * q + k] * u[i * q + k];
            min = Math.min(min, Math.sqrt(s));
            max = Math.max(max, Math.sqrt(s));
        }
        // Equal-norm tight frame: every row norm √d (Tropp et al. 2005); a Gaussian frame would spread ~0.3…4.
        assertThat(min).isCloseTo(Math.sqrt(d), within(1e-3));
        assertThat(max).isCloseTo(Math.sqrt(d), within(1e-3));
    }

    @Test
    void doubleWellDaleNetworkHoldsTheManifoldAndMatchesResidenceTimes() {
        DoubleWell target = new DoubleWell(0.7);
        MatchConfig cfg = MatchConfig.defaults(200, 1).withSampling(SamplingConfig.defaults().withBoxFraction(0.2));
        DaleMatcher.Settings s = DaleMatcher.Settings.of(0.8);
        DaleMatcher.Result r = DaleMatcher.train(target, cfg, s, ProgressListener.NONE);
        assertThat(s.excitatoryCount(200)).isEqualTo(160);
        assertThat(signViolations(r.network(), 160)).isZero();
        double[] loss = r.lossCurve();
        // Recorded after iterations 25, 50, … (k = ⌈5000 / 200⌉) and the last one done.
        assertThat(r.lossCurveEvery()).isEqualTo(25);
        assertThat(loss).hasSize((r.iterations() + 24) / 25);
        assertThat(r.lossIteration(loss.length - 1)).isEqualTo(r.iterations());
        String fit = String.format("loss %.4g → %.4g, training error %.3g, balance error %.3g", loss[0],
                loss[loss.length - 1], r.trainingError(), r.balanceError());
        assertThat(loss[loss.length - 1]).as(fit).isLessThan(loss[0] / 20);
        assertThat(r.trainingError()).as(fit).isLessThan(0.02);
        assertThat(r.balanceError()).as(fit).isLessThan(0.01);

        double time = 1.0e4;
        double dt = target.defaultTimeStep();
        Run run = simulate(r.network(), target, time, 37);
        Trajectory zt = new Integrator(Sampler.schemeFor(target)).solve(target, target.initialState(), 0, dt,
                Math.round(time / dt), new GaussianIncrements(1, 31), SaveAt.everyStep(), Observable.identity(1));
        double network = ResidenceTimes.of(run.readout(), dt, -0.5, 0.5).mean();
        double reference = ResidenceTimes.of(zt.values(), dt, -0.5, 0.5).mean();
        assertThat(run.maxDistance()).isLessThanOrEqualTo(0.1);
        // E/I balance holds the population mean at its set point (measured max |z₀| 0.003 with the automatic
        // σ_Z = 0.40; residence 9.98 vs 9.84).
        assertThat(run.maxPopulationMean()).isLessThanOrEqualTo(0.01);
        assertThat(run.maxTargetDistance()).isLessThanOrEqualTo(0.1);
        assertThat(network).isCloseTo(reference, within(0.15 * reference));
    }

    @Test
    void rotatingOuDaleNetworkHoldsTheManifoldAndProducesEntropyThetaSquared() {
        RotatingOrnsteinUhlenbeck target = new RotatingOrnsteinUhlenbeck(2.0, 1.0);
        DaleMatcher.Result r = DaleMatcher.train(target, MatchConfig.defaults(200, 1), DaleMatcher.Settings.of(0.8),
                ProgressListener.NONE);
        assertThat(signViolations(r.network(), 160)).isZero();
        // Boyd et al.'s stopping rule is met (measured: 4854 of at most 5000 iterations).
        assertThat(r.converged()).isTrue();
        assertThat(r.iterations()).isLessThan(r.settings().iterations());
        assertThat(r.lossCurve()).hasSize((r.iterations() + r.lossCurveEvery() - 1) / r.lossCurveEvery());
        // The mechanism: the balance residual on the target's manifold, h(z̃) = w₀ᵀφ(U z̃ + b), which z₀ follows
        // quasi-statically, stays small in the tails a long run visits: max over 64 angles at |z̃| = 3.5 (0.2% of the
        // samples lie beyond) measured 0.098 with the automatic σ_Z, 0.29 with σ_Z = 0.
        assertThat(r.balanceJitter()).isCloseTo(1.0, within(0.05));
        assertThat(ringResidual(r.network(), 3.5, 64)).isLessThanOrEqualTo(0.15);
        Run run = simulate(r.network(), target, 1.0e4, 41);
        double epr = EntropyProduction.fromTrajectory(run.readout(), 2, target.defaultTimeStep()).phi();
        assertThat(run.maxDistance()).isLessThanOrEqualTo(0.1);
        // Issue 5: distance from the target's manifold x = U z̃ + b (z₀ = 0) ≤ 0.1 along 1e4 time units. It is |z₀|, the
        // transverse part being exact. Measured 0.024 (EPR 3.78) with the balance samples' z̃ jittered by the target's
        // noise-driven spread (σ_Z = 0.99, automatic); 0.19 without (σ_Z = 0; EPR 3.85), the residual w₀ᵀφ growing in the
        // sampled trajectory's tails.
        assertThat(run.maxPopulationMean()).isLessThanOrEqualTo(0.1);
        assertThat(run.maxTargetDistance()).isCloseTo(run.maxPopulationMean(), within(1e-9)).isLessThanOrEqualTo(0.1);
        assertThat(epr).isCloseTo(4.0, within(0.15 * 4.0));
    }
}
