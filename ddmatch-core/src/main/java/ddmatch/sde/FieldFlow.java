package ddmatch.sde;

import java.util.Map;

/**
 * A flow whose drift and Jacobian are given as two functions of the state, with optional additive isotropic noise
 * {@code G = noise·I}: how the catalog holds the dysts flows that need no code of their own beyond their equations
 * ({@link DystsFlows}). The functions capture their parameters when the system is built, so an evaluation reads only
 * the state.
 */
public final class FieldFlow extends AdditiveNoiseSystem {

    /** A function of the state written into a caller's array: the drift (length d) or the Jacobian (d × d, row-major). */
    @FunctionalInterface
    public interface Field {
        /**
         * @param z   the state (length d; not modified)
         * @param out where the value goes: {@code out[i]} = fᵢ(z) for the drift, {@code out[i·d + j]} = ∂fᵢ/∂zⱼ for
         *            the Jacobian
         */
        void apply(double[] z, double[] out);
    }

    /** The drift and its Jacobian, built together from one parameter map (so both see the same values). */
    public record Fields(Field drift, Field jacobian) {
        public Fields {
            if (drift == null || jacobian == null) {
                throw new IllegalArgumentException("a flow needs both its drift and its Jacobian");
            }
        }
    }

    private final Field drift;
    private final Field jacobian;

    /**
     * @param name         the catalog name
     * @param parameters   the parameter values the fields were built from (checked finite here, by name)
     * @param fields       drift and Jacobian
     * @param noise        additive noise amplitude (0 for the ODE)
     * @param initialState default initial state (its length is the dimension)
     * @param timeStep     default time step
     */
    public FieldFlow(String name, Map<String, Double> parameters, Fields fields, double noise, double[] initialState,
                     double timeStep) {
        super(name, initialState == null ? 0 : initialState.length, noise, initialState, timeStep);
        for (Map.Entry<String, Double> p : parameters.entrySet()) {
            Parameters.requireFinite(name, p.getKey(), p.getValue());
        }
        this.drift = fields.drift();
        this.jacobian = fields.jacobian();
    }

    @Override
    public void drift(double t, double[] z, double[] out) {
        drift.apply(z, out);
    }

    @Override
    public void jacobian(double t, double[] z, double[] out) {
        jacobian.apply(z, out);
    }
}
