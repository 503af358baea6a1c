package ddmatch.check;

import ddmatch.analysis.DriftError;
import ddmatch.fit.TrainingResult;
import java.util.List;

/**
 * The checks of one trained network.
 *
 * @param label    what was trained, e.g. {@code lorenz} or {@code ou θ=3}
 * @param training the training result (network, λ, GCV)
 * @param drift    held-out drift error
 * @param checks   every measured property against its reference
 * @param seconds  wall time of training and checking
 */
public record SystemReport(String label, TrainingResult training, DriftError.Result drift, List<Check> checks, double seconds) {
    public SystemReport {
        checks = List.copyOf(checks);
    }

    public boolean pass() {
        return checks.stream().allMatch(Check::pass);
    }
}
