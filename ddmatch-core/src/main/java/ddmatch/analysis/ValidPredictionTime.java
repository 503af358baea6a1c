package ddmatch.analysis;

import ddmatch.rnn.Network;
import ddmatch.sde.NoiseType;
import ddmatch.sde.Sde;
import ddmatch.solve.RungeKutta4;
import ddmatch.solve.Stepper;
import java.util.Arrays;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Valid prediction time: how long a model started at a state of the target follows the target's own trajectory from
 * that state — the forecasting skill reservoir computers and other learned models of chaotic flows are compared by.
 *
 * <p>From each start {@code z₀} the target is run from {@code z₀} and the model from its lift of {@code z₀} (for a
 * network, the manifold point {@code x = U z̃₀ + b}), both by RK4 at the same step on their drifts (noise, if any, is
 * switched off: a forecast of the deterministic part, as the Lyapunov exponents are). After every step the normalised
 * error is
 * <pre>  NRMSE(t) = √( (1/d) Σᵢ ((ẑᵢ(t) − zᵢ(t)) / σᵢ)² ),</pre>
 * with {@code ẑ} the model's readout and {@code σᵢ} the standard deviation of component i over the attractor; the
 * start's valid time is the first t with {@code NRMSE(t) > ε}. A start still within ε at the horizon counts as the
 * horizon and is reported as censored. With the target's largest Lyapunov exponent λ the times are also given in
 * Lyapunov times {@code t·λ}: a perfect model started δ away diverges after about {@code ln(ε/δ)/λ}, so each factor e
 * of model accuracy buys about one Lyapunov time (tested on twin Lorenz runs).
 *
 * <p>Definition and threshold as in P. R. Vlachas et al., "Backpropagation algorithms and Reservoir Computing in
 * Recurrent Neural Networks for the forecasting of complex spatiotemporal dynamics", Neural Networks 126, 191 (2020),
 * which takes ε = 0.5 (the default here); J. Pathak et al., Phys. Rev. Lett. 120, 024102 (2018) measure forecasts of
 * the same kind in Lyapunov times.
 */
public final class ValidPredictionTime {
    private ValidPredictionTime() {}

    /**
     * @param threshold ε, the NRMSE at which a forecast stops being valid (&gt; 0; default 0.5)
     * @param horizon   longest forecast from one start, target time units (&gt; 0): starts still valid then are censored
     */
    public record Config(double threshold, double horizon) {
        public Config {
            if (!(threshold > 0) || !Double.isFinite(threshold)) {
                throw new IllegalArgumentException("threshold = " + threshold + " is not allowed; it must be finite and > 0");
            }
            if (!(horizon > 0) || !Double.isFinite(horizon)) {
                throw new IllegalArgumentException("horizon = " + horizon + " is not allowed; it must be finite and > 0");
            }
        }

        /** ε = 0.5 and the given horizon. */
        public static Config of(double horizon) {
            return new Config(0.5, horizon);
        }
    }

    /**
     * @param times          each start's valid time (target time units), in the order of the starts
     * @param median         median over the starts
     * @param lowerQuartile  25th percentile
     * @param upperQuartile  75th percentile
     * @param censored       starts still valid at the horizon (their time is the horizon)
     * @param threshold      ε
     * @param horizon        the horizon
     */
    public record Result(double[] times, double median, double lowerQuartile, double upperQuartile, int censored,
                         double threshold, double horizon) {
        public Result {
            times = times.clone();
        }

        @Override
        public double[] times() {
            return times.clone();
        }
    }

    /**
     * The valid prediction time of a network: its lift is the manifold point over the start, its readout {@code z}.
     *
     * @see #of(Sde, Sde, Function, BiConsumer, double[], double[], double, Config)
     */
    public static Result of(Sde target, Network net, double[] starts, double[] scale, double dt, Config config) {
        if (net.latentDimension() != target.dimension()) {
            throw new IllegalArgumentException("the network carries a " + net.latentDimension() + "-dimensional system but the target '"
                    + target.name() + "' has dimension " + target.dimension());
        }
        return of(target, net, net::stateFor, net::readout, starts, scale, dt, config);
    }

