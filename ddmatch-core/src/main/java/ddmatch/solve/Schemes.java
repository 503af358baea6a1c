package ddmatch.solve;

import java.util.List;

/**
 * The registry of available fixed-step schemes, for lookup by name and for error messages that list alternatives.
 * The adaptive Dormand–Prince integrator for ODEs is not a fixed-step scheme; see {@link AdaptiveIntegrator}.
 */
public final class Schemes {
    private Schemes() {}

    /** Every scheme, in the order they are listed to users. */
    public static List<Scheme> all() {
        return List.of(EulerMaruyama.INSTANCE, Milstein.INSTANCE, StochasticHeun.INSTANCE, StochasticHeun.STRATONOVICH,
                Sra1.INSTANCE, RungeKutta4.INSTANCE);
    }

    /**
     * The scheme called {@code name}.
     *
     * @throws IllegalArgumentException naming the known schemes
     */
    public static Scheme byName(String name) {
        for (Scheme s : all()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        StringBuilder known = new StringBuilder();
        for (Scheme s : all()) {
            known.append(known.length() == 0 ? "" : ", ").append(s.name());
        }
        throw new IllegalArgumentException("unknown scheme '" + name + "'; known schemes: " + known);
    }
}
