package ddmatch.solve;

import ddmatch.sde.NoiseType;
import ddmatch.sde.Sde;
import java.util.Set;

/**
 * A fixed-step integration scheme: what it is (its name, the noise structures it supports, its strong and weak
 * orders, its reference) and a factory for the per-run {@link Stepper} that holds its working arrays.
 */
public interface Scheme {

    /** Short name used in CLI options and reports, e.g. {@code euler-maruyama}. */
    String name();

    /** The noise structures this scheme integrates correctly. */
    Set<NoiseType> supports();

    /** Strong (pathwise) order of convergence for systems with the given noise structure. */
    double strongOrder(NoiseType noise);

    /** Weak (in distribution) order of convergence. */
    double weakOrder();

    /**
     * Whether the scheme needs the iterated integrals {@code ΔZ} besides {@code ΔW} (then it must be driven by an
     * {@link IteratedNoiseStream}, and the {@link Integrator} calls {@link Stepper#step(double, double, double[],
     * double[], double[])}). False unless overridden.
     */
    default boolean needsTimeIntegral() {
        return false;
    }

    /**
     * A stepper for {@code sde} with its own working arrays.
     *
     * @throws IllegalArgumentException if the system's noise type is not supported; the message names the scheme, the
     *                                  noise type and the schemes that support it
     */
    Stepper stepper(Sde sde);

    /** Throws the set-up error described in {@link #stepper} when {@code sde} does not fit this scheme. */
    default void requireSupported(Sde sde) {
        if (!supports().contains(sde.noiseType())) {
            StringBuilder alternatives = new StringBuilder();
            for (Scheme s : Schemes.all()) {
                if (s.supports().contains(sde.noiseType())) {
                    alternatives.append(alternatives.length() == 0 ? "" : ", ").append(s.name());
                }
            }
            String why = this == StochasticHeun.INSTANCE
                    ? " (Heun converges to the Stratonovich solution, which differs from the Itô one for multiplicative"
                    + " noise; use heun-stratonovich if the system is meant in the Stratonovich sense)" : "";
            throw new IllegalArgumentException("scheme '" + name() + "' does not support noise type " + sde.noiseType()
                    + " of system '" + sde.name() + "' (it supports " + supports() + ")" + why + "; schemes that do: "
                    + alternatives);
        }
    }
}
