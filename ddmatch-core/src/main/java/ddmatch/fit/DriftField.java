package ddmatch.fit;

/**
 * A time-independent drift field {@code f(z)} in a target's coordinates, written into a caller's array: one component
 * of a split of the target's drift (e.g. its reversible or irreversible part) that a network can be fitted to with
 * {@link DriftMatcher#trainSplit}. Implementations must not keep references to the arrays they are given.
 */
@FunctionalInterface
public interface DriftField {

    /**
     * Writes {@code f(z)} into {@code out}.
     *
     * @param z   state, length d; must not be modified
     * @param out receives the drift, length d; never the same array as {@code z}
     */
    void drift(double[] z, double[] out);
}
