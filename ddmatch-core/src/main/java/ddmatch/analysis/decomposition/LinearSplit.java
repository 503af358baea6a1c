package ddmatch.analysis.decomposition;

import ddmatch.analysis.EntropyProduction;
import ddmatch.fit.DriftField;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The reversible/irreversible split of a linear drift {@code f(z) = −B z} with constant diffusion matrix
 * {@code D = ½GGᵀ} (DESIGN §1.6).
 *
 * <p><b>Description.</b> The stationary covariance S solves {@code B S + S Bᵀ = 2D}
 * ({@link EntropyProduction#lyapunovSolve}); {@code Q = B S − D} is antisymmetric. Then
 * {@code f_rev = D ∇log p = −D S⁻¹ z} (the part that is odd under time reversal of the probability flux: it balances
 * diffusion exactly) and {@code f_irr = f − f_rev = −Q S⁻¹ z}, whose probability current {@code j = f_irr p} is
 * divergence-free. The entropy production rate is {@code Φ = ⟨f_irrᵀ D⁻¹ f_irr⟩_p = tr(S⁻¹ Qᵀ D⁻¹ Q)}.
 * For {@code B = [[2, −θ], [θ, 2]]}, {@code D = εI}: {@code S = (ε/2)I}, {@code f_rev = −2z},
 * {@code f_irr = θ (z₂, −z₁)}, {@code Φ = θ²}; scaling the irreversible part by α gives {@code B_α = [[2, −αθ], [αθ, 2]]}
 * with the same S and {@code Φ = (αθ)²}.
 *
 * <p>References: C. W. Gardiner, <i>Stochastic Methods</i>, 4th ed., Springer 2009, §4.5.6 and §6.3; U. Seifert,
 * Rep. Prog. Phys. 75, 126001 (2012); C. Godrèche and J.-M. Luck, J. Phys. A 52, 035002 (2019).
 *
 * @param d            dimension
 * @param b            B, row-major d × d
 * @param diffusion    D, row-major d × d
 * @param covariance   S, the stationary covariance
 * @param circulation  Q = B S − D (antisymmetric)
 * @param reversible   {@code A_rev = −D S⁻¹}: {@code f_rev(z) = A_rev z}
 * @param irreversible {@code A_irr = −Q S⁻¹}: {@code f_irr(z) = A_irr z}
 * @param entropyProduction Φ = tr(S⁻¹ Qᵀ D⁻¹ Q) (1/time)
 */
public record LinearSplit(int d, double[] b, double[] diffusion, double[] covariance, double[] circulation,
                          double[] reversible, double[] irreversible, double entropyProduction) {
    public LinearSplit {
        if (d < 1) {
            throw new IllegalArgumentException("d = " + d + " is not allowed; it must be ≥ 1");
        }
        for (double[] a : new double[][] {b, diffusion, covariance, circulation, reversible, irreversible}) {
            Values.length("matrix", a, d * d);
        }
        Values.nonNegative("entropyProduction", entropyProduction);
        b = b.clone();
        diffusion = diffusion.clone();
        covariance = covariance.clone();
        circulation = circulation.clone();
        reversible = reversible.clone();
        irreversible = irreversible.clone();
    }

    /**
     * Splits {@code f = −B z}.
     *
     * @param b    B, row-major d × d, stable (eigenvalues with positive real part)
     * @param dmat D, row-major d × d, symmetric positive definite
     * @param d    dimension ≥ 1
     */
    public static LinearSplit of(double[] b, double[] dmat, int d) {
        double[] q = EntropyProduction.circulationMatrix(b, dmat, d);
        double[] s = EntropyProduction.lyapunovSolve(b, dmat, d);
        // A_rev = −D S⁻¹ and A_irr = −Q S⁻¹: solve S Xᵀ = (−D)ᵀ etc. (S symmetric).
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(d);
        if (!chol.setA(DMatrixRMaj.wrap(d, d, s.clone()))) {
            throw new IllegalArgumentException("the stationary covariance " + java.util.Arrays.toString(s)
                    + " of B = " + java.util.Arrays.toString(b) + " is not positive definite");
        }
        DMatrixRMaj rhs = new DMatrixRMaj(d, 2 * d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                rhs.set(i, j, -dmat[j * d + i]);
                rhs.set(i, d + j, -q[j * d + i]);
            }
        }
        DMatrixRMaj xt = new DMatrixRMaj(d, 2 * d);
        chol.solve(rhs, xt);
        double[] rev = new double[d * d], irr = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                rev[i * d + j] = xt.get(j, i);
                irr[i * d + j] = xt.get(j, d + i);
            }
        }
        double phi = EntropyProduction.linear(b, dmat, d);
        return new LinearSplit(d, b, dmat, s, q, rev, irr, Math.max(0.0, phi));
    }

    @Override public double[] b() { return b.clone(); }

    @Override public double[] diffusion() { return diffusion.clone(); }

    @Override public double[] covariance() { return covariance.clone(); }

    @Override public double[] circulation() { return circulation.clone(); }

    @Override public double[] reversible() { return reversible.clone(); }

    @Override public double[] irreversible() { return irreversible.clone(); }

    /** {@code f_rev(z) = A_rev z} as a drift field. */
    public DriftField reversibleField() {
        return linearField(reversible, d);
    }

    /** {@code f_irr(z) = A_irr z} as a drift field. */
    public DriftField irreversibleField() {
        return linearField(irreversible, d);
    }

    static DriftField linearField(double[] a, int d) {
        double[] m = a.clone();
        return (z, out) -> {
            for (int i = 0; i < d; i++) {
                double s = 0;
                for (int j = 0; j < d; j++) s += m[i * d + j] * z[j];
                out[i] = s;
            }
        };
    }
}
