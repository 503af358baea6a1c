package ddmatch.analysis.lyapunov;

import ddmatch.linalg.MatrixProduct;
import ddmatch.rnn.RateNetwork;
import ddmatch.sde.Sde;
import ddmatch.sde.TangentDynamics;
import ddmatch.solve.StandardNormal;

import java.util.Arrays;
import java.util.concurrent.CancellationException;

/**
 * The leading {@code k} Lyapunov exponents of the deterministic part {@code ẋ = f(x, t)} of an {@link Sde}, by the
 * QR (Benettin / Shimada–Nagashima) method.
 *
 * <p><b>Parameters</b> ({@link Config}): the RK4 step {@code dt} (time units of the system), a transient time during
 * which the tangent frame aligns with the Oseledets directions and nothing is averaged, the averaging time, the number
 * {@code m} of steps between re-orthonormalisations, the number of blocks for the convergence diagnostics and the seed
 * of the random initial frame. Noise, if the system has any, is ignored: these are the exponents of the drift.
 *
 * <p><b>Description.</b> The state {@code x} (length n) and {@code k} tangent vectors, the columns of {@code V}
 * (stored column-major k × n: vector q at {@code v[q·n, (q+1)·n)}), are integrated together by classical RK4 at a fixed
 * step: {@code ẋ = f(x)}, {@code V̇ = ∂f/∂x(x) V}. Every {@code m} steps {@code V} is re-orthonormalised by modified
 * Gram–Schmidt, {@code V = Q R}, and {@code log R_ii} is added to the sum of exponent {@code i}; the exponents are these
 * sums divided by the averaging time. The tangent products use, in order of preference: a fast path for
 * {@link RateNetwork}, the system's own {@link TangentDynamics} (one call per column) or its dense Jacobian
 * ({@link Sde#jacobian}, n²·k multiply-adds).
 *
 * <p><b>Network fast path.</b> For the rate network {@code J(x) = (−I + U W diag φ'(x))/τ} (U and W extended by the
 * population mode when there is one, so q = d or d + 1 latent directions). Each RK4 stage is one call of
 * {@link RateNetwork#driftAndTangents}: φ(x) and φ'(x) once (for tanh φ' = 1 − φ²), the q·(1 + k) read-in sums
 * {@code W φ} and {@code A = W diag(φ') V} in the same sweep over the neurons (vector accumulators when the Vector API
 * kernels are in use), then the rank-q updates {@code (−V + U A)/τ}: {@code 2·N·q·k} multiply-adds for the tangent
 * products per stage (four stages per RK4 step), never O(N²k). They are counted as they are executed and reported in
 * {@link Result#tangentMultiplyAddsPerStep()}. The column-major frame makes the Gram–Schmidt sweeps unit-stride; their
 * dot products are {@link MatrixProduct#dot} (vector FMA chains with the Vector API, else four scalar partial sums).
 *
 * <p>Two levels (ChaosTools style): {@link #of(Sde, double[], int, Config)} builds a {@link Workspace} and delegates to
 * {@link #of(Workspace, double[], Config)}, which reuses the workspace's buffers and resets them for each initial
 * condition. Nothing is allocated inside the step loop.
 *
 * <p><b>References.</b> G. Benettin, L. Galgani, A. Giorgilli and J.-M. Strelcyn, "Lyapunov characteristic exponents
 * for smooth dynamical systems and for Hamiltonian systems; a method for computing all of them", Meccanica 15, 9 and
 * 21 (1980); I. Shimada and T. Nagashima, Prog. Theor. Phys. 61, 1605 (1979); A. Wolf, J. B. Swift, H. L. Swinney and
 * J. A. Vastano, Physica D 16, 285 (1985); J. L. Kaplan and J. A. Yorke, Lecture Notes in Math. 730, 204 (1979).
 */
public final class LyapunovSpectrum {
    private LyapunovSpectrum() {}

