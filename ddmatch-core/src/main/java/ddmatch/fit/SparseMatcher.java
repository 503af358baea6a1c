package ddmatch.fit;

import ddmatch.linalg.GramProduct;
import ddmatch.rnn.DenseRateNetwork;
import ddmatch.rnn.Embedding;
import ddmatch.sde.Sde;
import ddmatch.solve.Parallelism;
import ddmatch.solve.ProgressListener;
import ddmatch.solve.StandardNormal;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Drift matching of a dense connectivity J with a random sparsity mask and, optionally, a bound on its weights
 * (DESIGN §1.4, constrained variant): the network {@code dx = (1/τ)(−x + J φ(x) + b) dt + U S dW} with each J_ij
 * allowed with probability p and {@code |J_ij| ≤ B}.
 *
 * <p><b>Description.</b> As in {@link FullRankMatcher}, the whole drift is matched at the samples: at
 * {@code x_n = U z̃_n + b}, {@code J φ_n = U(z̃_n + τ f̃_n)} (transverse drift zero, readout drift the target). A
 * mask makes this N independent ridge problems, one per row i over its allowed presynaptic columns S_i:
 * {@code J_{i,S_i} (G_{S_i S_i} + λI) = C_{i,S_i}} with the shared Gram matrix {@code G = ΦᵀΦ} and {@code C = TᵀΦ}
 * (T the targets), each solved exactly by Cholesky on its |S_i| × |S_i| block — O(N·(pN)³/3) in all, rows in
 * parallel, each row's arithmetic independent of the thread count. λ is the GCV choice of the d-output problem of
 * the factored network ({@link DriftMatcher}) unless the configuration fixes it. The exact solve was chosen over
 * FISTA on the same loss by measurement (double well, N = 200, p = 0.5): it reaches the minimum, loss 1967, in
 * 0.44 s on one thread; FISTA from zero is at 7351 after 100 iterations and 2746 after 5000 (56 s) — the twins'
 * small offsets put the transverse directions in the small eigenvalues of G, and the condition number is large.
 *
 * <p><b>Transverse stability.</b> A dense J is no longer {@code U W}, so the manifold's transverse decay is not
 * exact: J is only asked to be right at the samples. Every on-manifold sample therefore gets an off-manifold twin
 * {@code x = U z̃_n + b + ξ}, {@code ξ ⟂ span U} with σ_ξ per unit, whose target
 * {@code J φ(x) = U(z̃_n + τ f̃_n) + (1 − c) ξ} makes the transverse deviation relax at rate c/τ (the construction of
 * {@link ConstrainedMatcher}). (Asking the twins instead for the factored network's own drift there,
 * {@code U W φ(x_n + ξ)}, reproduces {@code J = U W} exactly at p = 1 but loses the manifold at p = 0.5 — distance
 * 1.6e2 at N = 200 —: the factored readout is steep off the manifold, and a masked row cannot follow it.)
 *
 * <p><b>Measured</b> (double well σ = 0.7, seed 1, M = 3000, σ_ξ = 0.05, 3000 time units simulated, all N units):
 * the manifold holds (max distance ≤ 0.1, residence times within 4%) when each row has about 100 allowed columns,
 * and is lost with about 60 — N = 300: p = 0.35 holds (2.0e-2), p = 0.3 gives 0.20, p = 0.2 loses it; N = 600,
 * p = 0.2 holds (2.2e-2). Lorenz at N = 500 needs more: p = 0.5 (≥ 220 columns per row) loses the manifold
 * (λmax 66 vs 0.915, D_stsp 11 vs floor 0.11), while p = 1 holds it exactly (λmax 0.902, D_stsp 1.35× floor). Table
 * in the README.
 *
 * <p><b>Weight bound.</b> With B &lt; ∞ the same loss is minimised under the box {@code −B ≤ J_ij ≤ B} (0 off the
 * mask) by FISTA with adaptive restart ({@link ConstrainedMatcher#fista}; Beck and Teboulle, SIAM J. Imaging Sci.
 * 2, 183, 2009; O'Donoghue and Candès, Found. Comput. Math. 15, 715, 2015), warm-started from the clamped masked
 * ridge solution; the loss of every iterate is returned. When B ≥ max|J_ij| of the unbounded solution, that
 * solution is the constrained minimiser and the iterates stay on it.
 */
public final class SparseMatcher {
    private SparseMatcher() {}

    /**
     * A trained sparse (and possibly bounded) dense network and how it was obtained.
     *
     * @param network            the network, ready to simulate
     * @param config             the matching configuration (N, τ, φ, σ_b, samples, λ as given, seed)
     * @param sparse             the mask, bound and off-manifold settings
     * @param lambda             the ridge regularisation actually used (absolute units)
     * @param trainingError      relative readout drift error on the on-manifold samples, {@code ‖P·drift − f̃‖/‖f̃‖}
     * @param transverseError    RMS transverse drift {@code ‖(I − UP)·drift‖/√N} on the on-manifold samples
     * @param samples            training rows (off-manifold twins included)
     * @param maskSeed           seed of the mask (derived from {@code config.seed()})
     * @param density            realised fraction of allowed entries
     * @param minimumRowColumns  smallest number of allowed columns in a row
     * @param unboundedMaxWeight max|J_ij| of the masked ridge solution before any bound
     * @param unboundedLoss      the loss of the masked ridge solution
     * @param lossCurve          the loss of each projected-gradient iterate (empty when unbounded)
     * @param seconds            wall time of the fit
     */
    public record Result(DenseRateNetwork network, MatchConfig config, SparseConfig sparse, double lambda,
                         double trainingError, double transverseError, int samples, long maskSeed, double density,
                         int minimumRowColumns, double unboundedMaxWeight, double unboundedLoss, double[] lossCurve,
                         double seconds) {
        public Result {
            lossCurve = lossCurve.clone();
        }

        @Override public double[] lossCurve() { return lossCurve.clone(); }

        /** The same fit as a {@link DenseTrainingResult}. */
        public DenseTrainingResult dense() {
            return new DenseTrainingResult(network, config, lambda, trainingError, transverseError, samples, lossCurve, seconds);
        }
    }

    /**
     * The fewest allowed columns a row may have, {@code 2(d + 1)}: a row's target on the manifold combines the d
     * functions {@code z̃_k + τ f̃_k} and a constant, and the row must also shape its transverse response; the factor 2
     * leaves as many columns for the latter as for the former (our choice, a floor that refuses hopeless masks, not a
     * guarantee: measured on the double well, d = 1, the simulated network needs about 100 columns per row).
     */
    public static int minimumColumns(int latentDimension) {
        return 2 * (latentDimension + 1);
    }

    /**
     * The connectivity mask of a sparse fit, drawn once: which entries J_ij may be non-zero, with the probability and
     * seed it was drawn from and the fewest allowed columns of a row. Only {@link #draw} makes one, so a mask is always
     * the seeded draw its fields name (what the model records); it is immutable (the entries are not exposed).
     */
    public static final class Mask {
        private final int neurons;
        private final double probability;
        private final long seed;
        private final boolean[] allowed;
        private final int minimumRowColumns;
        private final long allowedCount;

        private Mask(int neurons, double probability, long seed) {
            this.neurons = neurons;
            this.probability = probability;
            this.seed = seed;
            this.allowed = mask(neurons, probability, seed);
            this.minimumRowColumns = SparseMatcher.minimumRowColumns(allowed, neurons);
            long c = 0;
            for (boolean b : allowed) if (b) c++;
            this.allowedCount = c;
        }

        /**
         * Draws the mask of {@link SparseMatcher#mask(int, double, long)}.
         *
         * @param neurons     N ≥ 1
         * @param probability p in (0, 1], the probability that an entry is allowed
         * @param seed        the mask's seed ({@link SparseMatcher#maskSeed} of the matching seed for a fit)
         */
        public static Mask draw(int neurons, double probability, long seed) {
            if (neurons < 1) {
                throw new IllegalArgumentException("mask: neurons N = " + neurons + " is not allowed; it must be ≥ 1");
            }
            if (!(probability > 0 && probability <= 1)) {
                throw new IllegalArgumentException("mask: connection probability p = " + probability
                        + " is not allowed; it must be in (0, 1]");
            }
            return new Mask(neurons, probability, seed);
        }

        /** N: the mask is N × N. */
        public int neurons() { return neurons; }

        /** p, the probability each entry was allowed with. */
        public double probability() { return probability; }

        /** The seed the mask was drawn from. */
        public long seed() { return seed; }

        /** The smallest number of allowed columns in a row. */
        public int minimumRowColumns() { return minimumRowColumns; }

        /** The realised fraction of allowed entries. */
        public double density() { return allowedCount / ((double) neurons * neurons); }

        /** Whether J_ij may be non-zero. */
        public boolean allowed(int i, int j) { return allowed[i * neurons + j]; }
    }

    /**
     * The mask {@link #train(Sde, MatchConfig, SparseConfig, ProgressListener)} draws for this configuration: N, p
     * and the seed {@link #maskSeed} of {@code cfg.seed()}.
     */
    public static Mask maskFor(MatchConfig cfg, SparseConfig sparse) {
        return Mask.draw(cfg.neurons(), sparse.connectionProbability(), maskSeed(cfg.seed()));
    }

    /**
     * Trains a sparse, optionally weight-bounded dense network for {@code target}, drawing the mask
     * ({@link #maskFor}); the same as {@link #train(Sde, MatchConfig, SparseConfig, Mask, ProgressListener)} with that
     * mask.
     *
     * @param target   the system (additive or no noise)
     * @param cfg      N, τ, φ, σ_b, sampling, λ (NaN: GCV on the d-output problem) and the seed; the embedding and the
     *                 on-manifold samples are those {@link DriftMatcher} draws for the same configuration
     * @param sparse   connection probability, weight bound and off-manifold settings
     * @param progress progress receiver for the sampling run
     * @throws IllegalArgumentException if a row of the mask has fewer than {@link #minimumColumns} allowed columns
     */
    public static Result train(Sde target, MatchConfig cfg, SparseConfig sparse, ProgressListener progress) {
        return train(target, cfg, sparse, maskFor(cfg, sparse), progress);
    }

    /**
     * Trains a sparse, optionally weight-bounded dense network for {@code target} with a mask drawn beforehand (by a
     * caller that has already drawn it to validate it, as {@code ddmatch train} does): bit-identical to
     * {@link #train(Sde, MatchConfig, SparseConfig, ProgressListener)}.
     *
     * @param mask the mask of this configuration, {@link #maskFor}{@code (cfg, sparse)}: its N, p and seed must be
     *             {@code cfg.neurons()}, {@code sparse.connectionProbability()} and {@code maskSeed(cfg.seed())}
     * @throws IllegalArgumentException if the mask was drawn for another configuration, or a row of it has fewer than
     *                                  {@link #minimumColumns} allowed columns
     */
    public static Result train(Sde target, MatchConfig cfg, SparseConfig sparse, Mask mask, ProgressListener progress) {
        long start = System.nanoTime();
        Problem pr = problem(target, cfg, sparse, mask, progress);
        int n = cfg.neurons();
        double[] j = rowRidge(pr.gram(), pr.c().data, pr.mask(), n, pr.lambda(), Parallelism.threads());
        DMatrixRMaj gm = DMatrixRMaj.wrap(n, n, pr.gram());
        DMatrixRMaj jg = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(DMatrixRMaj.wrap(n, n, j), gm, jg);
        double unboundedLoss = ConstrainedMatcher.loss(j, jg.data, pr.c().data, pr.tt(), pr.lambda());
        double maxAbs = 0;
        for (double v : j) maxAbs = Math.max(maxAbs, Math.abs(v));
        double[] curve = new double[0];
        if (sparse.bounded()) {
            double bound = sparse.weightBound();
            double[] lo = new double[n * n];
            double[] hi = new double[n * n];
            for (int i = 0; i < n * n; i++) {
                lo[i] = pr.mask()[i] ? -bound : 0.0;
                hi[i] = pr.mask()[i] ? bound : 0.0;
            }
            ConstrainedMatcher.Solution sol = ConstrainedMatcher.fista(gm, pr.c(), pr.tt(), pr.lambda(), lo, hi,
                    sparse.iterations(), j);
            j = sol.connectivity();
            curve = sol.lossCurve();
        }
        DriftMatcher.Design des = pr.design();
        DenseRateNetwork net = FullRankMatcher.network(target, cfg, des.embedding(), des.standardization(), j);
        double[] err = DenseErrors.onSamples(net, des, pr.latentTarget(), cfg.tau());
        return new Result(net, cfg, sparse, pr.lambda(), err[0], err[1], pr.rows(), mask.seed(), mask.density(),
                mask.minimumRowColumns(), maxAbs, unboundedLoss, curve, (System.nanoTime() - start) * 1e-9);
    }

    /**
     * The quadratic problem of a sparse fit: {@code G = ΦᵀΦ} (row-major N × N) and {@code C = TᵀΦ} over all rows
     * (twins included), {@code tt = ‖T‖²}, λ, the mask and the design it came from.
     */
    record Problem(double[] gram, DMatrixRMaj c, double tt, double lambda, boolean[] mask, int rows,
                   DriftMatcher.Design design, DMatrixRMaj latentTarget) {}

    static Problem problem(Sde target, MatchConfig cfg, SparseConfig sparse, Mask drawn, ProgressListener progress) {
        FullRankMatcher.requireAdditive(target, cfg);
        int n = cfg.neurons();
        int d = target.dimension();
        long maskSeed = maskSeed(cfg.seed());
        if (drawn.neurons() != n || Double.compare(drawn.probability(), sparse.connectionProbability()) != 0
                || drawn.seed() != maskSeed) {
            throw new IllegalArgumentException(String.format("mask: drawn for N = %d, p = %s, seed %d, but this fit has "
                    + "N = %d, p = %s and mask seed %d; use SparseMatcher.maskFor(cfg, sparse)", drawn.neurons(),
                    drawn.probability(), drawn.seed(), n, sparse.connectionProbability(), maskSeed));
        }
        boolean[] mask = drawn.allowed;
        int minRow = drawn.minimumRowColumns();
        if (minRow < minimumColumns(d)) {
            throw new IllegalArgumentException(String.format("connection probability p = %s is too small for N = %d neurons: "
                    + "a row of the mask has %d allowed columns, and each needs at least %d (2(d + 1), d = %d); raise p or N",
                    sparse.connectionProbability(), n, minRow, minimumColumns(d), d));
        }
        long nn = n;
        int m = cfg.sampling().samples();
        boolean off = sparse.transverseScale() > 0;
        int rows = off ? 2 * m : m;
        // Features and targets of all rows, G, C, J and J G: four N × N arrays and two rows × N ones.
        MemoryBudget.require(String.format("a sparse dense N × N network with N = %d neurons", n),
                MemoryBudget.driftMatchBytes(m, nn, d) + 8L * (4 * nn * nn + 2L * rows * nn),
                "use fewer --neurons or --samples");
        DriftMatcher.Design des = DriftMatcher.design(target, cfg, progress);
        Embedding emb = des.embedding();
        DMatrixRMaj latentTarget = FullRankMatcher.latentTargets(target, cfg, des);
        DMatrixRMaj phi = new DMatrixRMaj(rows, n);
        DMatrixRMaj t = new DMatrixRMaj(rows, n);
        System.arraycopy(des.phi().data, 0, phi.data, 0, m * n);
        DMatrixRMaj onTarget = new DMatrixRMaj(m, n);
        CommonOps_DDRM.multTransB(latentTarget, DMatrixRMaj.wrap(n, d, emb.u()), onTarget);
        System.arraycopy(onTarget.data, 0, t.data, 0, m * n);
        if (off) {
            twins(emb, cfg, des, sparse, offsetSeed(cfg.seed()), phi, t);
        }
        double[] gram = new double[n * n];
        GramProduct.compute(phi.data, rows, n, gram, Parallelism.threads());
        DMatrixRMaj c = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransA(t, phi, c);
        double tt = 0;
        for (double v : t.data) tt += v * v;
        double trace = 0;
        for (int i = 0; i < n; i++) trace += gram[i * n + i];
        double lambda = !Double.isNaN(cfg.lambda()) ? cfg.lambda()
                : Double.isNaN(sparse.relativeLambda()) ? RidgeRegression.fit(des.phi(), latentTarget).lambda()
                : sparse.relativeLambda() * trace / n;
        return new Problem(gram, c, tt, lambda, mask, rows, des, latentTarget);
    }

    /** The smallest number of allowed entries in a row of {@code mask} (row-major N × N). */
    public static int minimumRowColumns(boolean[] mask, int neurons) {
        int min = neurons;
        for (int i = 0; i < neurons; i++) {
            int cnt = 0;
            for (int j = 0; j < neurons; j++) if (mask[i * neurons + j]) cnt++;
            min = Math.min(min, cnt);
        }
        return min;
    }

    /**
     * The mask's seed for a matching seed: the fourth long of its stream (after those of the embedding, the samples
     * and a full-rank bulk).
     */
    public static long maskSeed(long seed) {
        SplittableRandom s = new SplittableRandom(seed);
        s.nextLong();
        s.nextLong();
        s.nextLong();
        return s.nextLong();
    }

    private static long offsetSeed(long seed) {
        SplittableRandom s = new SplittableRandom(seed);
        for (int k = 0; k < 4; k++) s.nextLong();
        return s.nextLong();
    }

    /** The mask, row-major N × N: entry (i, j) is allowed with probability p, from one seeded uniform stream. */
    public static boolean[] mask(int neurons, double p, long seed) {
        boolean[] mask = new boolean[neurons * neurons];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < mask.length; i++) {
            mask[i] = p >= 1 || r.nextDouble() < p;
        }
        return mask;
    }

    /**
     * Off-manifold twins {@code x_n + ξ}, ξ ⟂ span U, rows m … 2m − 1, with targets
     * {@code U(z̃_n + τ f̃_n) + (1 − c) ξ}: the readout drift of the on-manifold sample, and a transverse deviation
     * relaxing at rate c/τ.
     */
    private static void twins(Embedding emb, MatchConfig cfg, DriftMatcher.Design des, SparseConfig sparse, long seed,
                              DMatrixRMaj phi, DMatrixRMaj t) {
        int n = emb.neurons(), d = emb.latent(), m = des.samples();
        StandardNormal g = new StandardNormal(seed);
        double[] xi = new double[n];
        double[] zt = new double[d];
        double[] x = new double[n];
        double keep = 1.0 - sparse.contraction();
        for (int r = 0; r < m; r++) {
            g.fill(xi, 0, n);
            for (int k = 0; k < n; k++) xi[k] *= sparse.transverseScale();
            // Twice, so that the rounding of the first projection leaves no component along U.
            ConstrainedMatcher.projectOut(emb, xi);
            ConstrainedMatcher.projectOut(emb, xi);
            System.arraycopy(des.latent(), r * d, zt, 0, d);
            emb.embed(zt, x);
            int base = (m + r) * n;
            for (int k = 0; k < n; k++) {
                phi.data[base + k] = cfg.activation().value(x[k] + xi[k]);
                t.data[base + k] = t.data[r * n + k] + keep * xi[k];
            }
        }
    }


    /**
     * The masked ridge solution row by row: {@code J_{i,S} = C_{i,S} (G_{SS} + λI)⁻¹} by Cholesky on each
     * |S| × |S| block, 0 off the mask. Rows are dealt to {@code threads} workers; each row's arithmetic is the same
     * whatever the thread count, so the result is bit-identical.
     *
     * @param gram G, N × N row-major, symmetric positive semi-definite
     * @param c    C, N × N row-major
     * @return J, N × N row-major
     */
    static double[] rowRidge(double[] gram, double[] c, boolean[] mask, int n, double lambda, int threads) {
        double[] j = new double[n * n];
        int workers = Math.max(1, Math.min(threads, n));
        if (workers == 1) {
            new RowSolver(n).solveRows(gram, c, mask, n, lambda, j, 0, 1);
            return j;
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread th = new Thread(r, "ddmatch-sparse-rows");
            th.setDaemon(true);
            return th;
        });
        try {
            java.util.List<Future<?>> fs = new java.util.ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int first = w;
                fs.add(pool.submit(() -> new RowSolver(n).solveRows(gram, c, mask, n, lambda, j, first, workers)));
            }
            for (Future<?> f : fs) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while solving the rows of a sparse fit", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return j;
    }

    /** Per-worker buffers of the per-row Cholesky solves, allocated once. */
    private static final class RowSolver {
        final int[] cols;
        final double[] a;
        final double[] y;

        RowSolver(int n) {
            cols = new int[n];
            a = new double[n * n];
            y = new double[n];
        }

        void solveRows(double[] gram, double[] c, boolean[] mask, int n, double lambda, double[] j, int first, int stride) {
            for (int i = first; i < n; i += stride) {
                int s = 0;
                for (int k = 0; k < n; k++) if (mask[i * n + k]) cols[s++] = k;
                for (int p = 0; p < s; p++) {
                    int gp = cols[p] * n;
                    for (int q = 0; q <= p; q++) a[p * s + q] = gram[gp + cols[q]];
                    a[p * s + p] += lambda;
                    y[p] = c[i * n + cols[p]];
                }
                // In-place lower Cholesky (Cholesky–Banachiewicz), then forward and back substitution.
                for (int p = 0; p < s; p++) {
                    for (int q = 0; q <= p; q++) {
                        double sum = a[p * s + q];
                        for (int k = 0; k < q; k++) sum -= a[p * s + k] * a[q * s + k];
                        if (p == q) {
                            if (!(sum > 0)) {
                                throw new IllegalStateException("the Gram block of row " + i + " (" + s
                                        + " allowed columns) is not positive definite at λ = " + lambda + "; raise λ");
                            }
                            a[p * s + p] = Math.sqrt(sum);
                        } else {
                            a[p * s + q] = sum / a[q * s + q];
                        }
                    }
                }
                for (int p = 0; p < s; p++) {
                    double sum = y[p];
                    for (int k = 0; k < p; k++) sum -= a[p * s + k] * y[k];
                    y[p] = sum / a[p * s + p];
                }
                for (int p = s - 1; p >= 0; p--) {
                    double sum = y[p];
                    for (int k = p + 1; k < s; k++) sum -= a[k * s + p] * y[k];
                    y[p] = sum / a[p * s + p];
                }
                for (int p = 0; p < s; p++) j[i * n + cols[p]] = y[p];
            }
        }
    }
}
