package ddmatch.fit;

import ddmatch.rnn.DenseRateNetwork;
import ddmatch.rnn.Embedding;
import ddmatch.rnn.Standardization;
import ddmatch.sde.Sde;
import ddmatch.solve.ProgressListener;
import ddmatch.solve.StandardNormal;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Drift matching of a dense connectivity under constraints the closed form cannot express — Dale's law, a sparsity
 * mask, bounded weights (DESIGN §1.4, constrained variant) — by accelerated projected gradient.
 *
 * <p><b>Description.</b> The loss is the quadratic matching loss
 * {@code L(J) = Σ_n ‖J φ_n − t_n‖² + λ‖J‖²_F = tr(J G Jᵀ) − 2 tr(J Cᵀ) + ‖T‖² + λ‖J‖²_F} with the shared Gram
 * matrix {@code G = ΦᵀΦ} and {@code C = TᵀΦ}, both N × N and formed once; its gradient is
 * {@code 2(J G − C + λJ)}. Every constraint is a box on the entries of J, so the Euclidean projection is an entrywise
 * clamp. FISTA (Beck and Teboulle, SIAM J. Imaging Sci. 2, 183, 2009) with step 1/L,
 * {@code L = 2(λ_max(G) + λ)} from power iteration, and the function-value adaptive restart of O'Donoghue and Candès
 * (Found. Comput. Math. 15, 715, 2015). One N × N × N product per iteration: only {@code J_k G} is formed, and the
 * product at the extrapolated point is its linear combination with {@code J_{k−1} G}. The loss of each iterate is
 * recorded.
 *
 * <p><b>Samples and targets.</b> Matching on the manifold alone is not enough: a sign-constrained J fitted that way
 * reproduces the on-manifold drift yet the simulated network leaves the manifold (DESIGN, measured). So every
 * on-manifold sample {@code x_n = U z̃_n + b} (target {@code J φ = U(z̃_n + τ f̃_n)}) gets an off-manifold twin
 * {@code x = U z̃_n + b + ξ}, {@code ξ ⟂ span U} with σ_ξ per unit, whose target makes the transverse drift contract:
 * requiring {@code (1/τ)(−x + J φ(x) + b) = −c ξ/τ + U f̃(z̃_n)} gives {@code J φ(x) = U(z̃_n + τ f̃_n) + (1 − c) ξ}.
 */
public final class ConstrainedMatcher {
    private ConstrainedMatcher() {}

