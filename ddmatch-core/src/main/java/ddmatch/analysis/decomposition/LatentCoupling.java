package ddmatch.analysis.decomposition;

import ddmatch.rnn.RateNetwork;
import ddmatch.rnn.Standardization;

/**
 * The latent coupling of a rate network, {@code L(z̃) = W diag(φ'(U z̃ + b)) U} (d × d): how the d latent modes drive
 * each other through the neurons at the manifold point {@code x = U z̃ + b}. On the manifold the readout obeys
 * {@code dz̃/dt = (−z̃ + W φ(U z̃ + b))/τ}, whose Jacobian is {@code (−I + L)/τ}; its symmetric part {@code L_S} is the
 * gradient-like (potential) coupling and its antisymmetric part {@code L_A} the rotational one (DESIGN §1.6).
 *
 * <p><b>Coordinates.</b> L is defined in the standardised coordinates {@code z̃ = (z − μ)/s} in which the network was
 * trained. With unequal scales {@code s_i} a rotation of the target is not antisymmetric in z̃ (and a gradient
 * flow not symmetric), so by default the symmetric/antisymmetric split is taken in the target's coordinates,
 * {@code L_z = diag(s) L diag(1/s)}, for which {@code (−I + L_z)/τ = ∂f/∂z} is the Jacobian of the readout drift
 * {@code f(z) = s ⊙ P·drift(x(z))}. {@link Coordinates} selects either.
 *
 * <p><b>Asymmetry index.</b> Over points {@code z_1..z_K} (a trajectory, or samples of the stationary density) the
 * index is the ratio of root-mean-square Frobenius norms, {@code √(Σ_k ‖L_A(z_k)‖²) / √(Σ_k ‖L(z_k)‖²)} ∈ [0, 1]:
 * 0 for a symmetric coupling everywhere, 1 for a purely antisymmetric one. Because L contains the identity that
 * cancels the neurons' leak, the index of a given target depends on {@code τ‖∂f/∂z‖}: for {@code f = −Bz} with
 * {@code B = [[ε, −θ], [θ, ε]]}, {@code L_z = I − τB} and the index is {@code τθ/√((1 − τε)² + τ²θ²)}. The index of
 * the mean coupling, {@code ‖⟨L⟩_A‖/‖⟨L⟩‖}, is reported as well.
 *
 * <p>An instance holds work arrays (N + d doubles) and is not thread-safe; create one per thread.
 *
 * <p>References: C. W. Gardiner, <i>Stochastic Methods</i>, 4th ed., Springer 2009, §5.3 and §6.3 (potential
 * conditions); L. Nartallo-Kaluarachchi, R. Lambiotte and A. Goriely, arXiv:2602.14885 (2026).
 */
public final class LatentCoupling {

    /** The coordinates in which L is expressed. */
    public enum Coordinates {
        /** {@code z̃ = (z − μ)/s}: the coupling exactly as the network implements it. */
        STANDARDISED,
        /** {@code z}: {@code L_z = diag(s) L diag(1/s)}, the Jacobian structure of the target's drift (default). */
        TARGET
    }

    /**
     * Averages of the coupling over a set of points.
     *
     * @param latent           d
     * @param points           number of points K
     * @param coordinates      the coordinates of L
     * @param mean             {@code ⟨L⟩}, row-major d × d
     * @param meanSymmetric    {@code ⟨L⟩_S = (⟨L⟩ + ⟨L⟩ᵀ)/2}
     * @param meanAntisymmetric {@code ⟨L⟩_A = (⟨L⟩ − ⟨L⟩ᵀ)/2}
     * @param rmsNorm          {@code √⟨‖L‖²⟩}
     * @param rmsSymmetricNorm {@code √⟨‖L_S‖²⟩}
     * @param rmsAntisymmetricNorm {@code √⟨‖L_A‖²⟩}
     * @param asymmetryIndex   {@code rmsAntisymmetricNorm/rmsNorm} ∈ [0, 1]
     * @param meanAsymmetryIndex {@code ‖⟨L⟩_A‖/‖⟨L⟩‖} ∈ [0, 1]
     * @param pointwiseIndex   {@code ‖L_A(z_k)‖/‖L(z_k)‖} at each point, in order (along a trajectory: its time course)
     */
    public record Summary(int latent, int points, Coordinates coordinates, double[] mean, double[] meanSymmetric,
                          double[] meanAntisymmetric, double rmsNorm, double rmsSymmetricNorm, double rmsAntisymmetricNorm,
                          double asymmetryIndex, double meanAsymmetryIndex, double[] pointwiseIndex) {
        public Summary {
            if (latent < 1 || points < 1) {
                throw new IllegalArgumentException("Summary: latent = " + latent + ", points = " + points
                        + " are not allowed; both must be ≥ 1");
            }
            Values.length("mean", mean, latent * latent);
            Values.length("meanSymmetric", meanSymmetric, latent * latent);
            Values.length("meanAntisymmetric", meanAntisymmetric, latent * latent);
            Values.length("pointwiseIndex", pointwiseIndex, points);
            Values.nonNegative("rmsNorm", rmsNorm);
            Values.nonNegative("rmsSymmetricNorm", rmsSymmetricNorm);
            Values.nonNegative("rmsAntisymmetricNorm", rmsAntisymmetricNorm);
            Values.inUnit("asymmetryIndex", asymmetryIndex);
            Values.inUnit("meanAsymmetryIndex", meanAsymmetryIndex);
            mean = mean.clone();
            meanSymmetric = meanSymmetric.clone();
            meanAntisymmetric = meanAntisymmetric.clone();
            pointwiseIndex = pointwiseIndex.clone();
        }

        @Override public double[] mean() { return mean.clone(); }

        @Override public double[] meanSymmetric() { return meanSymmetric.clone(); }

        @Override public double[] meanAntisymmetric() { return meanAntisymmetric.clone(); }

        @Override public double[] pointwiseIndex() { return pointwiseIndex.clone(); }

        @Override
        public String toString() {
            return String.format("LatentCoupling.Summary[d=%d, K=%d, %s coordinates, asymmetry index √⟨‖L_A‖²⟩/√⟨‖L‖²⟩ = %.4f, "
                    + "of the mean coupling %.4f]", latent, points, coordinates, asymmetryIndex, meanAsymmetryIndex);
        }
    }

