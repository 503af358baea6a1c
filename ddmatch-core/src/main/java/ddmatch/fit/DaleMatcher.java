package ddmatch.fit;

import ddmatch.rnn.Embedding;
import ddmatch.rnn.RateNetwork;
import ddmatch.sde.Sde;
import ddmatch.solve.ProgressListener;
import ddmatch.solve.StandardNormal;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Drift matching under Dale's law with an exactly low-rank connectivity {@code J = U₊ W₊}, so that the transverse
 * directions decay at rate 1/τ by construction and the simulated network holds its manifold.
 *
 * <p><b>Description.</b> The embedding is extended by one column, the uniform direction:
 * {@code U₊ = [U, 1]} (N × (d+1)), with U an equal-norm tight frame orthogonal to 1 (rows of norm √d, columns of norm
 * √N) and the tonic input b orthogonal to both. The network {@code τ dx = (−x + U₊ W₊ φ(x) + b) dt + τ U S dW'} keeps
 * the affine set {@code x = U z̃ + z₀ 1 + b} invariant and attracting at rate 1/τ; on it the readout z̃ follows the
 * target (the usual matching {@code W φ ≈ z̃ + τ f̃}) and the population mean z₀ obeys
 * {@code τ ż₀ = −z₀ + w₀ᵀφ}. The target of the extra row is {@code w₀ᵀφ ≈ −γ z₀} (set point 0, γ ≥ 0): z₀
 * relaxes to 0 at rate (1 + γ)/τ, i.e. the excitatory and inhibitory inputs to the mean mode cancel (E/I balance).
 * The readout rows are fitted on samples with z₀ jittered around 0 (σ₀, small), so that they learn to ignore z₀; the
 * balance row on samples with z₀ spread widely (σ_B), so that the balance holds far from the set point too —
 * otherwise the mean mode, 80% excitatory, can run away to the saturated state — and with z̃ jittered by the target's
 * noise-driven spread (σ_Z, {@link #noiseSpread}: 1 for the rotating OU, 0 without noise), so that it holds where a
 * long noisy run goes beyond the sampled trajectory. Without that jitter the residual {@code h(z̃) = w₀ᵀφ(U z̃ + b)}
 * grows in the sparsely sampled tails and z₀ follows it quasi-statically, {@code z₀ ≈ h/(1 − ∂h/∂z₀)} (measured on the rotating OU, N = 200, σ_Z = 0: max
 * over the angle of |h| 0.001 at |z̃| = 0, 0.07 at 2.5, 0.14 at 3, 0.29 at 3.5, while ∂h/∂z₀ averages between −0.02
 * and 0.04, so the feedback is not weak; the run's largest |z₀|, 0.19, came at |z̃| = 2.9, in the tail beyond which
 * 1.3% of the samples lie). The two row groups then have their own Gram matrices. The balance row is weighted
 * by ω in the loss. The network is returned as a {@link RateNetwork} with a population mode
 * ({@code J = U W + 1 w₀ᵀ}).
 *
 * <p><b>Dale's law as second-order cones.</b> Column j of J is {@code w_{j0} 1 + U w'_j}; its entries are
 * {@code w_{j0} + U_i·w'_j}. Since {@code |U_i·w'| ≤ κ‖w'‖} with {@code κ = max_i ‖U_i‖} (= √d for an exact tight
 * frame), the cone {@code s_j w_{j0} ≥ κ ‖w'_j‖} (s_j = +1 excitatory, −1 inhibitory) makes every entry of column j
 * carry the sign s_j: a sufficient (inner) condition with a closed-form Euclidean projection (onto a Lorentz cone of
 * half-aperture atan(1/κ)). The loss {@code Σ_n ‖W₊ φ_n − y_n‖² + λ‖W₊‖²} is minimised over the product of these
 * cones by ADMM (Boyd et al., Found. Trends Mach. Learn. 3, 1, 2011, §5.2; residual balancing §3.4.1;
 * over-relaxation §3.4.3) on the Gram matrices of the readout rows' and the balance row's features: one
 * eigendecomposition of each up front, then each iteration is two (d+1) × N × N products (the ridge step in the
 * eigenbases) and N cone projections; the stopping rule needs only the residuals, so the loss (a third product) is
 * computed only at the ≤ 200 iterations the loss curve records. The recorded loss is that of the feasible (projected)
 * iterate, in the units of the weighted problem.
 *
 * <p><b>Measured</b> (80% excitatory, seed 1, defaults, full network simulated; distance from the invariant set
 * ≤ 1e-14 throughout; max |z₀| is then the distance from the target's manifold {@code x = U z̃ + b}): double well
 * σ = 0.7, N = 200 (automatic σ_Z = 0.40): residence time 9.98 vs the target's 9.84, max |z₀| 0.003; rotating OU
 * θ = 2, N = 200 (σ_Z = 0.99): EPR 3.78 vs θ² = 4, max |z₀| 0.024 (0.19 with σ_Z = 0, which no setting of γ, ω,
 * σ_B or η fixed without losing drift accuracy or Lorenz, see the README); Lorenz, N = 1000 (σ_Z = 0, noiseless):
 * λmax 0.906 vs 0.906, D_stsp 1.8× the target's noise floor, max |z₀| 0.054 (5000 iterations, the cap). With
 * the balance samples as narrow as the readout's (σ_B = σ₀ = 0.05) Lorenz's mean mode ran away (z₀ → 940).
 *
 * <p><b>References.</b> Tight frames by alternating projection: Tropp, Dhillon, Heath and Strohmer, IEEE Trans. Inf.
 * Theory 51, 188 (2005). The cone projection ({@code projectColumn}) is the standard one for a Lorentz cone, scaled to
 * aperture 1/κ; the tests check it against Moreau's decomposition {@code x = P_K x + P_K° x}, {@code ⟨P_K x, P_K° x⟩ = 0}.
 */
public final class DaleMatcher {
    private DaleMatcher() {}

    /** ADMM over-relaxation factor α (Boyd et al. §3.4.3 recommend 1.5–1.8). */
    static final double RELAXATION = 1.6;

    /**
     * Settings of a Dale-constrained fit.
     *
     * @param excitatoryFraction fraction in (0, 1] of excitatory units (units 0 … round(f·N) − 1); the rest inhibitory
     * @param relativeLambda     λ as a multiple of the trace scale tr(ΦᵀΦ)/N, &gt; 0 (default 1e-8); used when the
     *                           matching configuration leaves λ unset (NaN), else the configuration's absolute λ
     * @param meanJitter         standard deviation σ₀ &gt; 0 of the population mean z₀ at the samples of the readout
     *                           rows, in units of x (default 0.05): they learn to ignore small z₀
     * @param balanceSpread      standard deviation σ_B &gt; 0 of z₀ at the samples of the balance row (default 0.5):
     *                           the balance must hold away from the set point too, or the mean mode can run away to
     *                           the saturated state (measured on Lorenz, N = 1000: σ_B = σ₀ = 0.05: z₀ → 940;
     *                           σ_B = 0.5: max |z₀| 0.046; σ_B = 1: 0.17 with a larger drift error)
     * @param balanceJitter      σ_Z ≥ 0, standard deviation in standardised units z̃ of a Gaussian jitter added to the
     *                           latent part of every balance sample ({@code z̃_n + σ_Z ξ}, ξ ~ N(0, I)), or NaN (the
     *                           default) for the target's noise-driven spread {@link #noiseSpread}: the balance must
     *                           hold wherever the readout goes, and the run of a noisy target goes beyond the sampled
     *                           trajectory (its extremes grow like √(2 ln T)), where the residual {@code w₀ᵀφ} on the
     *                           manifold drives z₀ (measured on the rotating OU, N = 200: σ_Z = 0 — max |z₀| 0.19;
     *                           0.5 — 0.10; 1 — 0.023; automatic, 0.99 — 0.024); a noiseless target stays on its sampled
     *                           attractor, and jitter only costs accuracy there (Lorenz, N = 1000: σ_Z = 1 — drift
     *                           error 0.17, D_stsp 5.6× the noise floor; automatic σ_Z = 0 — see the class Javadoc)
     * @param meanGain           γ ≥ 0: z₀ is fitted to relax at rate (1 + γ)/τ (default 0)
     * @param balanceWeight      ω &gt; 0, weight of the balance row {@code w₀ᵀφ ≈ −γ z₀} in the loss (default 100)
     * @param slopeWeight        η ≥ 0, weight (relative to a balance-value row) of slope rows
     *                           {@code Σ_j w₀_j φ'(x_j) ≈ −γ} at the balance samples, which ask the z₀ drift to
     *                           contract locally, not only on average (default 0, off; measured on the rotating OU,
     *                           N = 200: η = 0.1 — max |z₀| 0.15, drift error 4.3e-2; η = 1 — max |z₀| 0.067 but drift
     *                           error 0.15 and EPR 4.75 vs 4)
     * @param iterations         cap on the ADMM iterations, ≥ 1 (default 5000; the rotating OU at N = 200 stops at 3533)
     * @param absoluteTolerance  ε_abs ≥ 0 of the stopping rule (Boyd et al. 2011 §3.3.1), per entry of W (default 1e-7)
     * @param relativeTolerance  ε_rel ≥ 0 of the stopping rule (default 1e-5); both 0: always run to the cap
     */
    public record Settings(double excitatoryFraction, double relativeLambda, double meanJitter, double balanceSpread,
                           double balanceJitter, double meanGain, double balanceWeight, double slopeWeight, int iterations,
                           double absoluteTolerance, double relativeTolerance) {
        public Settings {
            if (!(excitatoryFraction > 0 && excitatoryFraction <= 1)) {
                throw new IllegalArgumentException("excitatory fraction = " + excitatoryFraction + " is not allowed; it must be in (0, 1]");
            }
            if (!(relativeLambda > 0) || !Double.isFinite(relativeLambda)) {
                throw new IllegalArgumentException("relative lambda = " + relativeLambda + " is not allowed; it must be finite and > 0");
            }
            if (!(meanJitter > 0) || !Double.isFinite(meanJitter)) {
                throw new IllegalArgumentException("mean jitter = " + meanJitter + " is not allowed; it must be finite and > 0");
            }
            if (!(balanceSpread > 0) || !Double.isFinite(balanceSpread)) {
                throw new IllegalArgumentException("balance spread = " + balanceSpread + " is not allowed; it must be finite and > 0");
            }
            if (!Double.isNaN(balanceJitter) && !(balanceJitter >= 0 && Double.isFinite(balanceJitter))) {
                throw new IllegalArgumentException("balance jitter = " + balanceJitter
                        + " is not allowed; it must be finite and ≥ 0, or NaN for the target's noise-driven spread");
            }
            if (!(meanGain >= 0) || !Double.isFinite(meanGain)) {
                throw new IllegalArgumentException("mean gain = " + meanGain + " is not allowed; it must be finite and ≥ 0");
            }
            if (!(balanceWeight > 0) || !Double.isFinite(balanceWeight)) {
                throw new IllegalArgumentException("balance weight = " + balanceWeight + " is not allowed; it must be finite and > 0");
            }
            if (!(slopeWeight >= 0) || !Double.isFinite(slopeWeight)) {
                throw new IllegalArgumentException("slope weight = " + slopeWeight + " is not allowed; it must be finite and ≥ 0");
            }
            if (iterations < 1) {
                throw new IllegalArgumentException("iterations = " + iterations + " is not allowed; it must be ≥ 1");
            }
            if (!(absoluteTolerance >= 0) || !Double.isFinite(absoluteTolerance)) {
                throw new IllegalArgumentException("absolute tolerance = " + absoluteTolerance + " is not allowed; it must be finite and ≥ 0");
            }
            if (!(relativeTolerance >= 0) || !Double.isFinite(relativeTolerance)) {
                throw new IllegalArgumentException("relative tolerance = " + relativeTolerance + " is not allowed; it must be finite and ≥ 0");
            }
        }

        /**
         * {@code excitatoryFraction} excitatory, λ = 1e-8 of the trace scale, σ₀ = 0.05, σ_B = 0.5, σ_Z automatic
         * (NaN: the target's noise-driven spread), γ = 0, ω = 100, η = 0, at most 5000 iterations, ε_abs = 1e-7,
         * ε_rel = 1e-5.
         */
        public static Settings of(double excitatoryFraction) {
            return new Settings(excitatoryFraction, 1e-8, 0.05, 0.5, Double.NaN, 0.0, 100.0, 0.0, 5000, 1e-7, 1e-5);
        }

        public Settings withIterations(int k) {
            return new Settings(excitatoryFraction, relativeLambda, meanJitter, balanceSpread, balanceJitter, meanGain, balanceWeight, slopeWeight, k, absoluteTolerance, relativeTolerance);
        }

        public Settings withRelativeLambda(double l) {
            return new Settings(excitatoryFraction, l, meanJitter, balanceSpread, balanceJitter, meanGain, balanceWeight, slopeWeight, iterations, absoluteTolerance, relativeTolerance);
        }

        public Settings withMeanJitter(double sj) {
            return new Settings(excitatoryFraction, relativeLambda, sj, balanceSpread, balanceJitter, meanGain, balanceWeight, slopeWeight, iterations, absoluteTolerance, relativeTolerance);
        }

        public Settings withBalanceSpread(double sb) {
            return new Settings(excitatoryFraction, relativeLambda, meanJitter, sb, balanceJitter, meanGain, balanceWeight, slopeWeight, iterations, absoluteTolerance, relativeTolerance);
        }

        public Settings withBalanceJitter(double sz) {
            return new Settings(excitatoryFraction, relativeLambda, meanJitter, balanceSpread, sz, meanGain, balanceWeight, slopeWeight, iterations, absoluteTolerance, relativeTolerance);
        }

        public Settings withMeanGain(double g) {
            return new Settings(excitatoryFraction, relativeLambda, meanJitter, balanceSpread, balanceJitter, g, balanceWeight, slopeWeight, iterations, absoluteTolerance, relativeTolerance);
        }

        public Settings withBalanceWeight(double w) {
            return new Settings(excitatoryFraction, relativeLambda, meanJitter, balanceSpread, balanceJitter, meanGain, w, slopeWeight, iterations, absoluteTolerance, relativeTolerance);
        }

        public Settings withSlopeWeight(double e) {
            return new Settings(excitatoryFraction, relativeLambda, meanJitter, balanceSpread, balanceJitter, meanGain, balanceWeight, e, iterations, absoluteTolerance, relativeTolerance);
        }

        public Settings withTolerances(double abs, double rel) {
            return new Settings(excitatoryFraction, relativeLambda, meanJitter, balanceSpread, balanceJitter, meanGain, balanceWeight, slopeWeight, iterations, abs, rel);
        }

        /** Number of excitatory units of an N-unit network. */
        public int excitatoryCount(int neurons) {
            return (int) Math.round(excitatoryFraction * neurons);
        }
    }

    /**
     * A trained Dale network.
     *
     * @param network       the network; its embedding has d + 1 columns, the last the uniform direction
     * @param config        the matching configuration
     * @param settings      the Dale settings
     * @param lambda        λ used (absolute units)
     * @param trainingError relative RMS residual of the readout drift on the training samples, ‖P·drift − f̃‖/‖f̃‖
     * @param balanceError  RMS of {@code w₀ᵀφ_n + γ z₀} over the balance samples (z₀ spread σ_B; units of x)
     * @param balanceJitter σ_Z used for the balance samples' latent jitter (the setting, or {@link #noiseSpread} when it
     *                      is NaN), standardised units z̃
     * @param coneSlope     κ = max_i ‖U_i‖, the slope of the cones {@code s_j w_{j0} ≥ κ‖w'_j‖} (√d for an exact tight frame)
     * @param lossCurve     the loss of the feasible iterate after ADMM iterations k, 2k, 3k, … (k = {@code lossCurveEvery})
     *                      and after the last iteration done when that is not a multiple of k: ⌈iterations / k⌉ entries,
     *                      at most 200 (the loss is computed only there: it costs one (d+1) × N × N product)
     * @param lossCurveEvery k = ⌈cap / 200⌉ with cap = {@link Settings#iterations()}: the stride of the loss curve
     * @param iterations    ADMM iterations done: fewer than the cap when the stopping rule was met
     * @param converged     whether the primal and dual residuals fell below their tolerances (Boyd et al. §3.3.1)
     * @param primalResidual final ‖W − Z‖ (units of the weighted weights)
     * @param dualResidual  final ‖ρ(Z − Z_old)‖
     * @param seconds       wall time of the fit
     */
    public record Result(RateNetwork network, MatchConfig config, Settings settings, double lambda, double trainingError,
                         double balanceError, double balanceJitter, double coneSlope, double[] lossCurve, int lossCurveEvery, int iterations,
                         boolean converged, double primalResidual, double dualResidual, double seconds) {
        public Result {
            lossCurve = lossCurve.clone();
            if (lossCurveEvery < 1) {
                throw new IllegalArgumentException("lossCurveEvery = " + lossCurveEvery + " is not allowed; it must be ≥ 1");
            }
            if (lossCurve.length != (iterations + lossCurveEvery - 1) / lossCurveEvery) {
                throw new IllegalArgumentException("lossCurve has " + lossCurve.length + " entries; with " + iterations
                        + " iterations recorded every " + lossCurveEvery + " it must have "
                        + (iterations + lossCurveEvery - 1) / lossCurveEvery);
            }
        }

        /** The iteration (1-based) after which entry i of {@link #lossCurve} was computed. */
        public int lossIteration(int i) {
            return Math.min((i + 1) * lossCurveEvery, iterations);
        }

        @Override public double[] lossCurve() { return lossCurve.clone(); }
    }

    /**
     * Trains a Dale network for {@code target}.
     *
     * @param target   the system (additive or no noise; the noise enters as {@code U S dW'} with S = G̃, as for the
     *                 factored network)
     * @param cfg      N, τ, φ, σ_b, sampling and seed (the samples and the tonic input are those {@link DriftMatcher}
     *                 draws for the same configuration; U is a fresh tight frame); λ, if given, in absolute units
     * @param settings the Dale settings
     * @param progress progress receiver for the sampling run
     * @return the network, its training and balance errors, κ and the loss curve
     */
    public static Result train(Sde target, MatchConfig cfg, Settings settings, ProgressListener progress) {
        long start = System.nanoTime();
        FullRankMatcher.requireAdditive(target, cfg);
        if (target instanceof ddmatch.sde.InputDriven driven && driven.inputDimension() > 0) {
            throw new IllegalArgumentException("system '" + target.name() + "' has " + driven.inputDimension()
                    + " inputs; Dale's law is fitted for autonomous systems only (train it without --connectivity dale)");
        }
        long nn = cfg.neurons();
        // Features (M × N), the Gram matrix and its eigenvectors (N × N each).
        MemoryBudget.require(String.format("a Dale network with N = %d neurons", cfg.neurons()),
                MemoryBudget.driftMatchBytes(cfg.sampling().samples(), nn, target.dimension())
                        + 8L * (6 * nn * nn + 2L * cfg.sampling().samples() * nn), "use fewer --neurons or --samples");
        DriftMatcher.Design des = DriftMatcher.design(target, cfg, progress);
        int d = target.dimension();
        int n = cfg.neurons();
        int m = des.samples();
        int q = d + 1;
        SplittableRandom seeds = new SplittableRandom(cfg.seed());
        seeds.nextLong();
        seeds.nextLong();
        long frameSeed = seeds.nextLong();
        long meanSeed = seeds.nextLong();
        long latentJitterSeed = seeds.nextLong();
        double[] uFull = tightFrameWithUniform(n, d, frameSeed);
        double[] b = des.embedding().tonic().clone();
        projectOut(uFull, n, q, b);
        projectOut(uFull, n, q, b);
        Embedding emb = new Embedding(n, q, uFull, b);

        // Features and targets, one row per sample: x = U z̃ + z₀ 1 + b, y = (z̃ + τ f̃, c).
        DMatrixRMaj y = FullRankMatcher.latentTargets(target, cfg, des);
        double sigmaZ = Double.isNaN(settings.balanceJitter()) ? noiseSpread(target, des.standardization(), des.points(), m)
                : settings.balanceJitter();
        DMatrixRMaj phi = new DMatrixRMaj(m, n);
        DMatrixRMaj yy = new DMatrixRMaj(m, q);
        StandardNormal g = new StandardNormal(meanSeed);
        // A stream of its own for the balance samples' latent jitter, so that the z₀ draws do not depend on σ_Z.
        StandardNormal gz = new StandardNormal(latentJitterSeed);
        // The balance row carries weight ω in the loss. It is solved for w̃₀ = √ω w₀ so that every row has the same
        // Hessian 2ΦᵀΦ (one ADMM penalty ρ suits all); the cone becomes s w̃₀ ≥ √ω κ ‖w'‖.
        double rootOmega = Math.sqrt(settings.balanceWeight());
        // Readout rows: z₀ ~ N(0, σ₀²); balance row: the same z̃ with z₀ ~ N(0, σ_B²) (its own Gram matrix).
        DMatrixRMaj phi0 = new DMatrixRMaj(m, n);
        DMatrixRMaj y0 = new DMatrixRMaj(m, 1);
        double[] zt = new double[q];
        double[] x = new double[n];
        double[] zBalance = new double[m];
        for (int r = 0; r < m; r++) {
            System.arraycopy(des.latent(), r * d, zt, 0, d);
            zt[d] = settings.meanJitter() * g.next();
            emb.embed(zt, x);
            for (int j = 0; j < n; j++) phi.data[r * n + j] = cfg.activation().value(x[j]);
            for (int i = 0; i < d; i++) yy.data[r * q + i] = y.data[r * d + i];
            zt[d] = settings.balanceSpread() * g.next();
            zBalance[r] = zt[d];
            for (int i = 0; i < d; i++) zt[i] += sigmaZ * gz.next();
            emb.embed(zt, x);
            for (int j = 0; j < n; j++) phi0.data[r * n + j] = cfg.activation().value(x[j]);
            y0.data[r] = -settings.meanGain() * zt[d] * rootOmega;
            yy.data[r * q + d] = y0.data[r];
        }
        DMatrixRMaj gram = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransA(phi, phi, gram);
        DMatrixRMaj gram0 = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransA(phi0, phi0, gram0);
        DMatrixRMaj slopeRhs = new DMatrixRMaj(1, n);
        if (settings.slopeWeight() > 0) {
            // Slope rows: ∂(w₀ᵀφ)/∂z₀ = Σ_j w₀_j φ'(x_j) ≈ −γ at every balance sample, weight η: the z₀ drift contracts
            // at rate (1 + γ)/τ locally, not only on average over the spread.
            DMatrixRMaj dphi = new DMatrixRMaj(m, n);
            for (int r = 0; r < m; r++) {
                System.arraycopy(des.latent(), r * d, zt, 0, d);
                zt[d] = zBalance[r];
                emb.embed(zt, x);
                for (int j = 0; j < n; j++) dphi.data[r * n + j] = cfg.activation().derivative(x[j]);
            }
            DMatrixRMaj gs = new DMatrixRMaj(n, n);
            CommonOps_DDRM.multTransA(dphi, dphi, gs);
            CommonOps_DDRM.addEquals(gram0, settings.slopeWeight(), gs);
            for (int r = 0; r < m; r++) {
                for (int j = 0; j < n; j++) slopeRhs.data[j] -= settings.slopeWeight() * settings.meanGain() * rootOmega * dphi.data[r * n + j];
            }
        }
        DMatrixRMaj c = new DMatrixRMaj(q, n);
        CommonOps_DDRM.multTransA(yy, phi, c);
        DMatrixRMaj c0 = new DMatrixRMaj(1, n);
        CommonOps_DDRM.multTransA(y0, phi0, c0);
        CommonOps_DDRM.addEquals(c0, slopeRhs);
        System.arraycopy(c0.data, 0, c.data, d * n, n);
        double trace = 0;
        for (int j = 0; j < n; j++) trace += gram.data[j * n + j];
        double lambda = Double.isNaN(cfg.lambda()) ? settings.relativeLambda() * trace / n : cfg.lambda();
        double tt = 0;
        for (double v : yy.data) tt += v * v;
        tt += settings.slopeWeight() * m * Math.pow(settings.meanGain() * rootOmega, 2);
        double kappa = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < d; k++) s += uFull[i * q + k] * uFull[i * q + k];
            kappa = Math.max(kappa, Math.sqrt(s));
        }
        // A relative margin of 1e-8 on the cone keeps entries on its boundary (exactly zero in exact arithmetic) from
        // coming out as −1e-17 after rounding: every entry of J then has its column's sign, not just up to rounding.
        kappa *= 1.0 + 1e-8;
        int exc = settings.excitatoryCount(n);
        int every = lossStride(settings.iterations());
        Admm sol = admm(gram, gram0, c, tt, lambda, d, rootOmega * kappa, exc, settings.iterations(), every,
                settings.absoluteTolerance(), settings.relativeTolerance());
        double[] w = sol.connectivity();
        for (int j = 0; j < n; j++) w[d * n + j] /= rootOmega;

        double[] s = new double[d * target.noiseDimension()];
        if (target.noiseDimension() > 0) {
            DiffusionMatcher.constantGain(target, des.standardization(), s);
        }
        double[] u = new double[n * d];
        for (int j = 0; j < n; j++) System.arraycopy(uFull, j * q, u, j * d, d);
        double[] wRead = java.util.Arrays.copyOf(w, d * n);
        double[] w0 = java.util.Arrays.copyOfRange(w, d * n, q * n);
        RateNetwork net = new RateNetwork("network-" + target.name(), new Embedding(n, d, u, b), wRead, w0, s, null,
                target.noiseDimension(), cfg.tau(), cfg.activation(), des.standardization(), target.defaultTimeStep(),
                new double[0], java.util.List.of(), java.util.List.of());

        double num = 0, den = 0, bal = 0;
        for (int r = 0; r < m; r++) {
            for (int i = 0; i < q; i++) {
                DMatrixRMaj f = i < d ? phi : phi0;
                double pred = 0;
                for (int j = 0; j < n; j++) pred += w[i * n + j] * f.data[r * n + j];
                if (i < d) {
                    double e = pred - yy.data[r * q + i];
                    double ft = (yy.data[r * q + i] - des.latent()[r * d + i]) / cfg.tau();
                    num += e * e / (cfg.tau() * cfg.tau());
                    den += ft * ft;
                } else {
                    double e = pred - y0.data[r] / rootOmega;
                    bal += e * e;
                }
            }
        }
        return new Result(net, cfg, settings, lambda, Math.sqrt(num / den), Math.sqrt(bal / m), sigmaZ, kappa, sol.lossCurve(),
                every, sol.iterations(), sol.converged(), sol.primalResidual(), sol.dualResidual(),
                (System.nanoTime() - start) * 1e-9);
    }

    /**
     * The noise-driven spread of a target in standardised units, the automatic σ_Z of {@link Settings#balanceJitter()}:
     * the stationary standard deviation of its linear (Ornstein–Uhlenbeck) approximation,
     * {@code σ_Z² = tr(G̃G̃ᵀ) / (2 d κ)}, with κ = −⟨∇·f̃⟩/d the mean contraction rate per dimension over the samples
     * (central differences, step 1e-4 of each coordinate's scale), capped at 1, the target's whole spread (also when
     * κ ≤ 0). For {@code dz = −κ z dt + g dW} it is exactly that process's standard deviation; for the rotating OU
     * ({@code B = [[2, −θ], [θ, 2]]}, D = εI) it is 1 whatever θ and ε; it is 0 for a noiseless target, whose runs stay
     * on the attractor its samples cover.
     *
     * @param target  the system (additive noise)
     * @param st      the standardisation z = μ + s ⊙ z̃
     * @param points  the M samples in the target's coordinates, row-major M × d
     * @param samples M
     * @return σ_Z in [0, 1]
     */
    static double noiseSpread(Sde target, ddmatch.rnn.Standardization st, double[] points, int samples) {
        int d = target.dimension();
        int mNoise = target.noiseDimension();
        if (mNoise == 0) {
            return 0.0;
        }
        double[] g = new double[d * mNoise];
        double[] z = new double[d];
        System.arraycopy(points, 0, z, 0, d);
        target.diffusion(0.0, z, g);
        double trace = 0;
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < mNoise; k++) trace += Math.pow(g[i * mNoise + k] / st.scale(i), 2);
        }
        if (trace == 0) {
            return 0.0;
        }
        double[] fp = new double[d];
        double[] fm = new double[d];
        double divergence = 0;
        for (int r = 0; r < samples; r++) {
            System.arraycopy(points, r * d, z, 0, d);
            for (int i = 0; i < d; i++) {
                // ∂f̃_i/∂z̃_i = ∂f_i/∂z_i: the diagonal standardisation cancels in the divergence.
                double h = 1e-4 * st.scale(i);
                double zi = z[i];
                z[i] = zi + h;
                target.drift(0.0, z, fp);
                z[i] = zi - h;
                target.drift(0.0, z, fm);
                z[i] = zi;
                divergence += (fp[i] - fm[i]) / (2 * h);
            }
        }
        double kappa = -divergence / samples / d;
        if (!(kappa > 0)) {
            return 1.0;
        }
        return Math.min(1.0, Math.sqrt(trace / (2.0 * d * kappa)));
    }

    /** The stride k = ⌈cap / 200⌉ of the loss curve: at most 200 recorded losses whatever the iteration cap. */
    static int lossStride(int cap) {
        return Math.max(1, (cap + 199) / 200);
    }

    /**
     * U₊ = [U, 1], row-major N × (d+1): U an (approximately) equal-norm tight frame orthogonal to 1 with columns of norm
     * √N, by alternating projection (Tropp et al. 2005): re-centre, orthonormalise the columns, scale rows to norm √d,
     * 50 times, then a final re-centring and orthonormalisation so that orthogonality holds to rounding.
     */
    static double[] tightFrameWithUniform(int n, int d, long seed) {
        StandardNormal g = new StandardNormal(seed);
        double[] u = new double[n * d];
        g.fill(u, 0, u.length);
        double rowNorm = Math.sqrt(d);
        for (int it = 0; it <= 50; it++) {
            centreAndOrthonormalise(u, n, d);
            centreAndOrthonormalise(u, n, d);
            if (it == 50) {
                break;
            }
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int k = 0; k < d; k++) s += u[i * d + k] * u[i * d + k];
                double f = rowNorm / Math.sqrt(s);
                for (int k = 0; k < d; k++) u[i * d + k] *= f;
            }
        }
        int q = d + 1;
        double[] full = new double[n * q];
        for (int i = 0; i < n; i++) {
            System.arraycopy(u, i * d, full, i * q, d);
            full[i * q + d] = 1.0;
        }
        return full;
    }

    /** Removes each column's mean, then Gram–Schmidt with columns scaled to norm √N. */
    private static void centreAndOrthonormalise(double[] u, int n, int d) {
        for (int k = 0; k < d; k++) {
            double mean = 0;
            for (int i = 0; i < n; i++) mean += u[i * d + k];
            mean /= n;
            for (int i = 0; i < n; i++) u[i * d + k] -= mean;
        }
        for (int k = 0; k < d; k++) {
            for (int p = 0; p < k; p++) {
                double dot = 0;
                for (int i = 0; i < n; i++) dot += u[i * d + k] * u[i * d + p];
                dot /= n;
                for (int i = 0; i < n; i++) u[i * d + k] -= dot * u[i * d + p];
            }
            double s = 0;
            for (int i = 0; i < n; i++) s += u[i * d + k] * u[i * d + k];
            double f = Math.sqrt(n / s);
            for (int i = 0; i < n; i++) u[i * d + k] *= f;
        }
    }

    /** Removes from v its component in span of the q columns (each of norm √N, orthogonal) of u. */
    private static void projectOut(double[] u, int n, int q, double[] v) {
        for (int k = 0; k < q; k++) {
            double dot = 0;
            for (int j = 0; j < n; j++) dot += u[j * q + k] * v[j];
            dot /= n;
            for (int j = 0; j < n; j++) v[j] -= dot * u[j * q + k];
        }
    }

    /**
     * Projects column (t, v) — t = s·w₀ the signed uniform weight, v = w' — onto {t ≥ κ‖v‖}, in place in the
     * (d+1) × N matrix {@code w} (row d holds w₀).
     */
    static void projectColumn(double[] w, int n, int d, int j, double sign, double kappa) {
        double t = sign * w[d * n + j];
        double vv = 0;
        for (int k = 0; k < d; k++) vv += w[k * n + j] * w[k * n + j];
        double nv = Math.sqrt(vv);
        double a = 1.0 / kappa;                 // aperture: ‖v‖ ≤ a·t
        if (nv <= a * t) {
            return;
        }
        if (a * nv <= -t) {
            for (int k = 0; k <= d; k++) w[k * n + j] = 0.0;
            return;
        }
        double tp = (t + a * nv) / (1.0 + a * a);
        double f = a * tp / nv;
        for (int k = 0; k < d; k++) w[k * n + j] *= f;
        w[d * n + j] = sign * tp;
    }

    /** The eigenvalues (clamped at 0) and eigenvectors (columns of an N × N matrix) of a symmetric PSD matrix. */
    private record Eigen(double[] values, DMatrixRMaj vectors) {
        static Eigen of(DMatrixRMaj g) {
            int n = g.numRows;
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
            if (!eig.decompose(g.copy())) {
                throw new IllegalStateException("eigendecomposition of the " + n + " × " + n + " Gram matrix failed");
            }
            double[] e = new double[n];
            DMatrixRMaj v = new DMatrixRMaj(n, n);
            for (int i = 0; i < n; i++) {
                e[i] = Math.max(0.0, eig.getEigenvalue(i).real);
                DMatrixRMaj col = eig.getEigenVector(i);
                for (int r = 0; r < n; r++) v.unsafe_set(r, i, col.data[r]);
            }
            return new Eigen(e, v);
        }
    }

    /**
     * ADMM for {@code min Σ_r (w_r G_r w_rᵀ − 2 w_r·c_r) + tt + λ‖W‖²} over (d+1) × N matrices W — rows r &lt; d with
     * the Gram matrix {@code g}, row d with {@code g0} — whose columns lie in the cones
     * {@code s_j W[d][j] ≥ κ ‖W[0..d)[j]‖} (s_j = +1 for j &lt; {@code excitatory}). Split W = Z; the W-step is the
     * ridge solve {@code w_r (2G_r + (2λ + ρ) I) = 2c_r + ρ(z_r − y_r)} in the eigenbasis of G_r, the Z-step the cone
     * projection of the over-relaxed iterate, Y the scaled dual; ρ starts at 2 tr(G)/N and is rebalanced when the
     * primal and dual residuals differ by more than 10× (Boyd et al. §3.4.1). Returns the feasible Z and its loss after
     * iterations {@code every}, 2·{@code every}, … and the last; the loss (one (d+1) × N × N product, as much as half a
     * ridge step) is computed only there, since the stopping rule needs only the residuals.
     */
    static Admm admm(DMatrixRMaj g, DMatrixRMaj g0, DMatrixRMaj c, double tt, double lambda, int d,
                     double kappa, int excitatory, int iterations, int every, double epsAbs, double epsRel) {
        int n = g.numRows;
        int q = d + 1;
        int size = q * n;
        int top = d * n;
        Eigen eg = Eigen.of(g);
        Eigen eg0 = g0 == g ? eg : Eigen.of(g0);
        double trace = 0;
        for (double v : eg.values()) trace += v;
        double rho = 2.0 * trace / n;
        DMatrixRMaj z = new DMatrixRMaj(q, n);
        DMatrixRMaj y = new DMatrixRMaj(q, n);
        DMatrixRMaj rhsTop = new DMatrixRMaj(d, n);
        DMatrixRMaj rhsBot = new DMatrixRMaj(1, n);
        DMatrixRMaj tmpTop = new DMatrixRMaj(d, n);
        DMatrixRMaj tmpBot = new DMatrixRMaj(1, n);
        DMatrixRMaj wTop = new DMatrixRMaj(d, n);
        DMatrixRMaj wBot = new DMatrixRMaj(1, n);
        DMatrixRMaj zTop = new DMatrixRMaj(d, n);
        DMatrixRMaj zBot = new DMatrixRMaj(1, n);
        DMatrixRMaj zgTop = new DMatrixRMaj(d, n);
        DMatrixRMaj zgBot = new DMatrixRMaj(1, n);
        double[] w = new double[size];
        double[] zg = new double[size];
        double[] curve = new double[(iterations + every - 1) / every];
        int recorded = 0;
        double[] zOld = new double[size];
        double[] relaxed = new double[size];
        int used = 0;
        boolean converged = false;
        double lastPrimal = Double.NaN, lastDual = Double.NaN;
        for (int it = 0; it < iterations; it++) {
            for (int i = 0; i < top; i++) rhsTop.data[i] = 2.0 * c.data[i] + rho * (z.data[i] - y.data[i]);
            for (int i = 0; i < n; i++) rhsBot.data[i] = 2.0 * c.data[top + i] + rho * (z.data[top + i] - y.data[top + i]);
            ridgeStep(rhsTop, eg, lambda, rho, tmpTop, wTop);
            ridgeStep(rhsBot, eg0, lambda, rho, tmpBot, wBot);
            System.arraycopy(wTop.data, 0, w, 0, top);
            System.arraycopy(wBot.data, 0, w, top, n);
            // Over-relaxation (Boyd et al. §3.4.3, α = 1.6): the projection and the dual update use
            // α W + (1 − α) Z_old in place of W.
            System.arraycopy(z.data, 0, zOld, 0, size);
            for (int i = 0; i < size; i++) {
                relaxed[i] = RELAXATION * w[i] + (1.0 - RELAXATION) * zOld[i];
                z.data[i] = relaxed[i] + y.data[i];
            }
            for (int j = 0; j < n; j++) projectColumn(z.data, n, d, j, j < excitatory ? 1.0 : -1.0, kappa);
            double primal = 0, dual = 0, ww = 0, zz = 0, yy = 0;
            for (int i = 0; i < size; i++) {
                y.data[i] += relaxed[i] - z.data[i];
                double r = w[i] - z.data[i];
                primal += r * r;
                dual += (z.data[i] - zOld[i]) * (z.data[i] - zOld[i]);
                ww += w[i] * w[i];
                zz += z.data[i] * z.data[i];
                yy += y.data[i] * y.data[i];
            }
            dual *= rho * rho;
            // Stopping rule of Boyd et al. §3.3.1 (A = I, B = −I, c = 0): ‖r‖ ≤ √p ε_abs + ε_rel max(‖W‖, ‖Z‖) and
            // ‖s‖ ≤ √p ε_abs + ε_rel ‖ρ Y‖ (Y the scaled dual), p = (d+1)·N.
            double epsPrimal = Math.sqrt(size) * epsAbs + epsRel * Math.sqrt(Math.max(ww, zz));
            double epsDual = Math.sqrt(size) * epsAbs + epsRel * rho * Math.sqrt(yy);
            lastPrimal = Math.sqrt(primal);
            lastDual = Math.sqrt(dual);
            used = it + 1;
            converged = lastPrimal <= epsPrimal && lastDual <= epsDual;
            if (used % every == 0 || converged || used == iterations) {
                System.arraycopy(z.data, 0, zTop.data, 0, top);
                System.arraycopy(z.data, top, zBot.data, 0, n);
                CommonOps_DDRM.mult(zTop, g, zgTop);
                CommonOps_DDRM.mult(zBot, g0, zgBot);
                System.arraycopy(zgTop.data, 0, zg, 0, top);
                System.arraycopy(zgBot.data, 0, zg, top, n);
                curve[recorded++] = ConstrainedMatcher.loss(z.data, zg, c.data, tt, lambda);
            }
            if (converged) {
                break;
            }
            rho = ConstrainedMatcher.rebalancedRho(rho, primal, dual, y);
        }
        return new Admm(z.data, java.util.Arrays.copyOf(curve, recorded), used, lastPrimal, lastDual, converged);
    }

    /**
     * An ADMM solution: the feasible iterate Z ((d+1) × N), its loss after every k-th iteration and the last, the
     * iterations done, the final primal and dual residual norms ‖W − Z‖ and ‖ρ(Z − Z_old)‖, and whether the stopping
     * rule was met before the iteration cap.
     */
    record Admm(double[] connectivity, double[] lossCurve, int iterations, double primalResidual, double dualResidual,
                boolean converged) {}

    /** {@code out = rhs (2G + (2λ + ρ) I)⁻¹} with G = V diag(e) Vᵀ; {@code tmp} is scratch of rhs's shape. */
    private static void ridgeStep(DMatrixRMaj rhs, Eigen eig, double lambda, double rho, DMatrixRMaj tmp, DMatrixRMaj out) {
        int n = rhs.numCols;
        double[] e = eig.values();
        CommonOps_DDRM.mult(rhs, eig.vectors(), tmp);
        for (int r = 0; r < rhs.numRows; r++) {
            for (int k = 0; k < n; k++) tmp.data[r * n + k] /= 2.0 * e[k] + 2.0 * lambda + rho;
        }
        CommonOps_DDRM.multTransB(tmp, eig.vectors(), out);
    }
}
