package ddmatch.analysis.decomposition;

import ddmatch.analysis.EntropyProduction;
import ddmatch.analysis.ResidenceTimes;
import ddmatch.rnn.RateNetwork;
import ddmatch.sde.Sde;
import ddmatch.solve.DivergenceException;
import ddmatch.solve.EulerMaruyama;
import ddmatch.solve.GaussianIncrements;
import ddmatch.solve.Integrator;
import ddmatch.solve.ProgressListener;
import ddmatch.solve.SaveAt;

/**
 * Re-simulation of the full N-dimensional network with altered connectivity (DESIGN §1.6): the α-ablation
 * {@code J_α = U (W_rev + α W_irr)} of a {@link ConnectivitySplit}, and the symmetric or antisymmetric part of
 * {@code J} alone ({@link Variant}). Each run is an Euler–Maruyama simulation at the network's time step; it reports
 * the entropy production rate estimated from the readout ({@link EntropyProduction#fromTrajectory}, a linear-model
 * estimate: exact in the limit for linear targets, a lower-order proxy otherwise), optional residence statistics of one
 * readout coordinate ({@link ResidenceTimes}), and the distance of the state from the manifold
 * {@code ‖(I − UP)(x − b)‖/√N} along the run, with a flag when it exceeds a threshold.
 *
 * <p><b>Leaving the manifold.</b> {@code J_α} keeps the low-rank form {@code U(·)}, so the manifold stays invariant
 * and the distance stays at rounding level. {@code J_S = (UW + WᵀUᵀ)/2} and {@code J_A} have a component
 * {@code ±WᵀUᵀφ/2} outside span(U): the network leaves the manifold (measured; DESIGN §1.6), and its readout is then
 * no longer a model of the target. Such runs are flagged, never silently reported as an ablation of the dynamics; a
 * run that diverges is reported as diverged (with its time) instead of throwing.
 *
 * <p>References: U. Seifert, Rep. Prog. Phys. 75, 126001 (2012) (entropy production); L. Nartallo-Kaluarachchi,
 * R. Lambiotte and A. Goriely, arXiv:2602.14885 (2026).
 */
public final class Ablation {
    private Ablation() {}

    /** Which connectivity replaces J. */
    public enum Variant {
        /** {@code J = U W} unchanged. */
        FULL,
        /** {@code J_S = (J + Jᵀ)/2} (rank ≤ 2d, not of the form U·). */
        SYMMETRIC,
        /** {@code J_A = (J − Jᵀ)/2}. */
        ANTISYMMETRIC
    }

    /**
     * Residence statistics of readout coordinate {@code component} between hysteresis thresholds.
     *
     * @param component index in [0, d) of the readout coordinate (target coordinates)
     * @param lower     lower threshold
     * @param upper     upper threshold (≥ lower)
     */
    public record Residence(int component, double lower, double upper) {
        public Residence {
            if (component < 0) {
                throw new IllegalArgumentException("component = " + component + " is not allowed; it must be ≥ 0");
            }
            if (!(upper >= lower) || !Double.isFinite(lower) || !Double.isFinite(upper)) {
                throw new IllegalArgumentException("thresholds lower = " + lower + ", upper = " + upper
                        + " are not allowed; they must be finite with lower ≤ upper");
            }
        }
    }

