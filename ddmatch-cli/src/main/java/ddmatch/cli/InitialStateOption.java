package ddmatch.cli;

import ddmatch.sde.InitialStateOverride;
import ddmatch.sde.Sde;
import picocli.CommandLine.Option;

/** The shared {@code --initial z1,z2,…} option: overrides a system's default initial state. */
final class InitialStateOption {
    @Option(names = "--initial", split = ",", paramLabel = "Z",
            description = "initial state of the target system, comma-separated, one value per dimension (default: the system's own)")
    double[] initial;

    /** {@code sde} with the given initial state, or {@code sde} itself when the option is absent. */
    Sde apply(Sde sde) {
        if (initial == null) {
            return sde;
        }
        if (initial.length != sde.dimension()) {
            throw new IllegalArgumentException("--initial has " + initial.length + " values but system '" + sde.name()
                    + "' has dimension " + sde.dimension() + "; give exactly " + sde.dimension() + " comma-separated numbers");
        }
        return new InitialStateOverride(sde, initial);
    }
}
