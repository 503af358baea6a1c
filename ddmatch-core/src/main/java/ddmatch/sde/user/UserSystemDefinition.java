package ddmatch.sde.user;

import ddmatch.sde.input.InputSchedule;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything that defines a user system, with its expressions already parsed.
 *
 * @param name         identifier used in reports and file names: letters, digits, '_', '.', '-' (at most 64, starting
 *                     with a letter or digit)
 * @param description  one line for listings (may be empty)
 * @param symbols      the declared state variables, parameters and inputs
 * @param parameters   parameter values, in the order of {@link Symbols#parameters()}, finite (copied)
 * @param inputs       input schedules, in the order of {@link Symbols#inputs()}
 * @param drift        one expression per state variable, in the order of {@link Symbols#state()}
 * @param diffusion    the diffusion matrix; {@link Diffusion.Diagonal} needs d entries, {@link Diffusion.Matrix} d rows
 * @param initialState a typical state, length d, finite (copied)
 * @param timeStep     default time step of the fixed-step schemes, finite and &gt; 0
 */
public record UserSystemDefinition(String name, String description, Symbols symbols, double[] parameters,
                                   List<InputSchedule> inputs, List<Expr> drift, Diffusion diffusion,
                                   double[] initialState, double timeStep) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    /** Validates shapes and values; messages name the field, the value and what is allowed. */
    public UserSystemDefinition {
        Objects.requireNonNull(symbols, "symbols");
        Objects.requireNonNull(diffusion, "diffusion");
        description = description == null ? "" : description;
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name " + (name == null ? "null" : "'" + name + "'") + " is not allowed; "
                    + "use letters, digits, '_', '.' or '-' (starting with a letter or digit, at most 64 characters)");
        }
        int d = symbols.state().size();
        parameters = parameters.clone();
        initialState = initialState.clone();
        inputs = List.copyOf(inputs);
        drift = List.copyOf(drift);
        if (parameters.length != symbols.parameters().size()) {
            throw new IllegalArgumentException("parameters: " + parameters.length + " values for "
                    + symbols.parameters().size() + " names " + symbols.parameters() + "; give one value per name");
        }
        for (int i = 0; i < parameters.length; i++) {
            if (!Double.isFinite(parameters[i])) {
                throw new IllegalArgumentException("parameter '" + symbols.parameters().get(i) + "' = " + parameters[i]
                        + " is not allowed; it must be a finite number");
            }
        }
        if (inputs.size() != symbols.inputs().size()) {
            throw new IllegalArgumentException("inputs: " + inputs.size() + " schedules for " + symbols.inputs().size()
                    + " names " + symbols.inputs() + "; give one schedule per name");
        }
        if (drift.size() != d) {
            throw new IllegalArgumentException("drift: " + drift.size() + " expressions for " + d + " state variables "
                    + symbols.state() + "; give one per variable");
        }
        if (diffusion instanceof Diffusion.Diagonal g && g.entries().size() != d) {
            throw new IllegalArgumentException("diffusion: a diagonal of " + g.entries().size() + " entries for " + d
                    + " state variables; give one entry per variable (or one scalar, or a d × m matrix)");
        }
        if (diffusion instanceof Diffusion.Matrix g && g.rows() != d) {
            throw new IllegalArgumentException("diffusion: a matrix with " + g.rows() + " rows for " + d
                    + " state variables; it must have d = " + d + " rows (one per variable) and m columns");
        }
        if (initialState.length != d) {
            throw new IllegalArgumentException("initial_state: " + initialState.length + " values for " + d
                    + " state variables; give one per variable");
        }
        for (int i = 0; i < d; i++) {
            if (!Double.isFinite(initialState[i])) {
                throw new IllegalArgumentException("initial_state '" + symbols.state().get(i) + "' = " + initialState[i]
                        + " is not allowed; it must be a finite number");
            }
        }
        if (!(timeStep > 0) || !Double.isFinite(timeStep)) {
            throw new IllegalArgumentException("dt = " + timeStep + " is not allowed; it must be finite and > 0");
        }
    }

    /** A copy of the parameter values. */
    @Override
    public double[] parameters() {
        return parameters.clone();
    }

    /** A copy of the initial state. */
    @Override
    public double[] initialState() {
        return initialState.clone();
    }

    /** The state dimension d. */
    public int dimension() {
        return symbols.state().size();
    }
}
