package ddmatch.fit;

/**
 * The random bulk {@code J₀} of a full-rank network {@code J = J₀ + ΔJ} (DESIGN §1.4).
 *
 * @param bulkGain     g₀ ≥ 0: the entries of J₀ have variance g₀²/N (Sompolinsky–Crisanti–Sommers scaling; an
 *                     isolated bulk is chaotic for g₀ &gt; 1 with tanh)
 * @param connectionProbability p in (0, 1]: each entry of J₀ is nonzero with probability p and then scaled by 1/√p,
 *                     so the variance stays g₀²/N (p = 1: dense)
 */
public record FullRankConfig(double bulkGain, double connectionProbability) {
    public FullRankConfig {
        if (!(bulkGain >= 0) || !Double.isFinite(bulkGain)) {
            throw new IllegalArgumentException("bulk-gain g0 = " + bulkGain + " is not allowed; it must be finite and ≥ 0");
        }
        if (!(connectionProbability > 0 && connectionProbability <= 1)) {
            throw new IllegalArgumentException("bulk-sparsity (connection probability) p = " + connectionProbability
                    + " is not allowed; it must be in (0, 1]");
        }
    }

    /**
     * The bulk itself, row-major N × N: {@code J₀_ij = g₀ ξ_ij /√(pN)} with probability p, 0 otherwise, ξ standard
     * normal, from a seeded stream (bit-identical for a given seed).
     */
    public double[] bulk(int neurons, long seed) {
        double[] j0 = new double[neurons * neurons];
        ddmatch.solve.StandardNormal g = new ddmatch.solve.StandardNormal(seed);
        java.util.SplittableRandom keep = new java.util.SplittableRandom(seed ^ 0x632BE59BD9B4E019L);
        double scale = bulkGain / Math.sqrt(connectionProbability * neurons);
        for (int i = 0; i < j0.length; i++) {
            double v = g.next();
            if (connectionProbability >= 1 || keep.nextDouble() < connectionProbability) {
                j0[i] = scale * v;
            }
        }
        return j0;
    }
}
