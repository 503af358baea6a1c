package ddmatch.fit;

import java.util.List;

/**
 * A trained network whose read-in weights are split by linearity of the ridge fit (DESIGN §1.6):
 * {@code W = W_leak + Σ_k W_k}, with {@code W_leak} fitted to the leak-cancelling targets {@code z̃} and
 * {@code W_k} to {@code τ f̃_k}, all with the features, samples and λ of the full fit.
 *
 * @param full       the full fit, exactly as {@link DriftMatcher#train} returns it for the same target and configuration
 * @param leak       {@code W_leak}, row-major d × N
 * @param components {@code W_k}, row-major d × N each, in the order the drift components were given
 */
public record SplitTrainingResult(TrainingResult full, double[] leak, List<double[]> components) {
    public SplitTrainingResult {
        int size = full.network().latentDimension() * full.network().neurons();
        if (leak.length != size) {
            throw new IllegalArgumentException("leak has " + leak.length + " entries; expected d·N = " + size);
        }
        for (int c = 0; c < components.size(); c++) {
            if (components.get(c).length != size) {
                throw new IllegalArgumentException("components[" + c + "] has " + components.get(c).length
                        + " entries; expected d·N = " + size);
            }
        }
        leak = leak.clone();
        components = components.stream().map(double[]::clone).toList();
    }

    @Override public double[] leak() { return leak.clone(); }

    /** Copies of the component weights. */
    @Override public List<double[]> components() { return components.stream().map(double[]::clone).toList(); }
}
