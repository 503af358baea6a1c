package ddmatch.scenario;

import ddmatch.analysis.DriftError;
import ddmatch.analysis.DriftFunction;
import ddmatch.fit.Sampler;
import ddmatch.fit.SamplingConfig;
import ddmatch.fit.TrainingResult;
import ddmatch.rnn.RateNetwork;
import ddmatch.sde.Sde;
import ddmatch.solve.GaussianIncrements;
import ddmatch.solve.Integrator;
import ddmatch.solve.Observable;
import ddmatch.solve.ProgressListener;
import ddmatch.solve.SaveAt;
import ddmatch.solve.Trajectory;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Simulation and formatting helpers shared by the scenarios. */
final class Runs {
    private Runs() {}

    /** Held-out drift error on 2000 fresh points (another trajectory, fresh jitter). */
    static DriftError.Result heldOut(TrainingResult tr, Sde target, long seed) {
        SamplingConfig s = tr.config().sampling().withSamples(2000);
        Sampler.Samples pts = Sampler.draw(target, s, seed ^ 0x9E3779B97F4A7C15L, tr.network().standardization(), ProgressListener.NONE);
        return DriftError.of(tr.network(), target, pts.points());
    }

    /** Relaxes {@code z} onto the attractor / stationary density for {@code time}. */
    static double[] relax(Sde sde, double[] z, double time, long seed) {
        double dt = sde.defaultTimeStep();
        return new Integrator(Sampler.schemeFor(sde)).run(sde, z, 0, dt, Math.round(time / dt),
                new GaussianIncrements(sde.noiseDimension(), seed), new SaveAt(1, false), (t, x) -> { });
    }

    /** A start point independent of {@code base}: a relative perturbation of 1e-2 relaxed for {@code time}. */
    static double[] independentStart(Sde sde, double[] base, double time, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] z = base.clone();
        for (int i = 0; i < z.length; i++) z[i] += 1e-2 * (1 + Math.abs(z[i])) * (r.nextDouble() - 0.5);
        return relax(sde, z, time, seed + 1);
    }

    /** The target from {@code z0}, recorded every {@code every} steps. */
    static Trajectory target(Sde sde, double[] z0, double time, int every, long seed) {
        double dt = sde.defaultTimeStep();
        return new Integrator(Sampler.schemeFor(sde)).solve(sde, z0, 0, dt, Math.round(time / dt),
                new GaussianIncrements(sde.noiseDimension(), seed), new SaveAt(every, false), Observable.identity(sde.dimension()));
    }

    /** The full network from the manifold point of {@code z0}; its readout recorded every {@code every} steps. */
    static Trajectory network(RateNetwork net, double[] z0, double dt, double time, int every, long seed) {
        return new Integrator(Sampler.schemeFor(net)).solve(net, net.stateFor(z0), 0, dt, Math.round(time / dt),
                new GaussianIncrements(net.noiseDimension(), seed), new SaveAt(every, false), net.readoutObservable());
    }

    /** The first {@code rows} values of column {@code c} of a row-major trajectory, at its full recorded resolution. */
    static double[] head(Trajectory t, int c, int rows) {
        double[] v = new double[rows];
        for (int r = 0; r < rows; r++) v[r] = t.values()[r * t.dimension() + c];
        return v;
    }

    /**
     * Arrows of a 2-D field on an n × n grid over [lo, hi]², each scaled by {@code scale}: x and y of a SEGMENTS
     * series (start, end, start, end, ...).
     */
    static double[][] quiver(DriftFunction f, double lo, double hi, int n, double scale) {
        double[] x = new double[2 * n * n];
        double[] y = new double[2 * n * n];
        double[] z = new double[2];
        double[] v = new double[2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                z[0] = lo + (hi - lo) * (i + 0.5) / n;
                z[1] = lo + (hi - lo) * (j + 0.5) / n;
                f.drift(z, v);
                x[k] = z[0];
                y[k++] = z[1];
                x[k] = z[0] + scale * v[0];
                y[k++] = z[1] + scale * v[1];
            }
        }
        return new double[][] {x, y};
    }

    static double[] doubles(java.util.List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) return "—";
        // The same signs as the claims table (not Java's "Infinity"), and no "-0.000" for a value that rounds to zero.
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "−∞";
        if (v == 0) return "0";
        double a = Math.abs(v);
        return a != 0 && (a < 1e-3 || a >= 1e5) ? String.format("%.2e", v) : String.format("%.4g", v);
    }

    static String range(double[] v) {
        return Arrays.toString(v);
    }

    static double seconds(long start) {
        return (System.nanoTime() - start) * 1e-9;
    }
}
