package ddmatch.cli;

import ddmatch.fit.DataConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options of {@code ddmatch train --data FILE}: the trajectory file, its sampling interval, the bins its increments
 * are averaged over and the diffusion model fitted to them (Kramers–Moyal estimation, see
 * {@link ddmatch.fit.DataDrivenMatcher}).
 */
final class TrainDataOptions {
    @Option(names = "--data", paramLabel = "FILE",
            description = "train on this trajectory (.npy or .csv: time column then one column per dimension, regular sampling; "
                    + "default: none, train on SYSTEM's equations)")
    Path data;

    @Option(names = "--dt-data", paramLabel = "DT",
            description = "time between rows of --data in the system's time units (default: the step of its time column)")
    Double dtData;

    @Option(names = "--bins", defaultValue = "0", paramLabel = "B",
            description = "bins per dimension for averaging the data's increments (default: 100, 60, 40 for d = 1, 2, 3; 20 above)")
    int bins;

    @Option(names = "--noise", defaultValue = "constant", paramLabel = "MODEL",
            description = "diffusion model fitted to --data: constant or state-dependent (default: ${DEFAULT-VALUE})")
    String noise;

    /** Whether {@code --data} was given, i.e. whether the data-driven path runs. */
    boolean given() {
        return data != null;
    }

    /** Without {@code --data}: {@code --dt-data} has nothing to describe. */
    void checkAbsent() {
        if (dtData != null) {
            throw new IllegalArgumentException("--dt-data = " + dtData + " is only allowed with --data");
        }
    }

    /** {@code --noise} as a model; one line naming the value and the allowed ones otherwise. */
    DataConfig.NoiseModel noiseModel() {
        return switch (noise) {
            case "constant" -> DataConfig.NoiseModel.CONSTANT;
            case "state-dependent" -> DataConfig.NoiseModel.STATE_DEPENDENT;
            default -> throw new IllegalArgumentException("--noise = " + noise
                    + " is not allowed; allowed are constant and state-dependent");
        };
    }

    /** Rejects a {@code --dt-data} that is not finite and positive. */
    void checkInterval() {
        if (dtData != null) {
            OptionChecks.finitePositive("--dt-data", dtData);
        }
    }

    /** The time between rows: {@code --dt-data} if given, else {@code fileInterval} (the step of the time column). */
    double interval(double fileInterval) {
        return dtData != null ? dtData : fileInterval;
    }
}