    /**
     * How each network is simulated.
     *
     * @param duration          recorded time (&gt; 0, time units of the target)
     * @param transientTime     time simulated and discarded first (≥ 0)
     * @param every             record every k-th step (≥ 1; 1 for EPR estimation, whose bias grows with the interval)
     * @param seed              noise seed; the same for every network of a sweep (common random numbers)
     * @param manifoldThreshold manifold distance above which a run is flagged as having left the manifold (&gt; 0;
     *                          default 0.05, in activation units RMS per neuron)
     * @param residence         residence statistics to compute, or {@code null} for none
     */
    public record Simulation(double duration, double transientTime, int every, long seed, double manifoldThreshold,
                             Residence residence) {
        public Simulation {
            Values.positive("duration", duration);
            Values.nonNegative("transientTime", transientTime);
            if (every < 1) {
                throw new IllegalArgumentException("every = " + every + " is not allowed; it must be ≥ 1");
            }
            Values.positive("manifoldThreshold", manifoldThreshold);
        }

        /** Every step recorded, threshold 0.05, no residence statistics. */
        public static Simulation of(double duration, double transientTime, long seed) {
            return new Simulation(duration, transientTime, 1, seed, 0.05, null);
        }

        public Simulation withResidence(Residence r) {
            return new Simulation(duration, transientTime, every, seed, manifoldThreshold, r);
        }

        public Simulation withManifoldThreshold(double t) {
            return new Simulation(duration, transientTime, every, seed, t, residence);
        }
    }

    /**
     * One re-simulated network.
     *
     * @param label            what was simulated ({@code alpha=0.5}, {@code SYMMETRIC}, ...)
     * @param alpha            α of the ablation, or NaN for a {@link Variant} run
     * @param variant          the connectivity variant ({@link Variant#FULL} for α runs)
     * @param entropyProduction EPR estimated from the readout (1/time); NaN if the run diverged
     * @param residences       residence statistics, or null if none were asked for or the run diverged
     * @param maxManifoldDistance  maximum of {@code ‖(I − UP)(x − b)‖/√N} over the recorded states (transient included)
     * @param finalManifoldDistance the distance at the last recorded (or diverging) state
     * @param manifoldDistance the distance at each recorded state, in order
     * @param leftManifold     whether {@code maxManifoldDistance} exceeded the threshold (or the run diverged)
     * @param diverged         whether the state diverged (norm bound of {@link Integrator})
     * @param divergenceTime   time of divergence, NaN otherwise
     */
    public record Run(String label, double alpha, Variant variant, double entropyProduction,
                      ResidenceTimes.Result residences, double maxManifoldDistance, double finalManifoldDistance,
                      double[] manifoldDistance, boolean leftManifold, boolean diverged, double divergenceTime) {
        public Run {
            if (label == null || variant == null || manifoldDistance == null) {
                throw new IllegalArgumentException("label, variant and manifoldDistance must be given");
            }
            manifoldDistance = manifoldDistance.clone();
        }

        @Override public double[] manifoldDistance() { return manifoldDistance.clone(); }

        @Override
        public String toString() {
            return String.format("Ablation.Run[%s: EPR=%.4g, max manifold distance=%.3g%s%s%s]", label, entropyProduction,
                    maxManifoldDistance, leftManifold ? ", LEFT THE MANIFOLD: the readout no longer models the target" : "",
                    diverged ? ", diverged at t=" + divergenceTime : "",
                    residences != null ? ", mean residence=" + residences.mean() : "");
        }
    }

    /**
     * The α-ablation: simulates {@code J_α = U (W_rev + α W_irr)} for each α.
     *
     * @param split  the split connectivity
     * @param alphas values of α (e.g. 0, 0.25, 0.5, 0.75, 1), each finite
     * @param sim    how to simulate
     */
    public static Run[] alphaSweep(ConnectivitySplit split, double[] alphas, Simulation sim) {
        Run[] out = new Run[alphas.length];
        for (int i = 0; i < alphas.length; i++) {
            RateNetwork net = split.network(alphas[i]);
            out[i] = simulate(net, net, "alpha=" + alphas[i], alphas[i], Variant.FULL, sim);
        }
        return out;
    }

    /** Simulates the network with its connectivity replaced by the given variant. */
    public static Run variant(RateNetwork network, Variant variant, Simulation sim) {
        Sde sde = variant == Variant.FULL ? network : new VariantNetwork(network, variant);
        return simulate(network, sde, variant.name(), Double.NaN, variant, sim);
    }

