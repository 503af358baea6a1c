package ddmatch.analysis;

import ddmatch.sde.Sde;
import ddmatch.sde.TangentDynamics;
import java.util.concurrent.CancellationException;

/**
 * The largest Lyapunov exponent of a deterministic flow by Benettin's method: the state and one tangent vector are
 * integrated together with classical RK4 (the tangent obeys {@code v̇ = ∂f/∂x(x) v}), the tangent vector is
 * renormalised every {@code renormEvery} steps and the logarithms of its growth factors are averaged over time.
 *
 * <p><b>Parameters.</b> {@code dt} the step (the system's default is usually right), {@code transientTime} time
 * integrated before averaging starts (the tangent vector aligns with the leading direction meanwhile),
 * {@code time} the averaging time. Works for any {@link Sde} that implements {@link TangentDynamics} (a network of
 * N neurons: O(N·d) per tangent product, the full N-dimensional dynamics) or provides a Jacobian matrix (small
 * systems). Noise, if any, is ignored: this is the exponent of the drift.
 *
 * <p><b>References.</b> G. Benettin, L. Galgani, A. Giorgilli and J.-M. Strelcyn, Meccanica 15, 9 (1980); A. Wolf,
 * J. B. Swift, H. L. Swinney and J. A. Vastano, Physica D 16, 285 (1985).
 */
public final class LargestLyapunovExponent {
    private LargestLyapunovExponent() {}

    /**
     * @param exponent   the estimate λ_max (1/time units of the system)
     * @param time       averaging time
     * @param blockSpread standard deviation of the estimates over 10 equal blocks of the averaging window divided by
     *                   √10: a standard-error-like convergence diagnostic
     * @param blocks     the 10 block estimates, for convergence plots
     */
    public record Result(double exponent, double time, double blockSpread, double[] blocks) {}

    /** Estimates λ_max from {@code x0}; see the class description for the parameters. */
    public static Result estimate(Sde sde, double[] x0, double dt, double transientTime, double time, int renormEvery) {
        if (!(dt > 0) || !(time > 0) || !(transientTime >= 0) || renormEvery < 1 || !Double.isFinite(dt)
                || !Double.isFinite(time) || !Double.isFinite(transientTime)) {
            throw new IllegalArgumentException("Lyapunov estimate needs finite dt > 0, time > 0 and transient ≥ 0, and"
                    + " renormEvery ≥ 1; got dt = " + dt + ", time = " + time + ", transient = " + transientTime
                    + ", renormEvery = " + renormEvery);
        }
        if (Math.round(time / dt) < 1) {
            throw new IllegalArgumentException("Lyapunov estimate: time = " + time + " is shorter than one step dt = " + dt
                    + "; nothing would be averaged");
        }
        ddmatch.sde.SdeContract.requireConsistent(sde);
        if (x0.length != sde.dimension()) {
            throw new IllegalArgumentException("Lyapunov estimate: the initial state has " + x0.length + " entries but system '"
                    + sde.name() + "' has dimension " + sde.dimension());
        }
        Workspace w = new Workspace(sde);
        System.arraycopy(x0, 0, w.x, 0, w.n);
        double norm0 = 0;
        for (int i = 0; i < w.n; i++) {
            w.v[i] = Math.sin(1.0 + 0.7 * i) + 0.1; // a deterministic, generic start direction
            norm0 += w.v[i] * w.v[i];
        }
        scale(w.v, 1.0 / Math.sqrt(norm0));
        long transientSteps = Math.round(transientTime / dt);
        for (long k = 0; k < transientSteps; k++) {
            w.step(k * dt, dt);
            if ((k + 1) % renormEvery == 0) {
                normalise(w.v);
            }
            checkInterrupt(k);
        }
        normalise(w.v);
        long steps = Math.round(time / dt);
        int nBlocks = 10;
        double[] blockSum = new double[nBlocks];
        double total = 0;
        double t = transientSteps * dt;
        for (long k = 0; k < steps; k++) {
            w.step(t + k * dt, dt);
            if ((k + 1) % renormEvery == 0 || k == steps - 1) {
                double g = Math.log(normalise(w.v));
                total += g;
                int block = (int) Math.min(nBlocks - 1, k * nBlocks / steps);
                blockSum[block] += g;
            }
            checkInterrupt(k);
            if ((k & 1023) == 0) {
                double s = 0;
                for (int i = 0; i < w.n; i++) s += w.x[i] * w.x[i];
                if (!Double.isFinite(s)) {
                    throw new ArithmeticException("Lyapunov estimate of '" + sde.name() + "': the state became non-finite at t = "
                            + (t + k * dt) + "; use a smaller dt than " + dt);
                }
            }
        }
        double avgTime = steps * dt;
        double[] blocks = new double[nBlocks];
        double mean = 0;
        for (int b = 0; b < nBlocks; b++) {
            blocks[b] = blockSum[b] / (avgTime / nBlocks);
            mean += blocks[b] / nBlocks;
        }
        double var = 0;
        for (double b : blocks) var += (b - mean) * (b - mean);
        double spread = Math.sqrt(var / (nBlocks - 1)) / Math.sqrt(nBlocks);
        return new Result(total / avgTime, avgTime, spread, blocks);
    }