    /**
     * The valid prediction time of any model of the target.
     *
     * @param target  the reference system (its drift)
     * @param model   the model (its drift, in its own state space)
     * @param lift    the model's state for a target state (a new array)
     * @param readout writes the model state's image in target coordinates into the second array
     * @param starts  start states in target coordinates, row-major, d columns (at least one row)
     * @param scale   σᵢ, the attractor's standard deviation of each component (length d, each &gt; 0)
     * @param dt      the RK4 step of both runs (&gt; 0)
     */
    public static Result of(Sde target, Sde model, Function<double[], double[]> lift, BiConsumer<double[], double[]> readout,
                            double[] starts, double[] scale, double dt, Config config) {
        int d = target.dimension();
        if (starts.length == 0 || starts.length % d != 0) {
            throw new IllegalArgumentException("starts has length " + starts.length + "; it must be a positive multiple of d = " + d);
        }
        if (scale.length != d) {
            throw new IllegalArgumentException("scale has length " + scale.length + "; it must have d = " + d + " entries");
        }
        for (int i = 0; i < d; i++) {
            if (!(scale[i] > 0) || !Double.isFinite(scale[i])) {
                throw new IllegalArgumentException("scale[" + i + "] = " + scale[i] + " is not allowed; it must be finite and > 0"
                        + " (a component that does not vary over the attractor cannot normalise an error)");
            }
        }
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException("dt = " + dt + " is not allowed; it must be finite and > 0");
        }
        long maxSteps = (long) Math.ceil(config.horizon() / dt);
        Stepper targetStep = RungeKutta4.INSTANCE.stepper(DriftOnly.of(target));
        Stepper modelStep = RungeKutta4.INSTANCE.stepper(DriftOnly.of(model));
        double[] none = new double[0];
        int count = starts.length / d;
        double[] times = new double[count];
        double limit = config.threshold() * config.threshold() * d;   // compare Σ ((ẑ − z)/σ)² with ε²·d: no square root per step
        double[] z = new double[d], zHat = new double[d];
        int censored = 0;
        for (int s = 0; s < count; s++) {
            System.arraycopy(starts, s * d, z, 0, d);
            double[] x = lift.apply(z.clone());
            long step = 0;
            double t = 0.0;
            while (step < maxSteps) {
                targetStep.step(t, dt, z, none);
                modelStep.step(t, dt, x, none);
                step++;
                t = step * dt;
                readout.accept(x, zHat);
                double sum = 0.0;
                for (int i = 0; i < d; i++) {
                    double e = (zHat[i] - z[i]) / scale[i];
                    sum += e * e;
                }
                // NaN (a run that blew up) fails the comparison and ends the forecast too
                if (!(sum <= limit)) {
                    break;
                }
            }
            if (step >= maxSteps) {
                censored++;
            }
            times[s] = step * dt;
        }
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        return new Result(times, quantile(sorted, 0.5), quantile(sorted, 0.25), quantile(sorted, 0.75), censored,
                config.threshold(), maxSteps * dt);
    }

    /** Linear interpolation between order statistics (the same as NumPy's default). */
    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** A system's drift alone (its noise switched off), for the RK4 forecast. */
    private record DriftOnly(Sde sde) implements Sde {
        static Sde of(Sde sde) {
            return sde.noiseType() == NoiseType.NONE ? sde : new DriftOnly(sde);
        }

        @Override public int dimension() { return sde.dimension(); }

        @Override public int noiseDimension() { return 0; }

        @Override public NoiseType noiseType() { return NoiseType.NONE; }

        @Override public void drift(double t, double[] z, double[] out) { sde.drift(t, z, out); }

        @Override public void diffusion(double t, double[] z, double[] out) {}

        @Override public double[] initialState() { return sde.initialState(); }

        @Override public double defaultTimeStep() { return sde.defaultTimeStep(); }

        @Override public String name() { return sde.name(); }
    }
}
