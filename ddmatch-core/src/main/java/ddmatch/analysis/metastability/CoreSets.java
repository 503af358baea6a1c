package ddmatch.analysis.metastability;

import ddmatch.analysis.statistics.KMeans;

/**
 * State assignment by core sets (milestoning): state i has the core {@code {x : ‖x − c_i‖ < r_in}}; a sample inside a
 * core takes that core's state; a sample outside every core keeps the state of the last core it visited; samples
 * before the first core visit are unassigned (−1).
 *
 * <p>This is hysteresis generalised to any dimension: a transition is counted only when the trajectory reaches the
 * next state's core, so the fast recrossings of a dividing surface that a nearest-centre assignment turns into
 * spurious short residences are not counted, and the jump process between cores is close to Markovian. In one
 * dimension with centres ±1 and r_in = 0.5 it is the two-threshold rule at ±0.5 (excursions beyond ±1.5 keep the
 * state). Cores must not overlap ({@code r_in} below half the smallest centre distance).
 *
 * <p>References: Ch. Schütte, F. Noé, J. Lu, M. Sarich and E. Vanden-Eijnden, "Markov state models based on
 * milestoning", J. Chem. Phys. 134, 204105 (2011); N.-V. Buchete and G. Hummer, J. Phys. Chem. B 112, 6057 (2008).
 */
public final class CoreSets {
    private CoreSets() {}

    /**
     * @param x       row-major n × d trajectory, finite
     * @param d       dimension ≥ 1
     * @param centres row-major K × d core centres, K ≥ 2
     * @param radius  core radius r_in &gt; 0, at most half the smallest distance between centres
     * @return the state of each sample, in −1..K−1 (−1 before the first core visit)
     */
    public static int[] assign(double[] x, int d, double[] centres, double radius) {
        int n = MetaChecks.rows("x", x, d, 1);
        int k = MetaChecks.rows("centres", centres, d, 2);
        if (!(radius > 0) || !Double.isFinite(radius)) {
            throw new IllegalArgumentException("parameter 'radius' = " + radius + " is not allowed; it must be finite and > 0");
        }
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                double s = 0;
                for (int j = 0; j < d; j++) s += (centres[a * d + j] - centres[b * d + j]) * (centres[a * d + j] - centres[b * d + j]);
                if (Math.sqrt(s) < 2 * radius) {
                    throw new IllegalArgumentException("parameter 'radius' = " + radius + " is not allowed: the cores of centres "
                            + a + " and " + b + " (distance " + Math.sqrt(s) + ") overlap; use a radius ≤ half of it");
                }
            }
        }
        double r2 = radius * radius;
        int[] s = new int[n];
        int state = -1;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                double q = 0;
                for (int j = 0; j < d; j++) {
                    double e = x[i * d + j] - centres[c * d + j];
                    q += e * e;
                }
                if (q < r2) {
                    state = c;
                    break;
                }
            }
            s[i] = state;
        }
        return s;
    }

    /**
     * Centres from seeded k-means++ / Lloyd ({@link KMeans}) on the trajectory itself, then {@link #assign}.
     *
     * @param radiusFraction core radius as a fraction of half the smallest distance between the fitted centres, in (0, 1]
     * @return the centres (row-major K × d) and the states
     */
    public static Assignment fromKMeans(double[] x, int d, int k, double radiusFraction, long seed) {
        if (!(radiusFraction > 0) || !(radiusFraction <= 1)) {
            throw new IllegalArgumentException("parameter 'radiusFraction' = " + radiusFraction
                    + " is not allowed; it must be in (0, 1]");
        }
        double[] c = KMeans.fit(x, d, k, 300, seed).centres();
        double min = Double.POSITIVE_INFINITY;
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                double s = 0;
                for (int j = 0; j < d; j++) s += (c[a * d + j] - c[b * d + j]) * (c[a * d + j] - c[b * d + j]);
                min = Math.min(min, Math.sqrt(s));
            }
        }
        double r = radiusFraction * 0.5 * min;
        return new Assignment(c, r, assign(x, d, c, r));
    }

    /**
     * @param centres row-major K × d
     * @param radius  the core radius used
     * @param states  state of each sample, −1 before the first core visit
     */
    public record Assignment(double[] centres, double radius, int[] states) {
        public Assignment {
            centres = centres.clone();
            states = states.clone();
        }

        @Override public double[] centres() { return centres.clone(); }

        @Override public int[] states() { return states.clone(); }
    }
}
