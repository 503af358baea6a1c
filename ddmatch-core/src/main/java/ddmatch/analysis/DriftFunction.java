package ddmatch.analysis;

/**
 * A time-independent drift {@code f(z)}, written into an array owned by the caller so that it can be evaluated once per
 * sample without allocation. Implementations must not keep references to the arrays they are given.
 */
@FunctionalInterface
public interface DriftFunction {

    /**
     * Writes {@code f(z)} into {@code out}.
     *
     * @param z   state, length {@code d}; must not be modified
     * @param out receives the drift, length {@code d}; never the same array as {@code z}
     */
    void drift(double[] z, double[] out);
}
