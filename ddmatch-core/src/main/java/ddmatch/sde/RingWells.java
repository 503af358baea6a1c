package ddmatch.sde;

/**
 * K potential wells on a ring, optionally driven round it: {@code dz = (−∇V(z) + γ·(−y, x)) dt + noise·dW} in the
 * plane, with {@code V(x, y) = κ(r² − 1)²/4 − (h/K)·Re((x + iy)^K)}. The first term confines the particle to the unit
 * circle, the second (a harmonic polynomial, smooth at the origin) puts K minima near radius 1 at the angles
 * {@code 2πj/K}, separated by saddles of angular barrier ≈ 2h/K. The rotational term {@code γ(−y, x)} is
 * divergence-free and not a gradient: for 0 &lt; |γ| &lt; h the wells persist but detailed balance is broken, the
 * stationary probability current circulates and transitions run preferentially in one direction round the ring
 * (sequential switching driven by a nonequilibrium current); γ = 0 gives a reversible multi-well gradient system.
 *
 * <p>The Jacobian uses the Cauchy–Riemann relations: {@code ∇Re(w^K) = K(Re w^{K−1}, −Im w^{K−1})}.
 */
public final class RingWells extends AdditiveNoiseSystem {
    private final int wells;
    private final double kappa;
    private final double h;
    private final double gamma;

    /**
     * @param name  catalog name ({@code ring-wells} or {@code rotating-wells})
     * @param wells number of wells K ≥ 2
     * @param kappa radial stiffness κ &gt; 0
     * @param h     depth of the angular modulation h &gt; 0
     * @param gamma circulation strength γ (0: gradient system)
     * @param noise additive noise amplitude
     */
    public RingWells(String name, int wells, double kappa, double h, double gamma, double noise, double[] initialState,
                     double timeStep) {
        super(name, 2, noise, initialState, timeStep);
        if (wells < 2) {
            throw new IllegalArgumentException(name + ": parameter 'wells' = " + wells + " is not allowed; it must be an integer ≥ 2");
        }
        Parameters.requirePositive(name, "kappa", kappa);
        Parameters.requirePositive(name, "h", h);
        Parameters.requireFinite(name, "gamma", gamma);
        this.wells = wells;
        this.kappa = kappa;
        this.h = h;
        this.gamma = gamma;
    }

    public int wells() { return wells; }

    public double gamma() { return gamma; }

    /** Angle of well j (radians): {@code 2πj/K}. */
    public double wellAngle(int j) { return 2.0 * Math.PI * j / wells; }

    @Override
    public void drift(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], r2m1 = x * x + y * y - 1.0;
        // (re, im) = (x + iy)^(K−1), by repeated multiplication: no allocation, exact for small K.
        double re = 1.0, im = 0.0;
        for (int k = 0; k < wells - 1; k++) {
            double nr = re * x - im * y;
            im = re * y + im * x;
            re = nr;
        }
        out[0] = -kappa * r2m1 * x + h * re - gamma * y;
        out[1] = -kappa * r2m1 * y - h * im + gamma * x;
    }

    @Override
    public void jacobian(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], r2m1 = x * x + y * y - 1.0;
        double re = 1.0, im = 0.0; // (x + iy)^(K−2)
        for (int k = 0; k < wells - 2; k++) {
            double nr = re * x - im * y;
            im = re * y + im * x;
            re = nr;
        }
        double c = h * (wells - 1);
        out[0] = -kappa * (r2m1 + 2.0 * x * x) + c * re;
        out[1] = -kappa * 2.0 * x * y - c * im - gamma;
        out[2] = -kappa * 2.0 * x * y - c * im + gamma;
        out[3] = -kappa * (r2m1 + 2.0 * y * y) - c * re;
    }
}
