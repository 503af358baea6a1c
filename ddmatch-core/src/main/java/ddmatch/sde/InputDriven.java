package ddmatch.sde;

import ddmatch.sde.input.InputSchedule;
import java.util.List;

/**
 * An SDE driven by p external inputs, {@code dz = f(z, u(t), t) dt + G dW}: the drift can be evaluated at any chosen
 * input vector {@code u}, not only at the schedules the system is driven by. This is what a network needs to learn the
 * input dependence of the drift: samples are drawn over {@code (z, u)}, not along one input history.
 *
 * <p>Contract: {@link #drift(double, double[], double[])} equals {@link #drift(double, double[], double[], double[])}
 * at {@code u_k = schedules().get(k).value(t)}. Like {@link Sde#drift}, the four-argument drift allocates nothing.
 */
public interface InputDriven extends Sde {

    /** Number p ≥ 0 of scalar inputs. */
    int inputDimension();

    /** Input names in order (length p), e.g. as declared in a spec file. */
    List<String> inputNames();

    /** The schedules {@code u_k(t)} this system is driven by (length p). */
    List<InputSchedule> schedules();

    /**
     * Writes the drift {@code f(z, u, t)} at the given input values.
     *
     * @param t   time
     * @param z   state, length d; not modified
     * @param u   input values, length p; not modified
     * @param out receives the drift, length d
     */
    void drift(double t, double[] z, double[] u, double[] out);
}
