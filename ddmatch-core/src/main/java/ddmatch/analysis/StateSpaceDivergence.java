package ddmatch.analysis;

/**
 * Kullback–Leibler divergence between the state-space distributions of a reference ("true") trajectory and a generated
 * one, estimated with fixed-grid histograms.
 *
 * <p><b>Algorithm.</b> Each dimension {@code j} of the state space gets {@code bins} equal-width bins covering
 * {@code [min_j − 0.1 σ_j, max_j + 0.1 σ_j]}, where {@code min_j}, {@code max_j} and the sample standard deviation
 * {@code σ_j} (denominator {@code n − 1}) are those of the <em>true</em> data only. If a dimension of the true data is
 * constant ({@code σ_j = 0}) its range is {@code [min_j − 0.5, min_j + 0.5]} instead. Both data sets are binned on this
 * grid of {@code B = bins^d} cells; a generated point outside the range is <b>clamped into the edge bin</b> of every
 * dimension in which it is outside (so mass the generator puts far from the data is not lost but counted in the
 * outermost cells, where the true density is small, which still penalises it). Every cell count of both histograms is
 * then incremented by the Laplace (additive) smoothing constant {@code α} before normalisation,
 * {@code p_b = (c_b + α)/(n + αB)}, which keeps the divergence finite when the generator misses cells, and the result
 * is the discrete divergence
 * <pre>  KL(p ‖ q) = Σ_b p_b log(p_b / q_b)   (nats)</pre>
 * with {@code p} the true and {@code q} the generated histogram. Identical inputs give exactly 0.
 *
 * <p><b>Storage.</b> For {@code d < 4} (and at most 2<sup>20</sup> cells) the histograms are dense arrays; otherwise the
 * occupied cells are kept in an open-addressing hash map from the cell's mixed-radix index (a {@code long}) to the two
 * counts, and the contribution of all the cells that are empty in both histograms is added in closed form. Memory is
 * then proportional to the number of samples, not to {@code bins^d}.
 *
 * <p><b>Bias.</b> The plug-in estimator is biased upwards by roughly {@code (occupied cells)/(2 n_generated)} nats and
 * downwards by the discretisation (coarse bins hide differences finer than a bin); it is meant for comparing models on
 * the same reference data, not as an absolute density divergence in high dimension.
 *
 * <p>References: S. Kullback and R. A. Leibler, Ann. Math. Statist. 22, 79 (1951); for the use of this metric on
 * learned dynamical systems see e.g. D. Durstewitz et al., "Reconstructing computational system dynamics from neural
 * data with recurrent neural networks", Nat. Rev. Neurosci. 24, 693 (2023).
 */
public final class StateSpaceDivergence {

    /** Default number of bins per dimension: 30. */
    public static final int DEFAULT_BINS = 30;

    /** Default Laplace smoothing constant added to every cell count: 1e-5. */
    public static final double DEFAULT_ALPHA = 1e-5;

    /** Padding of the histogram range beyond the true data's extremes, in units of the per-dimension σ: 0.1. */
    public static final double RANGE_PADDING_SIGMAS = 0.1;

    /** Largest number of cells stored densely. */
    static final long DENSE_CELL_LIMIT = 1L << 20;

    private StateSpaceDivergence() {}

    /**
     * {@code KL(p_true ‖ p_generated)} with the defaults: {@value #DEFAULT_BINS} bins per dimension and smoothing
     * α = {@value #DEFAULT_ALPHA}.
     *
     * @param truth     reference trajectory, row-major {@code n × d}, at least 2 rows, finite
     * @param generated generated trajectory, row-major {@code m × d}, at least 1 row, finite; {@code m} may differ from
     *                  {@code n}
     * @param d         state dimension, ≥ 1
     * @return the divergence in nats, ≥ 0 up to rounding
     * @throws IllegalArgumentException on invalid input, naming the parameter
     */
    public static double histogram(double[] truth, double[] generated, int d) {
        return histogram(truth, generated, d, DEFAULT_BINS, DEFAULT_ALPHA);
    }

    /**
     * {@code KL(p_true ‖ p_generated)} with explicit histogram parameters.
     *
     * @param truth     reference trajectory, row-major {@code n × d}, at least 2 rows, finite
     * @param generated generated trajectory, row-major {@code m × d}, at least 1 row, finite
     * @param d         state dimension, ≥ 1
     * @param bins      bins per dimension, ≥ 1 (default {@value #DEFAULT_BINS}); {@code bins^d} must fit in a
     *                  {@code long}
     * @param alpha     Laplace smoothing constant added to every cell count, &gt; 0 (default {@value #DEFAULT_ALPHA})
     * @return the divergence in nats
     * @throws IllegalArgumentException on invalid input, naming the parameter
     */
    public static double histogram(double[] truth, double[] generated, int d, int bins, double alpha) {
        return histogram(truth, generated, d, bins, alpha, false);
    }

