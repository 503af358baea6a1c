package ddmatch.cli;

import ddmatch.fit.SamplingConfig;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The options of {@code ddmatch train} that choose the training points: how many, drawn how (along a trajectory, in a
 * box, by Latin hypercube, on a grid or a mixture), and the jitter and box share of trajectory samples.
 */
final class TrainSamplingOptions {
    /** Time between trajectory samples and transient discarded before them, in the system's time units (not options). */
    private static final double SAMPLE_INTERVAL = 0.1;
    private static final double TRANSIENT_TIME = 20.0;

    @Option(names = "--sampler", defaultValue = "trajectory", paramLabel = "KIND",
            description = "training points: trajectory, box, lhs, grid (d ≤ 3) or mixture (default: ${DEFAULT-VALUE})")
    String sampler;

    @Option(names = "--samples", defaultValue = "5000", paramLabel = "M",
            description = "training points M (≥ 10; default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--jitter", defaultValue = "0.1", paramLabel = "J",
            description = "std of the Gaussian jitter added to trajectory samples, in standardised units (one std of each "
                    + "coordinate; default: ${DEFAULT-VALUE})")
    double jitter;

    @Option(names = "--box-fraction", defaultValue = "0.0", paramLabel = "F",
            description = "fraction of samples uniform in the trajectory's bounding box (default: ${DEFAULT-VALUE}; 0.2 suits multistable 1-D/2-D systems)")
    double boxFraction;

    /** {@code --sampler} as a kind, checked against the dimension {@code d} of {@code system} (a grid needs d ≤ 3). */
    SamplingConfig.Kind kind(String system, int d) {
        SamplingConfig.Kind kind = switch (sampler.toLowerCase(Locale.ROOT)) {
            case "trajectory" -> SamplingConfig.Kind.TRAJECTORY;
            case "box" -> SamplingConfig.Kind.BOX;
            case "lhs" -> SamplingConfig.Kind.LHS;
            case "grid" -> SamplingConfig.Kind.GRID;
            case "mixture" -> SamplingConfig.Kind.MIXTURE;
            default -> throw new IllegalArgumentException("--sampler = '" + sampler
                    + "' is not allowed; give trajectory, box, lhs, grid or mixture");
        };
        if (kind == SamplingConfig.Kind.GRID && d > 3) {
            throw new IllegalArgumentException("--sampler = grid is not allowed for system '" + system + "' of dimension "
                    + d + "; a grid is for d ≤ 3 (use lhs, box or mixture)");
        }
        return kind;
    }

    /** The sampling settings for a fit to a system's equations with points of the given kind. */
    SamplingConfig config(SamplingConfig.Kind kind) {
        return new SamplingConfig(samples, SAMPLE_INTERVAL, TRANSIENT_TIME, jitter, boxFraction, kind);
    }

    /** The sampling settings recorded with a fit to data (the sampler kind does not apply there). */
    SamplingConfig forData() {
        return new SamplingConfig(samples, SAMPLE_INTERVAL, TRANSIENT_TIME, jitter, boxFraction);
    }
}
