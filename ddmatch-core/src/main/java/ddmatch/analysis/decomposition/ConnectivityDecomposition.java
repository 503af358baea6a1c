package ddmatch.analysis.decomposition;

import ddmatch.rnn.RateNetwork;
import ddmatch.solve.StandardNormal;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Symmetric/antisymmetric decomposition of the low-rank connectivity {@code J = U W} of a {@link RateNetwork}:
 * {@code J_S = (J + Jᵀ)/2}, {@code J_A = (J − Jᵀ)/2}, their Frobenius norms, the ratio {@code ‖J_A‖/‖J‖}, and the
 * nonzero eigenvalues of {@code J}, {@code J_S} and {@code J_A} — always reported next to a random-embedding null.
 *
 * <p><b>Why the null.</b> For {@code J = U W} with U (N × d) and W (d × N) in general position,
 * {@code ‖J_S‖² = (‖J‖² + tr J²)/2} and {@code ‖J_A‖² = (‖J‖² − tr J²)/2}, and {@code tr J² = tr (W U)²} involves only
 * the d × d matrix {@code W U}, while {@code ‖J‖²} grows with N. So {@code ‖J_A‖/‖J‖ → 1/√2} for large N whatever the
 * target (DESIGN §1.6, measured): the ratio alone says nothing about the dynamics. The null replaces each row
 * {@code w_i} of W by an isotropic Gaussian vector of the same norm (U kept), averaged over independent draws.
 * The informative decompositions are {@link LatentCoupling} and {@link ConnectivitySplit}.
 *
 * <p><b>Algorithm.</b> Nothing of size N × N is formed. With {@code G_U = UᵀU}, {@code G_W = W Wᵀ} and
 * {@code C = W U} (all d × d): {@code ‖J‖_F² = tr(G_U G_W)}, {@code tr J² = tr C²}; the nonzero eigenvalues of
 * {@code U W} are those of {@code C} (Sylvester's determinant identity; the other N − d are 0). Writing
 * {@code J_S = A M_S Aᵀ} and {@code J_A = A M_A Aᵀ} with {@code A = [U, Wᵀ]} (N × 2d), {@code M_S = ½[[0, I], [I, 0]]},
 * {@code M_A = ½[[0, I], [−I, 0]]}, their nonzero eigenvalues are those of the 2d × 2d matrices {@code M AᵀA},
 * {@code AᵀA = [[G_U, Cᵀ], [C, G_W]]} (EJML general eigensolver). {@code J_S} has rank ≤ 2d and real spectrum;
 * {@code J_A} has purely imaginary eigenvalues in ± pairs.
 *
 * <p>References: R. A. Horn and C. R. Johnson, <i>Matrix Analysis</i>, 2nd ed., Cambridge 2013, Thm. 1.3.22 (spectra
 * of AB and BA); F. Mastrogiuseppe and S. Ostojic, "Linking connectivity, dynamics, and computations in low-rank
 * recurrent neural networks", Neuron 99, 609 (2018); L. Nartallo-Kaluarachchi, R. Lambiotte and A. Goriely,
 * arXiv:2602.14885 (2026).
 */
public final class ConnectivityDecomposition {
    private ConnectivityDecomposition() {}

    /**
     * The decomposition of one connectivity and its random-embedding null.
     *
     * @param neurons          N
     * @param latent           d
     * @param norm             {@code ‖J‖_F}
     * @param symmetricNorm    {@code ‖J_S‖_F}
     * @param antisymmetricNorm {@code ‖J_A‖_F}
     * @param asymmetryRatio   {@code ‖J_A‖_F/‖J‖_F} ∈ [0, 1]
     * @param nullRatio        mean of the same ratio over the null draws (≈ 1/√2 for large N)
     * @param nullRatioStd     standard deviation of the ratio over the null draws (NaN for one draw)
     * @param nullDraws        number of null draws (≥ 1)
     * @param eigenReal        real parts of the d nonzero-block eigenvalues of J (those of W U), by decreasing real part
     * @param eigenImag        imaginary parts, same order
     * @param symmetricEigenvalues     the 2d eigenvalues of {@code J_S} outside its null space, decreasing (real)
     * @param antisymmetricEigenvalues imaginary parts of the 2d eigenvalues of {@code J_A} outside its null space,
     *                                 decreasing (they come in ± pairs)
     */
    public record Result(int neurons, int latent, double norm, double symmetricNorm, double antisymmetricNorm,
                         double asymmetryRatio, double nullRatio, double nullRatioStd, int nullDraws, double[] eigenReal,
                         double[] eigenImag, double[] symmetricEigenvalues, double[] antisymmetricEigenvalues) {
        public Result {
            if (latent < 1 || neurons < latent) {
                throw new IllegalArgumentException("Result: neurons = " + neurons + ", latent = " + latent
                        + " are not allowed; need 1 ≤ latent ≤ neurons");
            }
            Values.nonNegative("norm", norm);
            Values.nonNegative("symmetricNorm", symmetricNorm);
            Values.nonNegative("antisymmetricNorm", antisymmetricNorm);
            Values.inUnit("asymmetryRatio", asymmetryRatio);
            Values.inUnit("nullRatio", nullRatio);
            if (nullDraws < 1) {
                throw new IllegalArgumentException("nullDraws = " + nullDraws + " is not allowed; it must be ≥ 1");
            }
            Values.length("eigenReal", eigenReal, latent);
            Values.length("eigenImag", eigenImag, latent);
            Values.length("symmetricEigenvalues", symmetricEigenvalues, 2 * latent);
            Values.length("antisymmetricEigenvalues", antisymmetricEigenvalues, 2 * latent);
            eigenReal = eigenReal.clone();
            eigenImag = eigenImag.clone();
            symmetricEigenvalues = symmetricEigenvalues.clone();
            antisymmetricEigenvalues = antisymmetricEigenvalues.clone();
        }

        /** The ratio relative to its null, {@code asymmetryRatio/nullRatio}: ≈ 1 means "as asymmetric as chance". */
        public double ratioToNull() { return asymmetryRatio / nullRatio; }

        @Override public double[] eigenReal() { return eigenReal.clone(); }

        @Override public double[] eigenImag() { return eigenImag.clone(); }

        @Override public double[] symmetricEigenvalues() { return symmetricEigenvalues.clone(); }

        @Override public double[] antisymmetricEigenvalues() { return antisymmetricEigenvalues.clone(); }

        @Override
        public String toString() {
            return String.format("ConnectivityDecomposition[N=%d, d=%d, ‖J‖=%.4g, ‖J_S‖=%.4g, ‖J_A‖=%.4g, "
                    + "‖J_A‖/‖J‖=%.4f (random-embedding null %.4f ± %.4f over %d draws), eig(J)≠0: re %s im %s]",
                    neurons, latent, norm, symmetricNorm, antisymmetricNorm, asymmetryRatio, nullRatio, nullRatioStd,
                    nullDraws, Arrays.toString(eigenReal), Arrays.toString(eigenImag));
        }
    }

    /** {@link #of(RateNetwork, int, long)} with 20 null draws and seed 1. */
    public static Result of(RateNetwork network) {
        return of(network, 20, 1L);
    }

    /**
     * Decomposes the network's connectivity {@code J = U W}.
     *
     * @param network   the network (U from its embedding, W its read-in weights)
     * @param nullDraws number of random-W draws for the null (≥ 1; default 20)
     * @param seed      seed of the null draws
     */
    public static Result of(RateNetwork network, int nullDraws, long seed) {
        double[] w0 = network.populationWeights();
        if (w0 == null) {
            return of(network.embedding().u(), network.readInWeights(), network.neurons(), network.latentDimension(),
                    nullDraws, seed);
        }
        // A population mode is one more factor: J = [U, 1] [W; w₀ᵀ].
        int n = network.neurons(), d = network.latentDimension(), q = d + 1;
        double[] u = network.embedding().u();
        double[] uq = new double[n * q];
        for (int j = 0; j < n; j++) {
            System.arraycopy(u, j * d, uq, j * q, d);
            uq[j * q + d] = 1.0;
        }
        double[] wq = java.util.Arrays.copyOf(network.readInWeights(), q * n);
        System.arraycopy(w0, 0, wq, d * n, n);
        return of(uq, wq, n, q, nullDraws, seed);
    }

    /**
     * Decomposes {@code J = U W} given as factors.
     *
     * @param u U, row-major N × d
     * @param w W, row-major d × N
     */
    public static Result of(double[] u, double[] w, int n, int d, int nullDraws, long seed) {
        if (d < 1 || n < d || u.length != n * d || w.length != d * n) {
            throw new IllegalArgumentException("U has " + u.length + " and W " + w.length + " entries for N = " + n
                    + ", d = " + d + "; expected N·d each with 1 ≤ d ≤ N");
        }
        if (nullDraws < 1) {
            throw new IllegalArgumentException("nullDraws = " + nullDraws + " is not allowed; it must be ≥ 1");
        }
        DMatrixRMaj um = DMatrixRMaj.wrap(n, d, u);
        DMatrixRMaj wm = DMatrixRMaj.wrap(d, n, w);
        DMatrixRMaj gu = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multInner(um, gu);
        double[] norms = norms(um, wm, gu);
        double ratio = Math.sqrt(norms[2] / norms[0]);

        // Null: each row of W replaced by an isotropic Gaussian direction of the same norm.
        StandardNormal g = new StandardNormal(seed);
        DMatrixRMaj wr = new DMatrixRMaj(d, n);
        double sum = 0, sum2 = 0;
        for (int draw = 0; draw < nullDraws; draw++) {
            g.fill(wr.data, 0, wr.data.length);
            for (int i = 0; i < d; i++) {
                double target = 0, have = 0;
                for (int j = 0; j < n; j++) {
                    target += w[i * n + j] * w[i * n + j];
                    have += wr.data[i * n + j] * wr.data[i * n + j];
                }
                double f = Math.sqrt(target / have);
                for (int j = 0; j < n; j++) wr.data[i * n + j] *= f;
            }
            double[] nr = norms(um, wr, gu);
            double r = Math.sqrt(nr[2] / nr[0]);
            sum += r;
            sum2 += r * r;
        }
        double nullMean = sum / nullDraws;
        double nullStd = nullDraws > 1 ? Math.sqrt(Math.max(0, (sum2 - nullDraws * nullMean * nullMean) / (nullDraws - 1)))
                : Double.NaN;

        // Spectra from d × d and 2d × 2d matrices.
        DMatrixRMaj c = new DMatrixRMaj(d, d);
        CommonOps_DDRM.mult(wm, um, c);
        double[][] eig = eigenvalues(c);
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(eig[0][b], eig[0][a]));
        double[] re = new double[d], im = new double[d];
        for (int i = 0; i < d; i++) {
            re[i] = eig[0][order[i]];
            im[i] = eig[1][order[i]];
        }
        DMatrixRMaj gw = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multOuter(wm, gw);
        DMatrixRMaj ms = new DMatrixRMaj(2 * d, 2 * d);
        DMatrixRMaj ma = new DMatrixRMaj(2 * d, 2 * d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                // M_S AᵀA = ½[[C, G_W], [G_U, Cᵀ]]; M_A AᵀA = ½[[C, G_W], [−G_U, −Cᵀ]].
                double cij = 0.5 * c.get(i, j), gwij = 0.5 * gw.get(i, j), guij = 0.5 * gu.get(i, j), cji = 0.5 * c.get(j, i);
                ms.set(i, j, cij);
                ms.set(i, d + j, gwij);
                ms.set(d + i, j, guij);
                ms.set(d + i, d + j, cji);
                ma.set(i, j, cij);
                ma.set(i, d + j, gwij);
                ma.set(d + i, j, -guij);
                ma.set(d + i, d + j, -cji);
            }
        }
        double[] sym = eigenvalues(ms)[0];
        double[] anti = eigenvalues(ma)[1];
        sortDescending(sym);
        sortDescending(anti);
        return new Result(n, d, Math.sqrt(norms[0]), Math.sqrt(norms[1]), Math.sqrt(norms[2]), ratio, nullMean, nullStd,
                nullDraws, re, im, sym, anti);
    }

    /** {@code [‖J‖², ‖J_S‖², ‖J_A‖²]} of {@code J = U W}, from d × d products only. */
    private static double[] norms(DMatrixRMaj um, DMatrixRMaj wm, DMatrixRMaj gu) {
        int d = gu.numRows;
        DMatrixRMaj gw = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multOuter(wm, gw);
        DMatrixRMaj c = new DMatrixRMaj(d, d);
        CommonOps_DDRM.mult(wm, um, c);
        double total = 0, tr2 = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                total += gu.get(i, j) * gw.get(j, i);
                tr2 += c.get(i, j) * c.get(j, i);
            }
        }
        double s2 = Math.max(0, 0.5 * (total + tr2));
        double a2 = Math.max(0, 0.5 * (total - tr2));
        return new double[] {total, s2, a2};
    }

    /** Real and imaginary parts of the eigenvalues of a square matrix (EJML general eigensolver). */
    static double[][] eigenvalues(DMatrixRMaj a) {
        int n = a.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false);
        if (!eig.decompose(a.copy())) {
            throw new IllegalStateException("eigendecomposition of a " + n + " × " + n + " matrix failed");
        }
        double[][] out = new double[2][n];
        for (int i = 0; i < n; i++) {
            out[0][i] = eig.getEigenvalue(i).real;
            out[1][i] = eig.getEigenvalue(i).imaginary;
        }
        return out;
    }

    private static void sortDescending(double[] a) {
        Arrays.sort(a);
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