    /**
     * @param dt                  RK4 step, finite and &gt; 0 (the system's {@code defaultTimeStep()} or smaller)
     * @param transientTime       time integrated before averaging starts, finite and ≥ 0
     * @param time                averaging time, finite and &gt; 0; at least one step
     * @param orthonormaliseEvery steps between re-orthonormalisations, ≥ 1 (too many lets the frame collapse onto the
     *                            leading direction: keep {@code m·dt·(λ_1 − λ_k)} below ~10)
     * @param blocks              number of equal blocks of the averaging window for the diagnostics, ≥ 2
     * @param seed                seed of the random initial tangent frame
     */
    public record Config(double dt, double transientTime, double time, int orthonormaliseEvery, int blocks, long seed) {
        public Config {
            if (!(dt > 0) || !Double.isFinite(dt)) {
                throw new IllegalArgumentException("Config.dt = " + dt + " is not allowed; it must be finite and > 0");
            }
            if (!(transientTime >= 0) || !Double.isFinite(transientTime)) {
                throw new IllegalArgumentException("Config.transientTime = " + transientTime
                        + " is not allowed; it must be finite and ≥ 0");
            }
            if (!(time >= dt) || !Double.isFinite(time)) {
                throw new IllegalArgumentException("Config.time = " + time
                        + " is not allowed; it must be finite and ≥ dt = " + dt + " (at least one step)");
            }
            if (orthonormaliseEvery < 1) {
                throw new IllegalArgumentException("Config.orthonormaliseEvery = " + orthonormaliseEvery
                        + " is not allowed; it must be ≥ 1");
            }
            if (blocks < 2) {
                throw new IllegalArgumentException("Config.blocks = " + blocks + " is not allowed; it must be ≥ 2");
            }
            if (Math.round(time / dt) < blocks) {
                throw new IllegalArgumentException("Config.time = " + time + " gives " + Math.round(time / dt)
                        + " steps, fewer than Config.blocks = " + blocks + "; use a longer time or fewer blocks");
            }
        }

        /** Step {@code dt}, averaging time {@code time}, transient {@code time/10}, re-orthonormalise every step, 10 blocks, seed 1. */
        public static Config of(double dt, double time) {
            return new Config(dt, time / 10.0, time, 1, 10, 1L);
        }

        public Config withOrthonormaliseEvery(int m) {
            return new Config(dt, transientTime, time, m, blocks, seed);
        }

        public Config withTransientTime(double t) {
            return new Config(dt, t, time, orthonormaliseEvery, blocks, seed);
        }
    }

    /**
     * @param exponents                  the k exponents in QR order (descending up to estimation error), 1/time
     * @param kaplanYorkeDimension       {@code j + (λ_1 + … + λ_j)/|λ_{j+1}|}, j the largest index with a non-negative
     *                                   partial sum of the descending exponents; 0 if {@code λ_1 < 0}; NaN when all k
     *                                   partial sums are ≥ 0 (more exponents are needed to determine it)
     * @param blockEstimates             exponents over each block alone, row-major blocks × k
     * @param runningEstimates           exponents averaged from the start to the end of each block, row-major blocks × k
     * @param standardErrors             per exponent, standard deviation of the block estimates divided by √blocks
     * @param time                       averaging time actually integrated (steps · dt)
     * @param steps                      RK4 steps averaged over
     * @param tangentMultiplyAddsPerStep multiply-adds spent in tangent products per RK4 step (counted, not estimated)
     */
    public record Result(double[] exponents, double kaplanYorkeDimension, double[] blockEstimates,
                         double[] runningEstimates, double[] standardErrors, double time, long steps,
                         double tangentMultiplyAddsPerStep) {
        public Result {
            exponents = exponents.clone();
            blockEstimates = blockEstimates.clone();
            runningEstimates = runningEstimates.clone();
            standardErrors = standardErrors.clone();
            if (blockEstimates.length != runningEstimates.length || blockEstimates.length % exponents.length != 0
                    || standardErrors.length != exponents.length) {
                throw new IllegalArgumentException("Result arrays are inconsistent: " + exponents.length + " exponents, "
                        + blockEstimates.length + " block estimates, " + runningEstimates.length + " running estimates, "
                        + standardErrors.length + " standard errors");
            }
        }

        @Override public double[] exponents() { return exponents.clone(); }

        @Override public double[] blockEstimates() { return blockEstimates.clone(); }

        @Override public double[] runningEstimates() { return runningEstimates.clone(); }

        @Override public double[] standardErrors() { return standardErrors.clone(); }

        /** Exponent {@code i} (0-based). */
        public double exponent(int i) { return exponents[i]; }

        /** Sum of the k exponents: for k = n, the time average of the divergence {@code tr ∂f/∂x} (Liouville). */
        public double sum() {
            double s = 0;
            for (double e : exponents) s += e;
            return s;
        }

        /** Number of blocks of the diagnostics. */
        public int blocks() { return blockEstimates.length / exponents.length; }

        @Override
        public boolean equals(Object o) {
            return o instanceof Result r && Arrays.equals(exponents, r.exponents)
                    && Arrays.equals(blockEstimates, r.blockEstimates) && Arrays.equals(runningEstimates, r.runningEstimates)
                    && Arrays.equals(standardErrors, r.standardErrors) && steps == r.steps
                    && Double.compare(time, r.time) == 0 && Double.compare(kaplanYorkeDimension, r.kaplanYorkeDimension) == 0
                    && Double.compare(tangentMultiplyAddsPerStep, r.tangentMultiplyAddsPerStep) == 0;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(exponents) * 31 + Long.hashCode(steps);
        }

        @Override
        public String toString() {
            return "LyapunovSpectrum.Result[exponents=" + Arrays.toString(exponents) + ", standardErrors="
                    + Arrays.toString(standardErrors) + ", kaplanYorke=" + kaplanYorkeDimension + ", time=" + time + "]";
        }
    }

