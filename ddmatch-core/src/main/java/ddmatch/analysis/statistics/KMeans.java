package ddmatch.analysis.statistics;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * k-means clustering: seeded k-means++ initialisation followed by Lloyd iterations until no label changes.
 *
 * <p><b>Algorithm.</b> k-means++ (Arthur and Vassilvitskii 2007) draws the first centre uniformly from the data and
 * each further centre with probability proportional to the squared distance to the nearest centre chosen so far;
 * Lloyd's algorithm then alternates nearest-centre assignment and centroid update. A cluster that becomes empty keeps
 * its previous centre. The same seed gives the same result.
 *
 * <p>References: D. Arthur and S. Vassilvitskii, "k-means++: the advantages of careful seeding", SODA 2007;
 * S. P. Lloyd, IEEE Trans. Inf. Theory 28, 129 (1982).
 */
public final class KMeans {
    private KMeans() {}

    /**
     * @param centres    row-major k × d
     * @param labels     the centre index of every data row
     * @param inertia    sum of squared distances to the assigned centres
     * @param iterations Lloyd iterations performed
     */
    public record Result(double[] centres, int[] labels, double inertia, int iterations) {
        public Result {
            centres = centres.clone();
            labels = labels.clone();
        }

        @Override public double[] centres() { return centres.clone(); }

        @Override public int[] labels() { return labels.clone(); }

        @Override
        public boolean equals(Object o) {
            return o instanceof Result r && Arrays.equals(centres, r.centres) && Arrays.equals(labels, r.labels)
                    && Double.compare(inertia, r.inertia) == 0 && iterations == r.iterations;
        }

        @Override public int hashCode() { return Arrays.hashCode(centres) + 31 * Arrays.hashCode(labels); }

        @Override public String toString() { return "KMeans.Result[centres=" + Arrays.toString(centres) + ", inertia=" + inertia + "]"; }
    }

    /**
     * @param data          row-major n × d, finite, n ≥ k
     * @param d             dimension ≥ 1
     * @param k             number of clusters ≥ 1
     * @param maxIterations Lloyd iteration cap ≥ 1 (e.g. 300)
     * @param seed          seed of the k-means++ draws
     */
    public static Result fit(double[] data, int d, int k, int maxIterations, long seed) {
        int n = StatChecks.rows("data", data, d, 1);
        StatChecks.atLeast("k", k, 1);
        if (n < k) {
            throw new IllegalArgumentException("parameter 'k' = " + k + " is not allowed for " + n + " data rows; it must be ≤ " + n);
        }
        StatChecks.atLeast("maxIterations", maxIterations, 1);
        double[] c = plusPlus(data, n, d, k, new SplittableRandom(seed));
        int[] labels = new int[n];
        Arrays.fill(labels, -1);
        double[] sums = new double[k * d];
        int[] counts = new int[k];
        int it = 0;
        double inertia = 0;
        while (it < maxIterations) {
            it++;
            boolean changed = false;
            inertia = 0;
            for (int i = 0; i < n; i++) {
                int best = 0;
                double bd = Double.POSITIVE_INFINITY;
                for (int q = 0; q < k; q++) {
                    double s = dist2(data, i * d, c, q * d, d);
                    if (s < bd) { bd = s; best = q; }
                }
                inertia += bd;
                if (labels[i] != best) { labels[i] = best; changed = true; }
            }
            if (!changed) break;
            Arrays.fill(sums, 0.0);
            Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                counts[labels[i]]++;
                for (int j = 0; j < d; j++) sums[labels[i] * d + j] += data[i * d + j];
            }
            for (int q = 0; q < k; q++) {
                if (counts[q] > 0) {
                    for (int j = 0; j < d; j++) c[q * d + j] = sums[q * d + j] / counts[q];
                }
            }
        }
        return new Result(c, labels, inertia, it);
    }

    static double[] plusPlus(double[] data, int n, int d, int k, SplittableRandom rng) {
        double[] c = new double[k * d];
        double[] dmin = new double[n];
        int first = rng.nextInt(n);
        System.arraycopy(data, first * d, c, 0, d);
        for (int i = 0; i < n; i++) dmin[i] = dist2(data, i * d, c, 0, d);
        for (int q = 1; q < k; q++) {
            double total = 0;
            for (double v : dmin) total += v;
            int pick;
            if (total > 0) {
                double r = rng.nextDouble() * total;
                pick = n - 1;
                for (int i = 0; i < n; i++) {
                    r -= dmin[i];
                    if (r < 0) { pick = i; break; }
                }
            } else {
                pick = rng.nextInt(n); // all points coincide with chosen centres
            }
            System.arraycopy(data, pick * d, c, q * d, d);
            for (int i = 0; i < n; i++) dmin[i] = Math.min(dmin[i], dist2(data, i * d, c, q * d, d));
        }
        return c;
    }

    static double dist2(double[] a, int oa, double[] b, int ob, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            double e = a[oa + j] - b[ob + j];
            s += e * e;
        }
        return s;
    }
}
