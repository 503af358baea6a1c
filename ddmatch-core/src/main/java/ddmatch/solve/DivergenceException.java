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
    private final double limit;
    private final double dt;
    private final String scheme;
    private final String what;

    /**
     * The hint says only what any caller can do, use a smaller step: it used to add "or the euler-maruyama scheme",
     * which users of the command line cannot choose. Callers that know more replace it with {@link #withHint}.
     */
    public DivergenceException(String system, double time, long step, double norm, double limit, double dt, String scheme) {
        this(system, time, step, norm, limit, dt, scheme, String.format("try a smaller time step than dt = %g", dt));
    }

    private DivergenceException(String system, double time, long step, double norm, double limit, double dt, String scheme,
                                String hint) {
        this(system, time, step, norm, limit, dt, scheme, String.format("state norm %s %s",
                Double.isFinite(norm) ? String.format("%.3g", norm) : String.valueOf(norm),
                Double.isFinite(norm) ? "exceeds the bound " + String.format("%.3g", limit) : "(non-finite state)"), hint);
    }

    /**
     * A run stopped by a caller's own criterion, described by {@code what} (e.g. how far the readout has left the
     * training region); {@code norm} and {@code limit} are that criterion's measure and bound.
     */
    public DivergenceException(String system, double time, long step, double norm, double limit, double dt, String scheme,
                               String what, String hint) {
        super(String.format("simulation of '%s' diverged at t = %.6g (step %d): %s; %s", system, time, step, what, hint));
        this.what = what;
        this.system = system;
        this.time = time;
        this.step = step;
        this.norm = norm;
        this.limit = limit;
        this.dt = dt;
        this.scheme = scheme;
    }

    /** The same failure with another hint (what to do about it), e.g. naming a command-line option. */
    public DivergenceException withHint(String hint) {
        DivergenceException e = new DivergenceException(system, time, step, norm, limit, dt, scheme, what, hint);
        e.setStackTrace(getStackTrace());
        return e;
    }

    public double dt() { return dt; }

    public String scheme() { return scheme; }

    public double limit() { return limit; }

    public String system() { return system; }

    public double time() { return time; }

    public long step() { return step; }

    public double norm() { return norm; }
}