    /**
     * Trains a constrained dense network for {@code target}.
     *
     * @param target      the system (additive or no noise)
     * @param cfg         N, τ, φ, σ_b, sampling and seed (the embedding and samples are those of {@link DriftMatcher});
     *                    its λ, if given, is used in absolute units, otherwise {@code constraints.relativeLambda()}
     * @param constraints the constraints, the off-manifold samples and the iteration count
     * @param progress    progress receiver for the sampling run
     * @return the network, its training errors and the loss curve (loss of each iterate, absolute)
     */
    public static DenseTrainingResult train(Sde target, MatchConfig cfg, Constraints constraints, ProgressListener progress) {
        long start = System.nanoTime();
        FullRankMatcher.requireAdditive(target, cfg);
        DriftMatcher.Design des = DriftMatcher.design(target, cfg, progress);
        int d = target.dimension();
        int n = cfg.neurons();
        int m = des.samples();
        Standardization st = des.standardization();
        Embedding emb = des.embedding();
        SplittableRandom seeds = new SplittableRandom(cfg.seed());
        seeds.nextLong();
        seeds.nextLong();
        seeds.nextLong();
        long maskSeed = seeds.nextLong();
        long offSeed = seeds.nextLong();

        DMatrixRMaj latentTarget = FullRankMatcher.latentTargets(target, cfg, des);
        boolean off = constraints.transverseScale() > 0;
        int rows = off ? 2 * m : m;
        DMatrixRMaj phi = new DMatrixRMaj(rows, n);
        DMatrixRMaj t = new DMatrixRMaj(rows, n);
        System.arraycopy(des.phi().data, 0, phi.data, 0, m * n);
        DMatrixRMaj onTarget = new DMatrixRMaj(m, n);
        CommonOps_DDRM.multTransB(latentTarget, DMatrixRMaj.wrap(n, d, emb.u()), onTarget);
        System.arraycopy(onTarget.data, 0, t.data, 0, m * n);
        if (off) {
            StandardNormal g = new StandardNormal(offSeed);
            double[] xi = new double[n];
            double[] zt = new double[d];
            double[] x = new double[n];
            double keep = 1.0 - constraints.contraction();
            double[][] modes = populationModes(emb, constraints.excitatoryCount(n));
            for (int r = 0; r < m; r++) {
                g.fill(xi, 0, n);
                for (double[] mode : modes) {
                    double a = g.next();
                    for (int k = 0; k < n; k++) xi[k] += a * mode[k];
                }
                for (int k = 0; k < n; k++) xi[k] *= constraints.transverseScale();
                projectOut(emb, xi);
                projectOut(emb, xi);
                System.arraycopy(des.latent(), r * d, zt, 0, d);
                emb.embed(zt, x);
                int base = (m + r) * n;
                for (int k = 0; k < n; k++) {
                    phi.data[base + k] = cfg.activation().value(x[k] + xi[k]);
                    t.data[base + k] = onTarget.data[r * n + k] + keep * xi[k];
                }
            }
        }
        double[] gram = new double[n * n];
        GramProduct.compute(phi.data, rows, n, gram, Runtime.getRuntime().availableProcessors());
        DMatrixRMaj gm = DMatrixRMaj.wrap(n, n, gram);
        DMatrixRMaj c = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransA(t, phi, c);
        double tt = 0;
        for (double v : t.data) tt += v * v;
        double trace = 0;
        for (int i = 0; i < n; i++) trace += gram[i * n + i];
        double lambda = Double.isNaN(cfg.lambda()) ? constraints.relativeLambda() * trace / n : cfg.lambda();

        double[] lo = new double[n * n];
        double[] hi = new double[n * n];
        constraints.bounds(n, maskSeed, lo, hi);
        Solution sol = fista(gm, c, tt, lambda, lo, hi, constraints.iterations());
        DenseRateNetwork net = FullRankMatcher.network(target, cfg, emb, st, sol.connectivity());
        double[] err = DenseErrors.onSamples(net, des, latentTarget, cfg.tau());
        return new DenseTrainingResult(net, cfg, lambda, err[0], err[1], rows, sol.lossCurve(),
                (System.nanoTime() - start) * 1e-9);
    }

    /** The constrained minimiser found and the loss of every iterate (entry k: after k + 1 iterations). */
    record Solution(double[] connectivity, double[] lossCurve) {}

    /**
     * FISTA with adaptive restart for {@code min tr(J G Jᵀ) − 2 tr(J Cᵀ) + tt + λ‖J‖²} subject to
     * {@code lo ≤ J ≤ hi} entrywise, started from the projection of 0.
     *
     * @param g  G, N × N symmetric positive semi-definite
     * @param c  C, N × N
     * @param tt ‖T‖² (only shifts the recorded loss)
     */
    static Solution fista(DMatrixRMaj g, DMatrixRMaj c, double tt, double lambda, double[] lo, double[] hi, int iterations) {
        int n = g.numRows;
        int nn = n * n;
        double lip = 2.0 * (largestEigenvalue(g) + lambda) * 1.01;   // 1% margin over the power-iteration estimate
        double step = 1.0 / lip;
        DMatrixRMaj j = new DMatrixRMaj(n, n);
        for (int i = 0; i < nn; i++) j.data[i] = clamp(0.0, lo[i], hi[i]);
        DMatrixRMaj jg = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(j, g, jg);
        double[] jOld = j.data.clone();
        double[] jgOld = jg.data.clone();
        double current = loss(j.data, jg.data, c.data, tt, lambda);
        double[] curve = new double[iterations];
        double tk = 1.0;
        double beta = 0.0;
        for (int k = 0; k < iterations; k++) {
            // Extrapolated point Y = J_k + β(J_k − J_{k−1}), Y·G by linearity, gradient step, projection (a clamp).
            for (int i = 0; i < nn; i++) {
                double ji = j.data[i];
                double jgi = jg.data[i];
                double yi = ji + beta * (ji - jOld[i]);
                double yg = jgi + beta * (jgi - jgOld[i]);
                jOld[i] = ji;
                jgOld[i] = jgi;
                j.data[i] = clamp(yi - step * 2.0 * (yg - c.data[i] + lambda * yi), lo[i], hi[i]);
            }
            CommonOps_DDRM.mult(j, g, jg);
            double next = loss(j.data, jg.data, c.data, tt, lambda);
            double tNext = 0.5 * (1.0 + Math.sqrt(1.0 + 4.0 * tk * tk));
            if (next > current) {
                // Function-value restart: drop the momentum.
                tNext = 1.0;
                beta = 0.0;
            } else {
                beta = (tk - 1.0) / tNext;
            }
            tk = tNext;
            current = next;
            curve[k] = next;
        }
        return new Solution(j.data, curve);
    }