    private static void checkInterrupt(long k) {
        if ((k & 4095) == 0 && Thread.currentThread().isInterrupted()) {
            throw new CancellationException("Lyapunov estimate interrupted");
        }
    }

    private static void scale(double[] v, double c) {
        for (int i = 0; i < v.length; i++) v[i] *= c;
    }

    /** Normalises {@code v} in place and returns its previous norm. */
    private static double normalise(double[] v) {
        double s = 0;
        for (double e : v) s += e * e;
        double nrm = Math.sqrt(s);
        scale(v, 1.0 / nrm);
        return nrm;
    }

    /** RK4 on the joint system (x, v); all buffers allocated once. */
    private static final class Workspace {
        final Sde sde;
        final TangentDynamics tangent;
        final int n;
        final double[] x, v, xt, vt, kx1, kx2, kx3, kx4, kv1, kv2, kv3, kv4, jac;

        Workspace(Sde sde) {
            this.sde = sde;
            this.n = sde.dimension();
            this.tangent = sde instanceof TangentDynamics td ? td : null;
            if (tangent == null && !sde.hasJacobian()) {
                throw new IllegalArgumentException("system '" + sde.name()
                        + "' provides neither a Jacobian nor Jacobian-vector products; its Lyapunov exponent cannot be computed");
            }
            x = new double[n]; v = new double[n]; xt = new double[n]; vt = new double[n];
            kx1 = new double[n]; kx2 = new double[n]; kx3 = new double[n]; kx4 = new double[n];
            kv1 = new double[n]; kv2 = new double[n]; kv3 = new double[n]; kv4 = new double[n];
            jac = tangent == null ? new double[n * n] : null;
        }

        void rhs(double t, double[] xs, double[] vs, double[] fx, double[] fv) {
            sde.drift(t, xs, fx);
            if (tangent != null) {
                tangent.jacobianTimes(t, xs, vs, fv);
            } else {
                sde.jacobian(t, xs, jac);
                for (int i = 0; i < n; i++) {
                    double s = 0;
                    for (int j = 0; j < n; j++) s += jac[i * n + j] * vs[j];
                    fv[i] = s;
                }
            }
        }

        void step(double t, double h) {
            double half = 0.5 * h;
            rhs(t, x, v, kx1, kv1);
            for (int i = 0; i < n; i++) { xt[i] = x[i] + half * kx1[i]; vt[i] = v[i] + half * kv1[i]; }
            rhs(t + half, xt, vt, kx2, kv2);
            for (int i = 0; i < n; i++) { xt[i] = x[i] + half * kx2[i]; vt[i] = v[i] + half * kv2[i]; }
            rhs(t + half, xt, vt, kx3, kv3);
            for (int i = 0; i < n; i++) { xt[i] = x[i] + h * kx3[i]; vt[i] = v[i] + h * kv3[i]; }
            rhs(t + h, xt, vt, kx4, kv4);
            double c = h / 6.0;
            for (int i = 0; i < n; i++) {
                x[i] += c * (kx1[i] + 2.0 * (kx2[i] + kx3[i]) + kx4[i]);
                v[i] += c * (kv1[i] + 2.0 * (kv2[i] + kv3[i]) + kv4[i]);
            }
        }
    }
}
