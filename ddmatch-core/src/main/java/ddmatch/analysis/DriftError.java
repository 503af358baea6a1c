package ddmatch.analysis;

import ddmatch.rnn.Network;
import ddmatch.rnn.Standardization;
import ddmatch.sde.Sde;

/**
 * Held-out drift error of a network (DESIGN §1.7): at each test point {@code z_n} the full network drift is evaluated
 * at the manifold point {@code x_n = U z̃_n + b}, read out ({@code P·drift(x_n)}) and compared with the standardised
 * target drift {@code f̃(z̃_n)}.
 *
 * <p>Each point's error is {@code ‖P·drift(x_n) − f̃_n‖ / rms(‖f̃‖)}: normalised by the root-mean-square drift over the
 * test set rather than by the point's own {@code ‖f̃_n‖}, which vanishes at fixed points (the wells of a double well,
 * the origin of an OU process) and would make the ratio meaningless there. For flows that stay away from their fixed
 * points (Lorenz) the two normalisations agree closely.
 */
public final class DriftError {
    private DriftError() {}

    /**
     * @param mean   mean of the per-point errors
     * @param p95    95th percentile of the per-point errors
     * @param max    largest per-point error
     * @param points number of test points
     */
    public record Result(double mean, double p95, double max, int points) {}

    /**
     * @param net    any network, factored or dense (its drift is evaluated in full, O(N·d) or O(N²) per point)
     * @param points test points in the target's coordinates, row-major, d columns (not the training points)
     */
    public static Result of(Network net, Sde target, double[] points) {
        int d = target.dimension();
        int n = net.neurons();
        if (net.latentDimension() != d) {
            throw new IllegalArgumentException("network has latent dimension " + net.latentDimension() + " but the target has " + d);
        }
        int count = points.length / d;
        Standardization st = net.standardization();
        double[] z = new double[d], zt = new double[d], f = new double[d], pd = new double[d];
        double[] x = new double[n], dx = new double[n];
        double[] err = new double[count];
        double sumF2 = 0;
        for (int r = 0; r < count; r++) {
            System.arraycopy(points, r * d, z, 0, d);
            st.toLatent(z, zt);
            net.embedding().embed(zt, x);
            net.drift(0.0, x, dx);
            // P·drift(x): the readout of the drift vector (b is already subtracted by the drift's construction).
            projectVector(net, dx, pd);
            target.drift(0.0, z, f);
            double e2 = 0, f2 = 0;
            for (int i = 0; i < d; i++) {
                double ft = f[i] / st.scale(i);
                double e = pd[i] - ft;
                e2 += e * e;
                f2 += ft * ft;
            }
            err[r] = Math.sqrt(e2);
            sumF2 += f2;
        }
        double rms = Math.sqrt(sumF2 / count);
        double mean = 0, max = 0;
        for (int r = 0; r < count; r++) {
            err[r] /= rms;
            mean += err[r];
            max = Math.max(max, err[r]);
        }
        mean /= count;
        double[] sorted = err.clone();
        java.util.Arrays.sort(sorted);
        double p95 = sorted[Math.min(count - 1, (int) Math.ceil(0.95 * count) - 1)];
        return new Result(mean, p95, max, count);
    }

    /** {@code P v = Uᵀ v / N} for a vector (no tonic offset). */
    static void projectVector(Network net, double[] v, double[] out) {
        int d = net.latentDimension();
        int n = net.neurons();
        double[] u = net.embedding().u();
        for (int k = 0; k < d; k++) out[k] = 0;
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < d; k++) out[k] += u[j * d + k] * v[j];
        }
        for (int k = 0; k < d; k++) out[k] /= n;
    }
}
