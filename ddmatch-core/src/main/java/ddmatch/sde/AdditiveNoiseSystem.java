package ddmatch.sde;

import java.util.Arrays;

/**
 * Base of the catalog systems whose noise is additive and isotropic, {@code G = g·I} (d × d): a deterministic flow
 * when {@code g = 0}, an SDE with constant diffusion {@code D = ½g²I} otherwise. Subclasses hold their parameters
 * as final fields and implement the drift and its analytic Jacobian; this class holds the rest (name, dimension,
 * noise amplitude, default initial state and time step).
 */
public abstract class AdditiveNoiseSystem implements Sde {
    private final String name;
    private final int dimension;
    private final double noise;
    private final double[] initialState;
    private final double timeStep;

    /**
     * @param name         identifier of the system (as in the catalog)
     * @param dimension    state dimension d ≥ 1
     * @param noise        additive noise amplitude g ≥ 0 ({@code G = g·I}); 0 gives the ODE
     * @param initialState default initial state, length d, finite (copied)
     * @param timeStep     default time step &gt; 0 (time units of the system)
     */
    protected AdditiveNoiseSystem(String name, int dimension, double noise, double[] initialState, double timeStep) {
        if (dimension < 1) {
            throw new IllegalArgumentException(name + ": dimension = " + dimension + " is not allowed; it must be ≥ 1");
        }
        Parameters.requireNonNegative(name, "noise", noise);
        Parameters.requirePositive(name, "timeStep", timeStep);
        if (initialState == null || initialState.length != dimension) {
            throw new IllegalArgumentException(name + ": initial state of length "
                    + (initialState == null ? "null" : initialState.length) + " is not allowed; it must have length " + dimension);
        }
        for (int i = 0; i < dimension; i++) {
            Parameters.requireFinite(name, "initialState[" + i + "]", initialState[i]);
        }
        this.name = name;
        this.dimension = dimension;
        this.noise = noise;
        this.initialState = initialState.clone();
        this.timeStep = timeStep;
    }

    /** Additive noise amplitude {@code g} ({@code G = g·I}). */
    public final double noise() { return noise; }

    @Override public final int dimension() { return dimension; }

    @Override public final int noiseDimension() { return noise == 0.0 ? 0 : dimension; }

    @Override public final NoiseType noiseType() { return noise == 0.0 ? NoiseType.NONE : NoiseType.ADDITIVE; }

    @Override public String name() { return name; }

    @Override
    public final void diffusion(double t, double[] z, double[] out) {
        Arrays.fill(out, 0, dimension * dimension, 0.0);
        for (int i = 0; i < dimension; i++) {
            out[i * dimension + i] = noise;
        }
    }

    @Override public final double[] initialState() { return initialState.clone(); }

    @Override public final double defaultTimeStep() { return timeStep; }

    @Override public final boolean hasJacobian() { return true; }

    @Override public abstract void drift(double t, double[] z, double[] out);

    @Override public abstract void jacobian(double t, double[] z, double[] out);
}
