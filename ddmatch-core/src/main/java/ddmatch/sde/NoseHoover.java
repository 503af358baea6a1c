package ddmatch.sde;

/**
 * The Nosé–Hoover thermostatted oscillator, conservative on average: ẋ = y, ẏ = −x + yz, ż = a − y²; optionally with additive isotropic noise {@code G = noise·I}.
 * The catalog entry {@code nose-hoover} takes its default parameters, initial state and reference Lyapunov values from the
 * dysts metadata (see {@link SystemCatalog}).
 *
 * <p>Reference: Nose, S (1985). A unified formulation of the constant temperature molecular-dynamics methods. Journal of Chemical Physics (1984). Hoover, William G. Canonical dynamics: Equilibrium phase-space distributions. Phys. Rev. A. Hoover, William G., Anthony JC Ladd, and Bill Moran (1982). High-strain-rate plastic flow studied via nonequilibrium molecular dynamics. Physical Review Letters.
 */
public final class NoseHoover extends AdditiveNoiseSystem {
    static final String NAME = "nose-hoover";
    private final double a;

    /**
     * @param a parameter a of the equations above
     * @param noise        additive noise amplitude (0 for the ODE)
     * @param initialState default initial state (length 3)
     * @param timeStep     default time step
     */
    public NoseHoover(double a, double noise, double[] initialState, double timeStep) {
        super(NAME, 3, noise, initialState, timeStep);
        Parameters.requireFinite(NAME, "a", a);
        this.a = a;
    }

    public double a() { return a; }

    @Override
    public void drift(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], w = z[2];
        out[0] = y;
        out[1] = -x + y * w;
        out[2] = a - y * y;
    }

    @Override
    public void jacobian(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], w = z[2];
        out[0] = 0.0; out[1] = 1.0; out[2] = 0.0;
        out[3] = -1.0; out[4] = w; out[5] = y;
        out[6] = 0.0; out[7] = -2.0 * y; out[8] = 0.0;
    }
}