    /**
     * The leading {@code k} exponents of {@code sde} from {@code x0}; builds a workspace and calls
     * {@link #of(Workspace, double[], Config)}.
     *
     * @param k number of exponents, 1 ≤ k ≤ n
     */
    public static Result of(Sde sde, double[] x0, int k, Config config) {
        return of(new Workspace(sde, k), x0, config);
    }

    /**
     * The leading exponents from {@code x0}, reusing {@code w} (its state, frame and counters are reset first).
     *
     * @param x0 initial state, length n, finite (copied)
     * @throws ArithmeticException if the state or the frame becomes non-finite (reduce {@code dt})
     * @throws CancellationException if the thread is interrupted
     */
    public static Result of(Workspace w, double[] x0, Config config) {
        if (x0.length != w.n) {
            throw new IllegalArgumentException("x0 has length " + x0.length + " but system '" + w.sde.name()
                    + "' has dimension " + w.n);
        }
        int n = w.n, k = w.k;
        System.arraycopy(x0, 0, w.x, 0, n);
        StandardNormal g = new StandardNormal(config.seed());
        g.fill(w.vt, 0, n * k);   // drawn row by row (the frame of the earlier row-major layout), stored by column
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) w.v[c * n + i] = w.vt[i * k + c];
        }
        w.orthonormalise(null);
        w.multiplyAdds = 0;
        double dt = config.dt();
        int m = config.orthonormaliseEvery();
        long transient_ = Math.round(config.transientTime() / dt);
        double t = 0.0;
        for (long s = 1; s <= transient_; s++) {
            w.step(t, dt);
            t += dt;
            if (s % m == 0 || s == transient_) {
                w.orthonormalise(null);
                w.checkFinite(t);
            }
            poll(s, t, w);
        }
        long steps = Math.round(config.time() / dt);
        int nb = config.blocks();
        double[] blockSums = new double[nb * k];
        long[] blockSteps = new long[nb];
        double[] logs = w.logs;
        long counted0 = w.multiplyAdds;
        int block = 0;
        long lastEnd = 0;
        for (long s = 1; s <= steps; s++) {
            w.step(t, dt);
            t += dt;
            long end = (block + 1) * steps / nb;
            if (s % m == 0 || s == end) {
                w.orthonormalise(logs);
                w.checkFinite(t);
                for (int i = 0; i < k; i++) blockSums[block * k + i] += logs[i];
            }
            if (s == end) {
                blockSteps[block] = end - lastEnd;
                lastEnd = end;
                block++;
            }
            poll(s, t, w);
        }
        long counted = w.multiplyAdds - counted0;
        double total = steps * dt;
        double[] exps = new double[k];
        double[] blockEst = new double[nb * k];
        double[] running = new double[nb * k];
        double[] cum = new double[k];
        long cumSteps = 0;
        for (int b = 0; b < nb; b++) {
            cumSteps += blockSteps[b];
            for (int i = 0; i < k; i++) {
                blockEst[b * k + i] = blockSums[b * k + i] / (blockSteps[b] * dt);
                cum[i] += blockSums[b * k + i];
                running[b * k + i] = cum[i] / (cumSteps * dt);
            }
        }
        double[] se = new double[k];
        for (int i = 0; i < k; i++) {
            exps[i] = cum[i] / total;
            double mean = 0, ss = 0;
            for (int b = 0; b < nb; b++) mean += blockEst[b * k + i];
            mean /= nb;
            for (int b = 0; b < nb; b++) ss += (blockEst[b * k + i] - mean) * (blockEst[b * k + i] - mean);
            se[i] = Math.sqrt(ss / (nb - 1) / nb);
        }
        return new Result(exps, kaplanYorke(exps), blockEst, running, se, total, steps, (double) counted / steps);
    }

    /**
     * The Kaplan–Yorke (Lyapunov) dimension of a spectrum: with the exponents sorted in descending order and j the
     * largest index whose partial sum {@code λ_1 + … + λ_j} is ≥ 0, {@code D = j + (λ_1 + … + λ_j)/|λ_{j+1}|}; 0 when
     * {@code λ_1 < 0}; NaN when all partial sums are ≥ 0 (the spectrum given is too short to determine D).
     */
    public static double kaplanYorke(double[] exponents) {
        double[] s = exponents.clone();
        Arrays.sort(s);
        double sum = 0;
        int len = s.length;
        for (int j = 0; j < len; j++) {
            double lam = s[len - 1 - j];
            if (sum + lam < 0) {
                return j + sum / Math.abs(lam);
            }
            sum += lam;
        }
        return Double.NaN;
    }

    private static void poll(long s, double t, Workspace w) {
        if ((s & 4095) == 0 && Thread.currentThread().isInterrupted()) {
            throw new CancellationException("Lyapunov spectrum of '" + w.sde.name() + "' interrupted at t = " + t);
        }
    }

    /**
     * Buffers for one system and one k: the state, the k × n tangent frame (column-major), the RK4 stages and the
     * tangent-product path. Reusable across initial conditions; not thread safe (one per thread).
     */
    public static final class Workspace {
        final Sde sde;
        final int n;
        final int k;
        final double[] x, v, xt, vt, kx1, kx2, kx3, kx4, kv1, kv2, kv3, kv4, logs;
        // Tangent operator data: exactly one of the three paths is set up.
        private final RateNetwork network;
        private final long networkMultiplyAdds;   // 2·N·q·k per call of driftAndTangents
        private final double[] fxScratch;
        private final TangentDynamics tangent;
        private final double[] jac;
        private final double[] colIn, colOut;
        long multiplyAdds;

        /**
         * @param sde a system with {@link Sde#hasJacobian()} or implementing {@link TangentDynamics}
         * @param k   number of exponents, 1 ≤ k ≤ {@code sde.dimension()}
         */
        public Workspace(Sde sde, int k) {
            this.sde = sde;
            this.n = sde.dimension();
            if (k < 1 || k > n) {
                throw new IllegalArgumentException("k = " + k + " exponents is not allowed for system '" + sde.name()
                        + "' of dimension " + n + "; it must be in 1.." + n);
            }
            this.k = k;
            int nk = n * k;
            x = new double[n]; xt = new double[n];
            kx1 = new double[n]; kx2 = new double[n]; kx3 = new double[n]; kx4 = new double[n];
            v = new double[nk]; vt = new double[nk];
            kv1 = new double[nk]; kv2 = new double[nk]; kv3 = new double[nk]; kv4 = new double[nk];
            logs = new double[k];
            if (sde instanceof RateNetwork net) {
                network = net;
                int q = net.latentDimension() + (net.hasPopulationMode() ? 1 : 0);
                networkMultiplyAdds = 2L * n * q * k;
                fxScratch = new double[n];
                tangent = null; jac = null; colIn = null; colOut = null;
            } else {
                network = null;
                networkMultiplyAdds = 0;
                fxScratch = null;
                if (sde instanceof TangentDynamics td) {
                    tangent = td;
                    jac = null;
                    colIn = new double[n];
                    colOut = new double[n];
                } else if (sde.hasJacobian()) {
                    tangent = null;
                    jac = new double[n * n];
                    colIn = null; colOut = null;
                } else {
                    throw new IllegalArgumentException("system '" + sde.name() + "' provides neither a Jacobian "
                            + "(hasJacobian() is false) nor Jacobian-vector products (TangentDynamics); implement one "
                            + "of them to compute its Lyapunov spectrum");
                }
            }
        }

        /** System dimension n. */
        public int dimension() { return n; }

        /** Number of exponents k. */
        public int exponents() { return k; }

        /** Whether the O(N·d·k) rate-network fast path is in use. */
        public boolean usesNetworkFastPath() { return network != null; }

        /** {@code out = ∂f/∂x(xs) · vs} for the frame {@code vs}, column-major k × n like {@code out}. */
        void tangentProduct(double t, double[] xs, double[] vs, double[] out) {
            if (network != null) {
                network.driftAndTangents(t, xs, vs, k, fxScratch, out);
                multiplyAdds += networkMultiplyAdds;
            } else if (tangent != null) {
                for (int c = 0; c < k; c++) {
                    System.arraycopy(vs, c * n, colIn, 0, n);
                    tangent.jacobianTimes(t, xs, colIn, colOut);
                    System.arraycopy(colOut, 0, out, c * n, n);
                }
            } else {
                sde.jacobian(t, xs, jac);
                for (int c = 0; c < k; c++) {
                    int co = c * n;
                    for (int i = 0; i < n; i++) {
                        double sum = 0.0;
                        int ri = i * n;
                        for (int j = 0; j < n; j++) sum += jac[ri + j] * vs[co + j];
                        out[co + i] = sum;
                    }
                }
                multiplyAdds += (long) n * n * k;
            }
        }

        /** The drift at stage state {@code xs} into {@code kx} and the frame's products into {@code kv}. */
        private void stage(double t, double[] xs, double[] vs, double[] kx, double[] kv) {
            if (network != null) {
                network.driftAndTangents(t, xs, vs, k, kx, kv);
                multiplyAdds += networkMultiplyAdds;
            } else {
                sde.drift(t, xs, kx);
                tangentProduct(t, xs, vs, kv);
            }
        }

        void step(double t, double h) {
            double half = 0.5 * h;
            int nk = n * k;
            stage(t, x, v, kx1, kv1);
            for (int i = 0; i < n; i++) xt[i] = x[i] + half * kx1[i];
            for (int i = 0; i < nk; i++) vt[i] = v[i] + half * kv1[i];
            stage(t + half, xt, vt, kx2, kv2);
            for (int i = 0; i < n; i++) xt[i] = x[i] + half * kx2[i];
            for (int i = 0; i < nk; i++) vt[i] = v[i] + half * kv2[i];
            stage(t + half, xt, vt, kx3, kv3);
            for (int i = 0; i < n; i++) xt[i] = x[i] + h * kx3[i];
            for (int i = 0; i < nk; i++) vt[i] = v[i] + h * kv3[i];
            stage(t + h, xt, vt, kx4, kv4);
            double c = h / 6.0;
            for (int i = 0; i < n; i++) x[i] += c * (kx1[i] + 2.0 * (kx2[i] + kx3[i]) + kx4[i]);
            for (int i = 0; i < nk; i++) v[i] += c * (kv1[i] + 2.0 * (kv2[i] + kv3[i]) + kv4[i]);
        }

        /**
         * Modified Gram–Schmidt on the columns of the frame, in place ({@code V ← Q}); writes {@code log R_ii} into
         * {@code logR} unless it is null.
         */
        void orthonormalise(double[] logR) {
            for (int c = 0; c < k; c++) {
                int co = c * n;
                for (int p = 0; p < c; p++) {
                    int po = p * n;
                    MatrixProduct.subtractMultiple(v, co, MatrixProduct.dot(v, po, v, co, n), v, po, n);
                }
                double nrm = Math.sqrt(MatrixProduct.dot(v, co, v, co, n));
                if (!(nrm > 0) || !Double.isFinite(nrm)) {
                    throw new ArithmeticException("Lyapunov spectrum of '" + sde.name() + "': tangent vector " + c
                            + " has norm " + nrm + "; re-orthonormalise more often (smaller orthonormaliseEvery) or use a smaller dt");
                }
                double inv = 1.0 / nrm;
                for (int i = 0; i < n; i++) v[co + i] *= inv;
                if (logR != null) logR[c] = Math.log(nrm);
            }
        }

        void checkFinite(double t) {
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(x[i])) {
                    throw new ArithmeticException("Lyapunov spectrum of '" + sde.name() + "': state component " + i
                            + " became " + x[i] + " at t = " + t + "; use a smaller dt");
                }
            }
        }
    }
}
