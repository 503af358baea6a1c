package ddmatch.sde;

/**
 * A system with another default initial state: every method delegates to the wrapped system except
 * {@link #initialState()}. Built by {@link SystemCatalog.Entry#create(java.util.Map, double[])}.
 */
public final class InitialStateOverride implements Sde {
    private final Sde system;
    private final double[] initialState;

    /**
     * @param system       the system to wrap
     * @param initialState the new initial state, of length {@code system.dimension()}, finite (copied)
     */
    public InitialStateOverride(Sde system, double[] initialState) {
        if (initialState == null || initialState.length != system.dimension()) {
            throw new IllegalArgumentException("initial state of length " + (initialState == null ? "null" : initialState.length)
                    + " is not allowed for system '" + system.name() + "'; it must have length " + system.dimension());
        }
        for (int i = 0; i < initialState.length; i++) {
            if (!Double.isFinite(initialState[i])) {
                throw new IllegalArgumentException("initial state component " + i + " = " + initialState[i]
                        + " is not allowed for system '" + system.name() + "'; it must be finite");
            }
        }
        this.system = system;
        this.initialState = initialState.clone();
    }

    /** The wrapped system. */
    public Sde system() { return system; }

    @Override public int dimension() { return system.dimension(); }

    @Override public int noiseDimension() { return system.noiseDimension(); }

    @Override public void drift(double t, double[] z, double[] out) { system.drift(t, z, out); }

    @Override public void diffusion(double t, double[] z, double[] out) { system.diffusion(t, z, out); }

    @Override public NoiseType noiseType() { return system.noiseType(); }

    @Override public String name() { return system.name(); }

    @Override public double[] initialState() { return initialState.clone(); }

    @Override public double defaultTimeStep() { return system.defaultTimeStep(); }

    @Override public boolean hasJacobian() { return system.hasJacobian(); }

    @Override public void jacobian(double t, double[] z, double[] out) { system.jacobian(t, z, out); }
}
