package ddmatch.analysis;

import ddmatch.solve.StandardNormal;
import java.util.SplittableRandom;

/** Seeded normal and uniform variates for the analysis tests, and an Euler–Maruyama path of a linear SDE. */
final class SeededGaussian {
    private final StandardNormal normal;
    private final SplittableRandom rng;

    SeededGaussian(long seed) {
        normal = new StandardNormal(seed);
        rng = new SplittableRandom(~seed);
    }

    double next() {
        return normal.next();
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
