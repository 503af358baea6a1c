package ddmatch.sde.user;

import ddmatch.sde.input.InputSchedule;

/**
 * The compiled form of a user system's expressions. Implemented only by classes that {@link UserSystem} generates
 * from syntax trees and compiles at run time; public because the generated class lives in its own class loader. All
 * methods write every entry of {@code out} and allocate nothing.
 */
public interface Kernel {
    /** Writes the drift (length d). Arguments: time, state (d), parameter values, input schedules, output. */
    void drift(double t, double[] z, double[] p, InputSchedule[] in, double[] out);

    /** Writes the drift (length d) at given input values {@code u} (length = number of inputs) instead of schedules. */
    void driftAt(double t, double[] z, double[] p, double[] u, double[] out);

    /** Writes the diffusion matrix, row-major d × m. */
    void diffusion(double t, double[] z, double[] p, InputSchedule[] in, double[] out);

    /** Writes the drift's Jacobian, row-major d × d. */
    void jacobian(double t, double[] z, double[] p, InputSchedule[] in, double[] out);
}