    /**
     * The uniform modes of the excitatory and of the inhibitory population (indicator vectors), projected out of span U
     * and scaled to RMS 1 per unit. Random offsets ξ put only ~1/N of their energy on these directions, yet a
     * sign-constrained J acts on them strongly (all weights of a column share a sign): an excess of excitation makes
     * the uniform mode grow. Offsets along them ask the fit for E/I balance.
     */
    private static double[][] populationModes(Embedding emb, int excitatory) {
        int n = emb.neurons();
        java.util.List<double[]> modes = new java.util.ArrayList<>();
        for (int pop = 0; pop < 2; pop++) {
            int from = pop == 0 ? 0 : excitatory;
            int to = pop == 0 ? excitatory : n;
            if (to - from < 1) {
                continue;
            }
            double[] v = new double[n];
            for (int k = from; k < to; k++) v[k] = 1.0;
            projectOut(emb, v);
            projectOut(emb, v);
            double ss = 0;
            for (double x : v) ss += x * x;
            double rms = Math.sqrt(ss / n);
            if (rms < 1e-12) {
                continue;
            }
            for (int k = 0; k < n; k++) v[k] /= rms;
            modes.add(v);
        }
        return modes.toArray(new double[0][]);
    }

    private static void projectOut(Embedding emb, double[] v) {
        int n = emb.neurons(), d = emb.latent();
        double[] u = emb.u();
        for (int k = 0; k < d; k++) {
            double dot = 0;
            for (int j = 0; j < n; j++) dot += u[j * d + k] * v[j];
            dot /= n;
            for (int j = 0; j < n; j++) v[j] -= dot * u[j * d + k];
        }
    }

    private static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : (v > hi ? hi : v);
    }

    /** {@code tr(J G Jᵀ) − 2 tr(J Cᵀ) + tt + λ‖J‖²} given {@code J G}. */
    static double loss(double[] j, double[] jg, double[] c, double tt, double lambda) {
        double quad = 0, lin = 0, reg = 0;
        for (int i = 0; i < j.length; i++) {
            quad += j[i] * jg[i];
            lin += j[i] * c[i];
            reg += j[i] * j[i];
        }
        return quad - 2.0 * lin + tt + lambda * reg;
    }

    /** Largest eigenvalue of the symmetric positive semi-definite {@code g} by power iteration (200 steps). */
    static double largestEigenvalue(DMatrixRMaj g) {
        int n = g.numRows;
        DMatrixRMaj v = new DMatrixRMaj(n, 1);
        DMatrixRMaj w = new DMatrixRMaj(n, 1);
        java.util.Arrays.fill(v.data, 1.0 / Math.sqrt(n));
        double e = 0;
        for (int it = 0; it < 200; it++) {
            CommonOps_DDRM.mult(g, v, w);
            double nrm = 0;
            for (double x : w.data) nrm += x * x;
            nrm = Math.sqrt(nrm);
            if (nrm == 0) {
                return 0;
            }
            e = nrm;
            CommonOps_DDRM.scale(1.0 / nrm, w, v);
        }
        return e;
    }
}
