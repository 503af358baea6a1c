package ddmatch.analysis;

import java.util.SplittableRandom;

/** Standard normal variates from a seeded {@link SplittableRandom} by Marsaglia's polar method (test helper). */
final class SeededGaussian {
    private final SplittableRandom rng;
    private double spare;
    private boolean hasSpare;

    SeededGaussian(long seed) {
        rng = new SplittableRandom(seed);
    }

    double next() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u, v, s;
        do {
            u = 2.0 * rng.nextDouble() - 1.0;
            v = 2.0 * rng.nextDouble() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        double f = Math.sqrt(-2.0 * Math.log(s) / s);
        spare = v * f;
        hasSpare = true;
        return u * f;
    }

    double uniform() {
        return rng.nextDouble();
    }

    /**
     * Euler–Maruyama path of the linear SDE {@code dz = −B z dt + G dW} (row-major {@code d × d} matrices), started at
     * 0, {@code burnIn} steps discarded, {@code n} rows returned.
     */
    double[] linearSde(double[] b, double[] g, int d, double dt, int n, int burnIn) {
        double[] out = new double[n * d];
        double[] z = new double[d];
        double[] xi = new double[d];
        double[] next = new double[d];
        double sq = Math.sqrt(dt);
        for (int k = -burnIn; k < n; k++) {
            if (k >= 0) System.arraycopy(z, 0, out, k * d, d);
            for (int a = 0; a < d; a++) xi[a] = next();
            for (int a = 0; a < d; a++) {
                double drift = 0.0, noise = 0.0;
                for (int c = 0; c < d; c++) {
                    drift -= b[a * d + c] * z[c];
                    noise += g[a * d + c] * xi[c];
                }
                next[a] = z[a] + drift * dt + noise * sq;
            }
            System.arraycopy(next, 0, z, 0, d);
        }
        return out;
    }
}