    private static Run simulate(RateNetwork net, Sde sde, String label, double alpha, Variant variant, Simulation sim) {
        int d = net.latentDimension();
        int n = net.neurons();
        if (sim.residence() != null && sim.residence().component() >= d) {
            throw new IllegalArgumentException("residence component = " + sim.residence().component()
                    + " is not allowed for a " + d + "-dimensional readout; it must be < d");
        }
        double dt = net.defaultTimeStep();
        long transientSteps = Math.round(sim.transientTime() / dt);
        long steps = Math.round(sim.duration() / dt);
        int every = sim.every();
        int rows = (int) (steps / every);
        int transientRows = (int) (transientSteps / every);
        double[] readout = new double[rows * d];
        double[] distance = new double[transientRows + rows];
        double[] u = net.embedding().u();
        double[] b = net.embedding().tonic();
        double[] zt = new double[d];
        double[] z = new double[d];
        int[] cursor = {0, 0};
        double[] max = {0.0};
        Integrator.Sink sink = (t, x) -> {
            double dist = distance(x, u, b, n, d, zt);
            distance[cursor[0]++] = dist;
            max[0] = Math.max(max[0], dist);
            if (cursor[0] > transientRows) {
                net.readout(x, z);
                System.arraycopy(z, 0, readout, cursor[1], d);
                cursor[1] += d;
            }
        };
        Integrator integrator = new Integrator(EulerMaruyama.INSTANCE, Double.POSITIVE_INFINITY, ProgressListener.NONE);
        GaussianIncrements noise = new GaussianIncrements(sde.noiseDimension(), sim.seed());
        boolean diverged = false;
        double divergenceTime = Double.NaN;
        try {
            integrator.run(sde, net.initialState(), 0.0, dt, (long) (transientRows + rows) * every, noise,
                    new SaveAt(every, false), sink);
        } catch (DivergenceException e) {
            diverged = true;
            divergenceTime = e.time();
        }
        double[] dist = java.util.Arrays.copyOf(distance, cursor[0]);
        double last = cursor[0] > 0 ? dist[cursor[0] - 1] : 0.0;
        if (diverged) {
            max[0] = Double.POSITIVE_INFINITY;
            last = Double.POSITIVE_INFINITY;
        }
        boolean left = diverged || max[0] > sim.manifoldThreshold();
        double epr = Double.NaN;
        ResidenceTimes.Result res = null;
        if (!diverged && rows >= d + 3) {
            try {
                epr = EntropyProduction.fromTrajectory(readout, d, every * dt).phi();
            } catch (IllegalArgumentException e) {
                epr = Double.NaN;   // singular covariance: e.g. a readout collapsed to a point
            }
            if (sim.residence() != null) {
                double[] x = new double[rows];
                for (int r = 0; r < rows; r++) x[r] = readout[r * d + sim.residence().component()];
                res = ResidenceTimes.of(x, every * dt, sim.residence().lower(), sim.residence().upper());
            }
        }
        return new Run(label, alpha, variant, epr, res, max[0], last, dist, left, diverged, divergenceTime);
    }

    /** {@code ‖(I − UP)(x − b)‖/√N} with U's columns of norm √N; {@code zt} is work space. */
    private static double distance(double[] x, double[] u, double[] b, int n, int d, double[] zt) {
        for (int k = 0; k < d; k++) zt[k] = 0.0;
        for (int j = 0; j < n; j++) {
            double v = x[j] - b[j];
            for (int k = 0; k < d; k++) zt[k] += u[j * d + k] * v;
        }
        for (int k = 0; k < d; k++) zt[k] /= n;
        double sum = 0;
        for (int j = 0; j < n; j++) {
            double r = x[j] - b[j];
            for (int k = 0; k < d; k++) r -= u[j * d + k] * zt[k];
            sum += r * r;
        }
        return Math.sqrt(sum / n);
    }
}
