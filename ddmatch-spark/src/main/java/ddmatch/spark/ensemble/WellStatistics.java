package ddmatch.spark.ensemble;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Arrays;

/**
 * Exact, mergeable metastability counts of a set of trajectories: jump counts between wells, and per well the number
 * of complete residences with the sum and the sum of squares of their lengths in recorded samples. Every field is an
 * integer, so {@link #merge} is associative and commutative without rounding: the aggregate of an ensemble is the same
 * bit for bit in whatever order or grouping the trajectories are merged (unlike floating-point sums).
 *
 * @param wells        number of wells K ≥ 2
 * @param trajectories trajectories merged
 * @param counts       jumps i → j, row-major K × K, zero diagonal
 * @param residences   complete residences per well
 * @param sums         per well, sum of residence lengths (samples)
 * @param squares      per well, sum of squared residence lengths (samples²)
 */
public record WellStatistics(int wells, long trajectories, long[] counts, long[] residences, long[] sums, BigInteger[] squares)
        implements Serializable {

    public WellStatistics {
        if (wells < 2) {
            throw new IllegalArgumentException("wells = " + wells + " is not allowed; it must be ≥ 2");
        }
        if (counts.length != wells * wells || residences.length != wells || sums.length != wells || squares.length != wells) {
            throw new IllegalArgumentException("WellStatistics arrays do not match K = " + wells + ": counts " + counts.length
                    + ", residences " + residences.length + ", sums " + sums.length + ", squares " + squares.length);
        }
        counts = counts.clone();
        residences = residences.clone();
        sums = sums.clone();
        squares = squares.clone();
    }

    /** Nothing observed yet. */
    public static WellStatistics empty(int wells) {
        BigInteger[] sq = new BigInteger[wells];
        Arrays.fill(sq, BigInteger.ZERO);
        return new WellStatistics(wells, 0, new long[wells * wells], new long[wells], new long[wells], sq);
    }

    /** The sum of both (exact; order-independent). */
    public WellStatistics merge(WellStatistics o) {
        if (o.wells != wells) {
            throw new IllegalArgumentException("cannot merge statistics of " + o.wells + " wells into " + wells);
        }
        long[] c = counts.clone();
        for (int i = 0; i < c.length; i++) c[i] = Math.addExact(c[i], o.counts[i]);
        long[] r = residences.clone();
        long[] s = sums.clone();
        BigInteger[] q = squares.clone();
        for (int i = 0; i < wells; i++) {
            r[i] = Math.addExact(r[i], o.residences[i]);
            s[i] = Math.addExact(s[i], o.sums[i]);
            q[i] = q[i].add(o.squares[i]);
        }
        return new WellStatistics(wells, Math.addExact(trajectories, o.trajectories), c, r, s, q);
    }

    @Override public long[] counts() { return counts.clone(); }

    @Override public long[] residences() { return residences.clone(); }

    @Override public long[] sums() { return sums.clone(); }

    @Override public BigInteger[] squares() { return squares.clone(); }

    /** Total jumps. */
    public long jumps() {
        long s = 0;
        for (long c : counts) s += c;
        return s;
    }

    /** Mean residence time in well i, {@code Σℓ/n · Δt}, correctly rounded from the exact sum; NaN without residences. */
    public double meanResidenceTime(int i, double dt) {
        if (residences[i] == 0) return Double.NaN;
        return new BigDecimal(sums[i]).divide(new BigDecimal(residences[i]), MathContext.DECIMAL128).doubleValue() * dt;
    }

    /**
     * Standard error of {@link #meanResidenceTime}, {@code s/√n} with the unbiased sample variance
     * {@code s² = (nΣℓ² − (Σℓ)²)/(n(n−1))}, computed from exact integers; NaN for fewer than 2 residences.
     */
    public double meanResidenceTimeStandardError(int i, double dt) {
        long n = residences[i];
        if (n < 2) return Double.NaN;
        BigInteger bn = BigInteger.valueOf(n);
        BigInteger num = bn.multiply(squares[i]).subtract(BigInteger.valueOf(sums[i]).pow(2));
        BigInteger den = bn.multiply(bn).multiply(BigInteger.valueOf(n - 1));
        return Math.sqrt(new BigDecimal(num).divide(new BigDecimal(den), MathContext.DECIMAL128).doubleValue()) * dt;
    }

    /** The jump-chain transition matrix {@code P_ij = C_ij / Σ_j C_ij}, row-major; a row without jumps is NaN. */
    public double[] transitionMatrix() {
        double[] p = new double[wells * wells];
        for (int i = 0; i < wells; i++) {
            long row = 0;
            for (int j = 0; j < wells; j++) row += counts[i * wells + j];
            for (int j = 0; j < wells; j++) p[i * wells + j] = row == 0 ? Double.NaN : (double) counts[i * wells + j] / row;
        }
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WellStatistics w && wells == w.wells && trajectories == w.trajectories
                && Arrays.equals(counts, w.counts) && Arrays.equals(residences, w.residences) && Arrays.equals(sums, w.sums)
                && Arrays.equals(squares, w.squares);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts) * 31 + Arrays.hashCode(sums);
    }

    @Override
    public String toString() {
        return "WellStatistics[K=" + wells + ", trajectories=" + trajectories + ", counts=" + Arrays.toString(counts)
                + ", residences=" + Arrays.toString(residences) + "]";
    }
}
