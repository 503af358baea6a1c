package ddmatch.cli;

import ddmatch.fit.RidgeSolution;
import ddmatch.rnn.RateNetwork;
import ddmatch.sde.Sde;
import ddmatch.solve.Scheme;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Conditions that do not stop a command but may spoil its result, each turned into a warning line for stderr: λ at the
 * upper edge of the GCV grid (the lower end is the rounding floor, where the fit is at working precision: no warning), the Cholesky → eigendecomposition fallback, and a time step close to the explicit stability
 * limit (for the network's transverse decay at rate 1/τ, and for the target's linearisation at its initial state).
 */
final class Warnings {
    /** Stability limits on −h·λ for real negative λ: Euler–Maruyama |1 + hλ| &lt; 1; RK4 its degree-4 Taylor polynomial. */
    private static final double EULER_LIMIT = 2.0;
    private static final double RK4_LIMIT = 2.785;
    /** A step counts as close to the limit from this fraction of it on. */
    private static final double CLOSE = 0.5;

    private Warnings() {}

    static double limitOf(Scheme scheme) {
        return scheme.name().equals("rk4") ? RK4_LIMIT : EULER_LIMIT;
    }

    /** λ selection and factorisation of a fit. */
    static List<String> ofRidge(RidgeSolution ridge, boolean selectedByGcv) {
        List<String> w = new ArrayList<>();
        if (selectedByGcv && ridge.atGridEdge()) {
            w.add(String.format("λ = %.3e (%.1e × trace scale) is at the upper edge of the selection grid (1 × scale); the"
                    + " optimum may lie beyond it: check the samples or fix λ with --lambda", ridge.lambda(),
                    ridge.lambda() / ridge.lambdaScale()));
        }
        if (!ridge.positiveDefinite()) {
            w.add("the regularised normal equations were not positive definite to working precision, so they were"
                    + " solved with pivoting (" + ridge.factorization() + "); the fit is"
                    + " valid but ill-conditioned: consider a larger --lambda or fewer neurons");
        }
        return w;
    }

    /** A training error from which on the fit has learned little of the drift (relative, held-in). */
    static final double POOR_FIT = 0.3;

    /**
     * A fit that explains little of the drift: relative training error ≥ {@link #POOR_FIT} (a good fit is 1e-5 … 1e-2).
     *
     * @return a warning, or null
     */
    static String ofTrainingError(double trainingError) {
        if (!(trainingError >= POOR_FIT)) {
            return null;
        }
        return String.format("the training drift error is %.3g: the network has learned little of the drift; check"
                + " --lambda (too large?), --tau and the sampling, or use more --neurons", trainingError);
    }

    /**
     * The network's transverse relaxation: the step factor of the scheme applied to −1/τ.
     *
     * @return a warning, or null when dt is comfortably stable
     */
    static String ofNetworkStep(ddmatch.rnn.Network net, double dt, Scheme scheme) {
        double limit = limitOf(scheme);
        double ratio = dt / net.tau();
        if (ratio < CLOSE * limit) {
            return null;
        }
        return String.format("dt = %g is %.0f%% of %s's explicit stability limit %.3g·τ = %.3g for the network's"
                + " transverse decay rate 1/τ = %g; expect inaccurate or diverging runs: use dt ≤ %.3g", dt,
                100 * ratio / limit, scheme.name(), limit, limit * net.tau(), 1 / net.tau(), 0.25 * limit * net.tau());
    }

    /**
     * The target's fastest rate at its initial state: the largest modulus of an eigenvalue of the drift's Jacobian there
     * (central differences, step 1e-6·(1 + |x_i|)), compared with the scheme's limit. Cheap (2d drift calls) and local,
     * so it catches stiffness present from the start, not stiffness met later on the attractor.
     *
     * @return a warning, or null when dt is comfortably stable or the Jacobian is not finite
     */
    static String ofTargetStep(Sde sde, double dt, Scheme scheme) {
        int d = sde.dimension();
        double[] x = sde.initialState().clone();
        double[] fp = new double[d];
        double[] fm = new double[d];
        DMatrixRMaj jac = new DMatrixRMaj(d, d);
        for (int j = 0; j < d; j++) {
            double h = 1e-6 * (1 + Math.abs(x[j]));
            double xj = x[j];
            x[j] = xj + h;
            sde.drift(0.0, x, fp);
            x[j] = xj - h;
            sde.drift(0.0, x, fm);
            x[j] = xj;
            for (int i = 0; i < d; i++) {
                jac.set(i, j, (fp[i] - fm[i]) / (2 * h));
            }
        }
        for (double v : jac.data) {
            if (!Double.isFinite(v)) {
                return null;
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, false);
        if (!eig.decompose(jac)) {
            return null;
        }
        double fastest = 0;
        for (int k = 0; k < d; k++) {
            Complex_F64 e = eig.getEigenvalue(k);
            fastest = Math.max(fastest, Math.hypot(e.real, e.imaginary));
        }
        double limit = limitOf(scheme);
        if (dt * fastest < CLOSE * limit) {
            return null;
        }
        return String.format("dt = %g times the fastest rate %.3g of '%s' at its initial state (largest |eigenvalue| of"
                + " the drift's Jacobian) is %.3g, %.0f%% of %s's explicit stability limit %.3g; the system is stiff"
                + " for this step: use dt ≤ %.3g", dt, fastest, sde.name(), dt * fastest, 100 * dt * fastest / limit,
                scheme.name(), limit, 0.25 * limit / fastest);
    }

    static void print(PrintWriter err, String command, List<String> warnings) {
        for (String w : warnings) {
            if (w != null) {
                err.println("ddmatch " + command + ": warning: " + w);
            }
        }
        err.flush();
    }
}
