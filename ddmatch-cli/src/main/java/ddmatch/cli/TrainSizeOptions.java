package ddmatch.cli;

import picocli.CommandLine.Option;

/**
 * The network-size options of {@code ddmatch train}: a fixed N or {@code --neurons auto} (the smallest auto-tuned N that
 * meets a held-out drift error), and {@code --auto-tune} of σ_b and jitter at a fixed N ({@link ddmatch.check.AutoTuner}).
 */
final class TrainSizeOptions {
    /** The smallest N that {@code --neurons auto} tries (raised to d for larger systems). */
    static final int AUTO_START = 25;

    @Option(names = {"-n", "--neurons"}, defaultValue = "1000", paramLabel = "N|auto",
            description = "number of neurons N, or 'auto': the smallest N = 25, 50, 100, … whose auto-tuned held-out drift "
                    + "error meets --drift-error (default: ${DEFAULT-VALUE})")
    String neuronsText;

    @Option(names = "--drift-error", defaultValue = "1e-3", paramLabel = "E",
            description = "held-out drift error target of --neurons auto: mean ‖P·drift − f̃‖ / rms‖f̃‖, dimensionless "
                    + "(default: ${DEFAULT-VALUE})")
    double driftError;

    @Option(names = "--max-neurons", defaultValue = "1600", paramLabel = "N",
            description = "largest N tried by --neurons auto (default: ${DEFAULT-VALUE})")
    int maxNeurons;

    @Option(names = "--auto-tune",
            description = "choose σ_b ∈ {0.5, 1, 2, 3} and jitter ∈ {0.05, 0.1, 0.2} (λ by GCV) by held-out drift error, "
                    + "validated by simulating the full network from 3 starts × 1000 time units against the target "
                    + "(moments ±25%%, mean D_stsp ≤ 1.25× its noise floor, λmax ±10%% if chaotic); when every candidate "
                    + "fails, the embedding is redrawn up to 8 times; prints every simulated candidate and records all in "
                    + "the model (default: off; implied by --neurons auto)")
    boolean autoTune;

    /** Whether {@code --neurons auto} was given. */
    boolean auto() {
        return "auto".equalsIgnoreCase(neuronsText.trim());
    }

    /** Whether the factored fit goes through the auto-tuner ({@code --neurons auto} or {@code --auto-tune}). */
    boolean tuned() {
        return auto() || autoTune;
    }

    /**
     * N for a system of dimension {@code d}: the given number, or for {@code auto} the first N tried, max(25, d), after
     * checking {@code --drift-error} and {@code --max-neurons}. N ≥ d is checked by the caller once the other options are.
     */
    int initial(int d) {
        if (auto()) {
            int start = Math.max(AUTO_START, d);
            OptionChecks.finitePositive("--drift-error", driftError);
            if (maxNeurons < start) {
                throw new IllegalArgumentException("--max-neurons = " + maxNeurons + " is not allowed; it must be ≥ " + start);
            }
            return start;
        }
        try {
            return Integer.parseInt(neuronsText.trim());
        } catch (NumberFormatException e) {
            boolean digits = neuronsText.trim().matches("[0-9]+");
            throw new IllegalArgumentException("--neurons = '" + neuronsText + "' is not allowed; give a whole number ≥ "
                    + d + (digits ? " and ≤ " + Integer.MAX_VALUE : "") + " or 'auto'");
        }
    }

    /** N for {@code --data}, where {@code auto} is not available. */
    int forData() {
        try {
            return Integer.parseInt(neuronsText.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--neurons = '" + neuronsText + "' is not allowed with --data; give a whole number");
        }
    }

    /** Rejects N &lt; d; {@code what} names the target ("system 'x'" or "data"). */
    static void checkAtLeast(int neurons, int d, String what) {
        if (neurons < d) {
            throw new IllegalArgumentException("--neurons = " + neurons + " is not allowed for " + what + " of dimension "
                    + d + "; N must be ≥ " + d);
        }
    }
}
