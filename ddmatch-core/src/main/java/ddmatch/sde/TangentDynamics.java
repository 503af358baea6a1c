package ddmatch.sde;

/**
 * A system that can apply its drift Jacobian to a vector without forming the matrix: {@code out = ∂f/∂z (z) · v}.
 * Large systems (a network of N neurons, whose Jacobian is N × N but of low rank plus a multiple of the identity)
 * implement this so that tangent dynamics cost O(N·d) per vector instead of O(N²).
 */
public interface TangentDynamics {

    /**
     * Writes {@code ∂f/∂z(t, z) · v} into {@code out}.
     *
     * @param z   state, not modified
     * @param v   tangent vector, not modified
     * @param out receives the product; must not be {@code z} or {@code v}
     */
    void jacobianTimes(double t, double[] z, double[] v, double[] out);
}
