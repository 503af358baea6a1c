package ddmatch.rnn;

import ddmatch.solve.StandardNormal;

/**
 * The embedding of a d-dimensional latent space in the state space of N neurons (DESIGN §1.3): {@code U} (N × d,
 * row-major) has orthogonal columns of norm √N, so its entries are O(1) and the readout {@code P = Uᵀ/N} satisfies
 * {@code P U = I}; the tonic input {@code b} is orthogonal to the columns of {@code U}, so that the manifold
 * {@code x = U z̃ + b} reads out as {@code z̃ = P x}.
 *
 * @param neurons N
 * @param latent  d (1 ≤ d ≤ N)
 * @param u       U, row-major N × d
 * @param tonic   b, length N, orthogonal to every column of U
 */
public record Embedding(int neurons, int latent, double[] u, double[] tonic) {
    public Embedding {
        if (latent < 1) {
            throw new IllegalArgumentException("latent dimension d = " + latent + " is not allowed; it must be ≥ 1");
        }
        if (neurons < latent) {
            throw new IllegalArgumentException("neurons N = " + neurons + " is not allowed for a " + latent
                    + "-dimensional system; N must be ≥ d = " + latent);
        }
        if (u.length != neurons * latent) {
            throw new IllegalArgumentException("U has " + u.length + " entries; expected N·d = " + (neurons * latent));
        }
        if (tonic.length != neurons) {
            throw new IllegalArgumentException("b has " + tonic.length + " entries; expected N = " + neurons);
        }
    }

    /**
     * A random embedding: U from the Gram–Schmidt orthogonalisation (done twice, for orthogonality to rounding) of a
     * seeded Gaussian N × d matrix, columns scaled to norm √N; b a seeded Gaussian vector of standard deviation
     * {@code tonicStd} with its component in span(U) removed.
     *
     * @param tonicStd σ_b ≥ 0, the spread of the neurons' operating points on φ (DESIGN default 2)
     */
    public static Embedding random(int neurons, int latent, double tonicStd, long seed) {
        if (latent < 1 || neurons < latent) {
            throw new IllegalArgumentException("neurons N = " + neurons + " is not allowed for a " + latent
                    + "-dimensional system; N must be ≥ d = " + latent);
        }
        if (!(tonicStd >= 0) || !Double.isFinite(tonicStd)) {
            throw new IllegalArgumentException("tonic input std σ_b = " + tonicStd + " is not allowed; it must be finite and ≥ 0");
        }
        StandardNormal g = new StandardNormal(seed);
        int n = neurons, d = latent;
        double[] u = new double[n * d];
        g.fill(u, 0, u.length);
        for (int pass = 0; pass < 2; pass++) {
            for (int k = 0; k < d; k++) {
                for (int q = 0; q < k; q++) {
                    double dot = 0;
                    for (int j = 0; j < n; j++) dot += u[j * d + k] * u[j * d + q];
                    for (int j = 0; j < n; j++) u[j * d + k] -= dot * u[j * d + q];
                }
                double nrm = 0;
                for (int j = 0; j < n; j++) nrm += u[j * d + k] * u[j * d + k];
                double f = 1.0 / Math.sqrt(nrm);
                for (int j = 0; j < n; j++) u[j * d + k] *= f;
            }
        }
        double sqrtN = Math.sqrt(n);
        for (int i = 0; i < u.length; i++) u[i] *= sqrtN;
        double[] b = new double[n];
        for (int j = 0; j < n; j++) b[j] = tonicStd * g.next();
        projectOut(u, n, d, b);
        projectOut(u, n, d, b);
        return new Embedding(n, d, u, b);
    }

    /** Removes from {@code v} its component in span(U), given U's columns of norm √N. */
    private static void projectOut(double[] u, int n, int d, double[] v) {
        for (int k = 0; k < d; k++) {
            double dot = 0;
            for (int j = 0; j < n; j++) dot += u[j * d + k] * v[j];
            dot /= n;
            for (int j = 0; j < n; j++) v[j] -= dot * u[j * d + k];
        }
    }

    /** The point {@code x = U z̃ + b} of the manifold with latent coordinates {@code zt}. */
    public void embed(double[] zt, double[] x) {
        int d = latent;
        for (int j = 0; j < neurons; j++) {
            double s = tonic[j];
            for (int k = 0; k < d; k++) s += u[j * d + k] * zt[k];
            x[j] = s;
        }
    }

    /** The readout {@code z̃ = P (x − b) = Uᵀ(x − b)/N}. */
    public void project(double[] x, double[] zt) {
        int d = latent;
        if (d == 3) {
            // The same sums in the same order as the general loop (bit-identical), kept in registers: the general
            // loop's read-modify-write of zt[k] made this the hottest method of a recorded simulation (JFR, ddmatch demo).
            double z0 = 0.0, z1 = 0.0, z2 = 0.0;
            for (int j = 0; j < neurons; j++) {
                double xj = x[j] - tonic[j];
                int r = 3 * j;
                z0 += u[r] * xj;
                z1 += u[r + 1] * xj;
                z2 += u[r + 2] * xj;
            }
            double inv = 1.0 / neurons;
            zt[0] = z0 * inv;
            zt[1] = z1 * inv;
            zt[2] = z2 * inv;
            return;
        }
        for (int k = 0; k < d; k++) zt[k] = 0.0;
        for (int j = 0; j < neurons; j++) {
            double xj = x[j] - tonic[j];
            for (int k = 0; k < d; k++) zt[k] += u[j * d + k] * xj;
        }
        double inv = 1.0 / neurons;
        for (int k = 0; k < d; k++) zt[k] *= inv;
    }
}
