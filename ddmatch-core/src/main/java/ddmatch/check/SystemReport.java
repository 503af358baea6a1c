package ddmatch.check;

import ddmatch.analysis.DriftError;
import ddmatch.fit.TrainingResult;
import ddmatch.solve.Trajectory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks of one trained network.
 *
 * @param label    what was trained, e.g. {@code lorenz} or {@code ou θ=3}
 * @param training the training result (network, λ, GCV)
 * @param drift    held-out drift error
 * @param checks   every measured property against its reference
 * @param seconds  wall time of training and checking
 * @param series   short, downsampled runs kept for figures, by name (e.g. {@code target}, {@code network})
 * @param samples  samples kept for histograms, by name (e.g. residence times)
 */
public record SystemReport(String label, TrainingResult training, DriftError.Result drift, List<Check> checks, double seconds,
                           Map<String, Trajectory> series, Map<String, double[]> samples) {
    public SystemReport {
        checks = List.copyOf(checks);
        series = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(series));
        samples = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(samples));
    }

    public boolean pass() {
        return checks.stream().allMatch(Check::pass);
    }
}