    private final RateNetwork network;
    private final int n;
    private final int d;
    private final double[] u;
    private final double[] w;
    private final double[] b;
    private final Standardization st;
    private final double[] x;
    private final double[] zt;

    /** A coupling evaluator for {@code network}. */
    public LatentCoupling(RateNetwork network) {
        this.network = network;
        this.n = network.neurons();
        this.d = network.latentDimension();
        this.u = network.embedding().u();
        this.w = network.readInWeights();
        this.b = network.embedding().tonic();
        this.st = network.standardization();
        this.x = new double[n];
        this.zt = new double[d];
    }

    public RateNetwork network() { return network; }

    /**
     * Writes {@code L(z̃)} (row-major d × d) at the standardised latent point {@code zt}: cost O(N·d²).
     *
     * @param zt  z̃, length d
     * @param out receives L, length d²
     */
    public void standardised(double[] zt, double[] out) {
        for (int j = 0; j < n; j++) {
            double s = b[j];
            for (int k = 0; k < d; k++) s += u[j * d + k] * zt[k];
            x[j] = network.activation().derivative(s);
        }
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < d; k++) {
                double s = 0;
                for (int j = 0; j < n; j++) s += w[i * n + j] * x[j] * u[j * d + k];
                out[i * d + k] = s;
            }
        }
    }

    /**
     * Writes {@code L_z = diag(s) L(z̃) diag(1/s)} at the target-coordinate point {@code z}; {@code (−I + L_z)/τ} is
     * the Jacobian of the readout drift in the target's coordinates.
     */
    public void target(double[] z, double[] out) {
        st.toLatent(z, zt);
        standardised(zt, out);
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < d; k++) out[i * d + k] *= st.scale(i) / st.scale(k);
        }
    }

    /**
     * Writes the Jacobian {@code ∂f/∂z = (−I + L_z)/τ} of the readout drift at the target-coordinate point {@code z}.
     */
    public void driftJacobian(double[] z, double[] out) {
        target(z, out);
        double inv = 1.0 / network.tau();
        for (int i = 0; i < d * d; i++) out[i] *= inv;
        for (int i = 0; i < d; i++) out[i * d + i] -= inv;
    }

    /**
     * Averages the coupling over points given in the target's coordinates.
     *
     * @param points      row-major K × d, in the target's coordinates (e.g. a readout trajectory, or samples of the
     *                    stationary density); K ≥ 1
     * @param coordinates where L is split into symmetric and antisymmetric parts ({@link Coordinates#TARGET} unless
     *                    the standardised coupling is wanted)
     */
    public Summary summarize(double[] points, Coordinates coordinates) {
        if (points.length == 0 || points.length % d != 0) {
            throw new IllegalArgumentException("points has length " + points.length + "; expected a positive multiple of d = " + d);
        }
        Values.finite("points", points);
        int k = points.length / d;
        double[] z = new double[d];
        double[] l = new double[d * d];
        double[] mean = new double[d * d];
        double[] pointwise = new double[k];
        double all = 0, sym = 0, anti = 0;
        for (int r = 0; r < k; r++) {
            System.arraycopy(points, r * d, z, 0, d);
            if (coordinates == Coordinates.TARGET) {
                target(z, l);
            } else {
                st.toLatent(z, zt);
                standardised(zt, l);
            }
            double[] parts = splitNorms(l, d);
            all += parts[0];
            sym += parts[1];
            anti += parts[2];
            pointwise[r] = parts[0] > 0 ? Math.sqrt(parts[2] / parts[0]) : 0.0;
            for (int i = 0; i < d * d; i++) mean[i] += l[i];
        }
        for (int i = 0; i < d * d; i++) mean[i] /= k;
        double[] ms = new double[d * d], ma = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                ms[i * d + j] = 0.5 * (mean[i * d + j] + mean[j * d + i]);
                ma[i * d + j] = 0.5 * (mean[i * d + j] - mean[j * d + i]);
            }
        }
        double[] mp = splitNorms(mean, d);
        return new Summary(d, k, coordinates, mean, ms, ma, Math.sqrt(all / k), Math.sqrt(sym / k), Math.sqrt(anti / k),
                all > 0 ? Math.sqrt(anti / all) : 0.0, mp[0] > 0 ? Math.sqrt(mp[2] / mp[0]) : 0.0, pointwise);
    }

    /** {@code [‖L‖², ‖L_S‖², ‖L_A‖²]} (Frobenius). */
    static double[] splitNorms(double[] l, int d) {
        double all = 0, sym = 0, anti = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double a = l[i * d + j], c = l[j * d + i];
                all += a * a;
                sym += 0.25 * (a + c) * (a + c);
                anti += 0.25 * (a - c) * (a - c);
            }
        }
        return new double[] {all, sym, anti};
    }
}