    /** As {@link #histogram(double[], double[], int, int, double)}; {@code forceSparse} selects the hash-map path. */
    static double histogram(double[] truth, double[] generated, int d, int bins, double alpha, boolean forceSparse) {
        Checks.dimension("d", d);
        int n = Checks.rows("truth", truth, d, 2);
        int m = Checks.rows("generated", generated, d, 1);
        if (bins < 1) {
            throw new IllegalArgumentException("parameter 'bins' = " + bins + " is not allowed; it must be ≥ 1");
        }
        Checks.positive("alpha", alpha);
        long cells = 1;
        for (int j = 0; j < d; j++) {
            if (cells > Long.MAX_VALUE / bins) {
                throw new IllegalArgumentException("parameters 'bins' = " + bins + " and 'd' = " + d
                        + " are not allowed together; bins^d must be at most " + Long.MAX_VALUE);
            }
            cells *= bins;
        }

        double[] lo = new double[d];
        double[] inv = new double[d];
        gridFromTruth(truth, n, d, bins, lo, inv);

        boolean dense = !forceSparse && d < 4 && cells <= DENSE_CELL_LIMIT;
        return dense
                ? denseKl(truth, n, generated, m, d, bins, (int) cells, alpha, lo, inv)
                : sparseKl(truth, n, generated, m, d, bins, cells, alpha, lo, inv);
    }

    private static void gridFromTruth(double[] x, int n, int d, int bins, double[] lo, double[] inv) {
        for (int j = 0; j < d; j++) {
            double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, mean = 0.0;
            for (int i = 0; i < n; i++) {
                double v = x[i * d + j];
                if (v < min) min = v;
                if (v > max) max = v;
                mean += v;
            }
            mean /= n;
            double ss = 0.0;
            for (int i = 0; i < n; i++) {
                double e = x[i * d + j] - mean;
                ss += e * e;
            }
            double sigma = Math.sqrt(ss / (n - 1));
            double a, b;
            if (sigma > 0.0 && max > min) {
                a = min - RANGE_PADDING_SIGMAS * sigma;
                b = max + RANGE_PADDING_SIGMAS * sigma;
            } else {
                a = min - 0.5;
                b = min + 0.5;
            }
            lo[j] = a;
            inv[j] = bins / (b - a);
        }
    }

    /** Mixed-radix cell index of row {@code row} of {@code x}, clamping out-of-range coordinates to the edge bins. */
    private static long cell(double[] x, int row, int d, int bins, double[] lo, double[] inv) {
        long key = 0, radix = 1;
        int base = row * d;
        for (int j = 0; j < d; j++) {
            double f = Math.floor((x[base + j] - lo[j]) * inv[j]);
            int b = f < 0 ? 0 : (f >= bins ? bins - 1 : (int) f);
            key += b * radix;
            radix *= bins;
        }
        return key;
    }

    private static double denseKl(double[] truth, int n, double[] gen, int m, int d, int bins, int cells,
                                  double alpha, double[] lo, double[] inv) {
        long[] cp = new long[cells];
        long[] cq = new long[cells];
        for (int i = 0; i < n; i++) {
            cp[(int) cell(truth, i, d, bins, lo, inv)]++;
        }
        for (int i = 0; i < m; i++) {
            cq[(int) cell(gen, i, d, bins, lo, inv)]++;
        }
        double zp = n + alpha * cells, zq = m + alpha * cells;
        double kl = 0.0;
        for (int b = 0; b < cells; b++) {
            double p = (cp[b] + alpha) / zp;
            double q = (cq[b] + alpha) / zq;
            kl += p * Math.log(p / q);
        }
        return kl;
    }

    private static double sparseKl(double[] truth, int n, double[] gen, int m, int d, int bins, long cells,
                                   double alpha, double[] lo, double[] inv) {
        long distinctBound = Math.min(cells, (long) n + m);
        int capacity = Integer.highestOneBit((int) Math.min(1L << 30, Math.max(4L, 2L * distinctBound)) - 1) << 1;
        CellCounts table = new CellCounts(capacity);
        for (int i = 0; i < n; i++) {
            table.counts1[table.slot(cell(truth, i, d, bins, lo, inv))]++;
        }
        for (int i = 0; i < m; i++) {
            table.counts2[table.slot(cell(gen, i, d, bins, lo, inv))]++;
        }
        double cellsD = (double) cells;
        double zp = n + alpha * cellsD, zq = m + alpha * cellsD;
        double kl = 0.0;
        for (int s = 0; s < table.keys.length; s++) {
            if (table.keys[s] == CellCounts.EMPTY) continue;
            double p = (table.counts1[s] + alpha) / zp;
            double q = (table.counts2[s] + alpha) / zq;
            kl += p * Math.log(p / q);
        }
        double emptyCells = cellsD - table.size;
        if (emptyCells > 0) {
            double p = alpha / zp;
            kl += emptyCells * p * Math.log(zq / zp);
        }
        return kl;
    }

    /** Open-addressing (linear probing) map from a non-negative cell index to two counts; never resized. */
    private static final class CellCounts {
        static final long EMPTY = -1L;
        final long[] keys;
        final int[] counts1;
        final int[] counts2;
        final int mask;
        int size;

        CellCounts(int capacity) {
            keys = new long[capacity];
            java.util.Arrays.fill(keys, EMPTY);
            counts1 = new int[capacity];
            counts2 = new int[capacity];
            mask = capacity - 1;
        }

        /** The slot of {@code key}, inserting it if absent. */
        int slot(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            int s = (int) (h ^ (h >>> 32)) & mask;
            while (true) {
                long k = keys[s];
                if (k == key) return s;
                if (k == EMPTY) {
                    keys[s] = key;
                    size++;
                    return s;
                }
                s = (s + 1) & mask;
            }
        }
    }
}
