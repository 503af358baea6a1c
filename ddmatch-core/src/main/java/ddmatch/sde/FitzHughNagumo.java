package ddmatch.sde;

/**
 * The noisy FitzHugh–Nagumo neuron {@code v̇ = v − v³/3 − w + I}, {@code ẇ = ε(v + a − b·w)} with additive noise
 * {@code G = noise·I}: an excitable system (I = 0) or a relaxation oscillator (I in the oscillatory range, e.g. 0.5
 * with a = 0.7, b = 0.8, ε = 0.08); noise makes an excitable neuron spike irregularly (coherence resonance).
 *
 * <p>References: R. FitzHugh, Biophys. J. 1, 445 (1961); J. Nagumo, S. Arimoto and S. Yoshizawa, Proc. IRE 50, 2061
 * (1962); A. S. Pikovsky and J. Kurths, Phys. Rev. Lett. 78, 775 (1997).
 */
public final class FitzHughNagumo extends AdditiveNoiseSystem {
    static final String NAME = "fitzhugh-nagumo";
    private final double a;
    private final double b;
    private final double eps;
    private final double current;

    /**
     * @param a       recovery offset a
     * @param b       recovery self-coupling b
     * @param eps     time-scale ratio ε &gt; 0 (slow recovery)
     * @param current injected current I
     * @param noise   additive noise amplitude
     */
    public FitzHughNagumo(double a, double b, double eps, double current, double noise, double[] initialState, double timeStep) {
        super(NAME, 2, noise, initialState, timeStep);
        Parameters.requireFinite(NAME, "a", a);
        Parameters.requireFinite(NAME, "b", b);
        Parameters.requirePositive(NAME, "eps", eps);
        Parameters.requireFinite(NAME, "current", current);
        this.a = a;
        this.b = b;
        this.eps = eps;
        this.current = current;
    }

    @Override
    public void drift(double t, double[] z, double[] out) {
        double v = z[0], w = z[1];
        out[0] = v - v * v * v / 3.0 - w + current;
        out[1] = eps * (v + a - b * w);
    }

    @Override
    public void jacobian(double t, double[] z, double[] out) {
        double v = z[0];
        out[0] = 1.0 - v * v; out[1] = -1.0;
        out[2] = eps;         out[3] = -eps * b;
    }
}
