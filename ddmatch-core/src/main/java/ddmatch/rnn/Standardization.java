package ddmatch.rnn;

/**
 * The affine map between the target's coordinates {@code z} and the standardised latent coordinates
 * {@code z̃ = (z − μ)/s} in which matching happens (DESIGN §1.3).
 *
 * @param mean  μ, per-dimension mean of the training samples
 * @param scale s, per-dimension standard deviation of the training samples (all &gt; 0)
 */
public record Standardization(double[] mean, double[] scale) {
    public Standardization {
        if (mean.length != scale.length || mean.length == 0) {
            throw new IllegalArgumentException("Standardization: mean has length " + mean.length + " and scale " + scale.length
                    + "; they must be equal and ≥ 1");
        }
        for (int i = 0; i < scale.length; i++) {
            if (!Double.isFinite(mean[i])) {
                throw new IllegalArgumentException("Standardization.mean[" + i + "] = " + mean[i] + " is not allowed; it must be finite");
            }
            if (!(scale[i] > 0) || !Double.isFinite(scale[i])) {
                throw new IllegalArgumentException("Standardization.scale[" + i + "] = " + scale[i]
                        + " is not allowed; it must be finite and > 0 (a constant training coordinate cannot be standardised)");
            }
        }
        mean = mean.clone();
        scale = scale.clone();
    }

    /** The identity map (μ = 0, s = 1) in {@code d} dimensions. */
    public static Standardization identity(int d) {
        double[] one = new double[d];
        java.util.Arrays.fill(one, 1.0);
        return new Standardization(new double[d], one);
    }

    /** The per-dimension mean and standard deviation of {@code rows} samples stored row-major with {@code d} columns. */
    public static Standardization of(double[] samples, int d) {
        int n = samples.length / d;
        double[] mu = new double[d];
        double[] s = new double[d];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < d; i++) {
                mu[i] += samples[r * d + i];
            }
        }
        for (int i = 0; i < d; i++) {
            mu[i] /= n;
        }
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < d; i++) {
                double e = samples[r * d + i] - mu[i];
                s[i] += e * e;
            }
        }
        for (int i = 0; i < d; i++) {
            s[i] = Math.sqrt(s[i] / Math.max(1, n - 1));
        }
        return new Standardization(mu, s);
    }

    public int dimension() {
        return mean.length;
    }

    @Override public double[] mean() { return mean.clone(); }

    @Override public double[] scale() { return scale.clone(); }

    public double mean(int i) { return mean[i]; }

    public double scale(int i) { return scale[i]; }

    /** {@code out = (z − μ)/s}. */
    public void toLatent(double[] z, double[] out) {
        for (int i = 0; i < mean.length; i++) {
            out[i] = (z[i] - mean[i]) / scale[i];
        }
    }

    /** {@code out = μ + s ⊙ z̃}. */
    public void fromLatent(double[] zt, double[] out) {
        for (int i = 0; i < mean.length; i++) {
            out[i] = mean[i] + scale[i] * zt[i];
        }
    }
}
