package ddmatch.sde;

import java.util.Arrays;

/**
 * The Lorenz-96 model of an atmospheric quantity on a latitude circle of n sites,
 * {@code ẋ_i = (x_{i+1} − x_{i−2}) x_{i−1} − x_i + F} (indices mod n), optionally with additive isotropic noise
 * {@code G = noise·I}. The advection term conserves energy and has zero divergence, so the divergence of the flow is
 * the constant −n.
 *
 * <p>Reference: E. N. Lorenz, "Predictability: a problem partly solved", Proc. ECMWF Seminar on Predictability (1996);
 * E. N. Lorenz and K. A. Emanuel, J. Atmos. Sci. 55, 399 (1998).
 */
public final class Lorenz96 extends AdditiveNoiseSystem {
    static final String NAME = "lorenz96";
    private final int n;
    private final double f;

    /**
     * @param n            number of sites (the dimension), ≥ 4
     * @param f            forcing F
     * @param noise        additive noise amplitude (0 for the ODE)
     * @param initialState default initial state (length n)
     * @param timeStep     default time step
     */
    public Lorenz96(int n, double f, double noise, double[] initialState, double timeStep) {
        super(NAME, requireSites(n), noise, initialState, timeStep);
        Parameters.requireFinite(NAME, "f", f);
        this.n = n;
        this.f = f;
    }

    private static int requireSites(int n) {
        if (n < 4) {
            throw new IllegalArgumentException(NAME + ": parameter 'n' = " + n + " is not allowed; it must be an integer ≥ 4");
        }
        return n;
    }

    /** The standard start for n sites: every site at F, the first nudged by 0.01 off the unstable uniform state. */
    public static double[] uniformStart(int n, double f) {
        double[] x = new double[requireSites(n)];
        Arrays.fill(x, f);
        x[0] += 0.01;
        return x;
    }

    public int sites() { return n; }

    public double f() { return f; }

    @Override
    public void drift(double t, double[] z, double[] out) {
        for (int i = 0; i < n; i++) {
            int ip1 = i + 1 == n ? 0 : i + 1;
            int im1 = i == 0 ? n - 1 : i - 1;
            int im2 = i >= 2 ? i - 2 : i + n - 2;
            out[i] = (z[ip1] - z[im2]) * z[im1] - z[i] + f;
        }
    }

    @Override
    public void jacobian(double t, double[] z, double[] out) {
        Arrays.fill(out, 0, n * n, 0.0);
        for (int i = 0; i < n; i++) {
            int ip1 = i + 1 == n ? 0 : i + 1;
            int im1 = i == 0 ? n - 1 : i - 1;
            int im2 = i >= 2 ? i - 2 : i + n - 2;
            int row = i * n;
            out[row + ip1] = z[im1];
            out[row + im2] = -z[im1];
            out[row + im1] = z[ip1] - z[im2];
            out[row + i] = -1.0;
        }
    }
}
