package ddmatch.sde;

/**
 * Checks that a system keeps the promises of {@link Sde} that the rest of the library relies on, for systems written
 * by users in Java (the built-in ones and spec files are checked when built). Each check throws an
 * {@link IllegalArgumentException} that names the system, what it declares and what is allowed, before any work
 * starts: a contradiction between, say, the noise type and the noise dimension would otherwise surface as an array
 * index deep inside a solver, or, worse, not at all.
 */
public final class SdeContract {
    private SdeContract() {}

    /**
     * The declarations agree with each other: {@code d ≥ 1}; {@code m ≥ 0}; {@code m = 0} exactly when the noise type
     * is {@link NoiseType#NONE}; diagonal noise has {@code m ≤ d}; the initial state has d finite entries; the default
     * time step is finite and positive.
     */
    public static void requireConsistent(Sde sde) {
        if (sde == null) {
            throw new IllegalArgumentException("the system is null");
        }
        String name = "system '" + sde.name() + "'";
        int d = sde.dimension();
        int m = sde.noiseDimension();
        NoiseType type = sde.noiseType();
        if (d < 1) {
            throw new IllegalArgumentException(name + " declares dimension() = " + d + "; it must be ≥ 1");
        }
        if (m < 0) {
            throw new IllegalArgumentException(name + " declares noiseDimension() = " + m + "; it must be ≥ 0");
        }
        if (type == null) {
            throw new IllegalArgumentException(name + " declares noiseType() = null; it must be one of NONE, ADDITIVE,"
                    + " DIAGONAL, GENERAL");
        }
        if ((m == 0) != (type == NoiseType.NONE)) {
            throw new IllegalArgumentException(name + " declares noiseType() = " + type + " with noiseDimension() = " + m
                    + "; an ODE has NONE and 0, a noisy system a noise type other than NONE and m ≥ 1");
        }
        if (type == NoiseType.DIAGONAL && m > d) {
            throw new IllegalArgumentException(name + " declares DIAGONAL noise with noiseDimension() = " + m
                    + " > dimension() = " + d + "; diagonal noise drives each component by its own Wiener process (m ≤ d)");
        }
        double[] z0 = sde.initialState();
        if (z0 == null || z0.length != d) {
            throw new IllegalArgumentException(name + "'s initialState() has " + (z0 == null ? "no" : z0.length)
                    + " entries; it must have dimension() = " + d);
        }
        for (int i = 0; i < d; i++) {
            if (!Double.isFinite(z0[i])) {
                throw new IllegalArgumentException(name + "'s initialState()[" + i + "] = " + z0[i] + " is not finite");
            }
        }
        double dt = sde.defaultTimeStep();
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException(name + " declares defaultTimeStep() = " + dt + "; it must be finite and > 0");
        }
    }

    /** Times at which {@link #requireAutonomous} evaluates the drift besides t = 0 (not round, so no period hides them). */
    private static final double[] PROBE_TIMES = {0.7390851332151607, 13.37, -2.2360679774997896};

    /**
     * The drift and diffusion do not depend on time: at up to 8 of the given states (row-major, {@code rows × d}),
     * their values at three other times equal those at t = 0 to within 1e-12 relative. Drift matching fits the drift
     * as a function of the state alone, at t = 0; a forced system should be written as an {@link InputDriven} one,
     * with the forcing as an input.
     */
    public static void requireAutonomous(Sde sde, double[] points, int rows) {
        int d = sde.dimension();
        int m = sde.noiseDimension();
        double[] z = new double[d];
        double[] f0 = new double[d];
        double[] f1 = new double[d];
        double[] g0 = new double[d * m];
        double[] g1 = new double[d * m];
        int probes = Math.min(rows, 8);
        for (int p = 0; p < probes; p++) {
            int row = (int) ((long) p * rows / probes);
            System.arraycopy(points, row * d, z, 0, d);
            sde.drift(0.0, z, f0);
            if (m > 0) {
                sde.diffusion(0.0, z, g0);
            }
            for (double t : PROBE_TIMES) {
                sde.drift(t, z, f1);
                requireSame(sde, "drift", f0, f1, z, t);
                if (m > 0) {
                    sde.diffusion(t, z, g1);
                    requireSame(sde, "diffusion", g0, g1, z, t);
                }
            }
        }
    }

    private static void requireSame(Sde sde, String what, double[] at0, double[] atT, double[] z, double t) {
        for (int i = 0; i < at0.length; i++) {
            double scale = Math.max(1.0, Math.abs(at0[i]));
            if (!(Math.abs(atT[i] - at0[i]) <= 1e-12 * scale)) {
                throw new IllegalArgumentException("the " + what + " of system '" + sde.name() + "' depends on time (entry "
                        + i + " at z = " + java.util.Arrays.toString(z) + ": " + at0[i] + " at t = 0, " + atT[i] + " at t = "
                        + t + "); drift matching fits a drift of the state alone: write the time dependence as an input"
                        + " (an InputDriven system, or 'inputs:' in a spec file) so the network learns it");
            }
        }
    }
}
