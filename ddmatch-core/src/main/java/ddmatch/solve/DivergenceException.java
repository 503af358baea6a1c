package ddmatch.solve;

/**
 * A run stopped because the state became non-finite or its norm exceeded the allowed bound. Carries the coordinates
 * of the failure so that the caller can report them; the message includes a hint.
 */
public final class DivergenceException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String system;
    private final double time;
    private final long step;
    private final double norm;

    public DivergenceException(String system, double time, long step, double norm, double limit, double dt, String scheme) {
        super(String.format("simulation of '%s' diverged at t = %.6g (step %d): state norm %s %s; try a smaller time step than dt = %g%s",
                system, time, step, Double.isFinite(norm) ? String.format("%.3g", norm) : String.valueOf(norm),
                Double.isFinite(norm) ? "exceeds the bound " + String.format("%.3g", limit) : "(non-finite state)",
                dt, scheme.equals("euler-maruyama") ? "" : " or the euler-maruyama scheme"));
        this.system = system;
        this.time = time;
        this.step = step;
        this.norm = norm;
    }

    public String system() { return system; }

    public double time() { return time; }

    public long step() { return step; }

    public double norm() { return norm; }
}
