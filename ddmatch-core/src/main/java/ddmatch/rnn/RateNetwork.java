package ddmatch.rnn;

import ddmatch.sde.InputDriven;
import ddmatch.sde.NoiseType;
import ddmatch.sde.Sde;
import ddmatch.sde.TangentDynamics;
import ddmatch.sde.input.InputSchedule;
import ddmatch.solve.FusedEulerStep;
import ddmatch.solve.LockStepEulerStep;
import ddmatch.solve.Observable;
import java.util.List;

/**
 * A rate network of N neurons with factored connectivity, simulated in full:
 * <pre>
 *   dx = (1/τ)(−x + U W φ(x) + b) dt + U S dW'
 * </pre>
 * with {@code U} (N × d) and {@code b} from an {@link Embedding}, {@code W} (d × N) the trained read-in weights (so
 * {@code J = U W}), {@code S} (d × m) the noise gain — constant, or {@code S(x) = K φ(x) + k} linear in the network's
 * activity (DESIGN §1.5) — and τ the neural time constant. The manifold
 * {@code x = U z̃ + b} is invariant and attracting at rate 1/τ; on it the readout {@code z̃ = P x} obeys
 * {@code dz̃ = (1/τ)(−z̃ + W φ(U z̃ + b)) dt + S dW'}, which drift-diffusion matching makes equal to the standardised
 * target. Every method works on the whole N-dimensional state: nothing here takes a latent shortcut.
 *
 * <p><b>Inputs.</b> A network may be driven by p external inputs {@code u(t)} through an input gain {@code B}
 * (N × p): {@code dx = (1/τ)(−x + U W φ(x) + b + B u(t)) dt + …}. Write {@code B = τ U C + B_c} with
 * {@code B_c ⟂ U}. The part along U gives the readout the additive drift {@code C u} exactly; the orthogonal part
 * shifts the manifold to {@code x = U z̃ + b + B_c u}, so the features {@code φ(U z̃ + b + B_c u)} (and with them a
 * drift learned by the read-in W) depend on the input: contextual inputs. For a time-varying input the shift
 * {@code B_c u} relaxes to its value at rate 1/τ, so contextual inputs are followed exactly only when they vary slowly
 * compared with τ. Without inputs (p = 0) nothing changes.
 *
 * <p>One drift evaluation costs N evaluations of φ and 2·N·d multiply-adds (plus N·p and p schedule evaluations with
 * inputs). The instance is immutable and may be shared by threads; its kernels keep per-thread scratch space.
 */
public final class RateNetwork implements Network, TangentDynamics, InputDriven, LockStepEulerStep {
    private final String name;
    private final Embedding embedding;
    private final int n;
    private final int d;
    private final int m;
    private final double tau;
    private final Activation activation;
    private final double[] u;      // N × d
    private final double[] wt;     // Wᵀ, N × d: row j holds the weights from neuron j to the d latent modes
    private final double[] b;
    private final double[] s;      // d × m; the constant part k of S(x) when the noise is state dependent
    private final double[] kGain;  // (d·m) × N, the activity weights K of S(x) = K φ(x) + k; null for constant noise
    private final Standardization standardization;
    private final double timeStep;
    private final NetworkKernels kernels;   // over [U, 1] and [W; w₀] when there is a population mode
    private final double[] population;      // w₀ (N), or null
    private final ThreadLocal<double[]> gainScratch;
    private final ThreadLocal<double[]> latentNoise;   // c = S·ΔW of the fused step, one entry per kernel column
    private final ThreadLocal<double[]> batchNoise;    // the same for the B states of eulerStepBatch, B × columns
    private final int p;                    // number of inputs (0: none)
    private final double[] inputGain;       // B, N × p
    private final double[] contextGain;     // B_c = (I − U P) B, N × p
    private final List<String> inputNames;
    private final InputSchedule[] schedules;

    /**
     * @param name            identifier (usually {@code network-<system>})
     * @param embedding       U and b
     * @param w               W, row-major d × N
     * @param noiseGain       S, row-major d × m (m = {@code noiseDimension}; empty for a deterministic network)
     * @param noiseDimension  m ≥ 0
     * @param tau             neural time constant τ &gt; 0 (time units of the target)
     * @param activation      φ
     * @param standardization the map from the latent coordinates z̃ to the target's coordinates z
     * @param timeStep        the time step the network is meant to be simulated with (that of its target)
     */
    public RateNetwork(String name, Embedding embedding, double[] w, double[] noiseGain, int noiseDimension, double tau,
                       Activation activation, Standardization standardization, double timeStep) {
        this(name, embedding, w, noiseGain, null, noiseDimension, tau, activation, standardization, timeStep);
    }

    /**
     * A network with state-dependent noise gain {@code S(x) = K φ(x) + k} (DESIGN §1.5): entry {@code (i, q)} of S is
     * {@code Σ_j K[(i·m + q)·N + j] φ(x_j) + k[i·m + q]}, linear in the network's own activity. The noise term is then
     * {@code U S(x) dW'} (Itô), a full state-dependent N × m matrix, so {@link #noiseType()} is
     * {@link NoiseType#GENERAL}.
     *
     * @param noiseOffset  k, row-major d × m (the constant part of S)
     * @param noiseWeights K, row-major (d·m) × N; {@code null} for constant noise {@code S = k}
     * @see #RateNetwork(String, Embedding, double[], double[], int, double, Activation, Standardization, double)
     */
    public RateNetwork(String name, Embedding embedding, double[] w, double[] noiseOffset, double[] noiseWeights,
                       int noiseDimension, double tau, Activation activation, Standardization standardization,
                       double timeStep) {
        this(name, embedding, w, noiseOffset, noiseWeights, noiseDimension, tau, activation, standardization, timeStep,
                new double[0], List.of(), List.of());
    }

    /**
     * A network driven by inputs (see the class description), with constant noise.
     *
     * @param inputGain  B, row-major N × p (p = number of inputs; empty for none)
     * @param inputNames the p input names, in the order of B's columns
     * @param schedules  the p schedules the network is driven by in {@link #drift(double, double[], double[])}
     */
    public RateNetwork(String name, Embedding embedding, double[] w, double[] noiseGain, int noiseDimension, double tau,
                       Activation activation, Standardization standardization, double timeStep, double[] inputGain,
                       List<String> inputNames, List<InputSchedule> schedules) {
        this(name, embedding, w, noiseGain, null, noiseDimension, tau, activation, standardization, timeStep, inputGain,
                inputNames, schedules);
    }

    /**
     * The general network: noise gain {@code S(x) = K φ(x) + k} ({@code noiseWeights} K may be null for constant
     * noise) and p inputs with gain B (empty for none).
     */
    public RateNetwork(String name, Embedding embedding, double[] w, double[] noiseOffset, double[] noiseWeights,
                       int noiseDimension, double tau, Activation activation, Standardization standardization,
                       double timeStep, double[] inputGain, List<String> inputNames, List<InputSchedule> schedules) {
        this(name, embedding, w, null, noiseOffset, noiseWeights, noiseDimension, tau, activation, standardization, timeStep,
                inputGain, inputNames, schedules);
    }

    /**
     * A network with a population mode: {@code J = U W + 1 w₀ᵀ}, i.e. the factored connectivity plus a rank-one term
     * along the uniform direction 1 (used by Dale-constrained networks, whose sign-constrained columns need a common
     * excitatory or inhibitory part; see {@code ddmatch.fit.DaleMatcher}). The affine set
     * {@code x = U z̃ + z₀ 1 + b} is then invariant and attracting at rate 1/τ, and the population mean
     * {@code z₀ = 1ᵀ(x − b)/N} obeys {@code τ ż₀ = −z₀ + w₀ᵀφ(x)}. U's columns and b must be orthogonal to 1, so
     * that the readout {@code z̃ = P(x − b)} does not see z₀. {@link #manifoldDistance} measures the distance from
     * that (d+1)-dimensional set; {@link #populationMean} gives z₀, whose set point is 0.
     *
     * @param populationWeights w₀, length N; {@code null} for none (then this is the constructor above)
     */
    public RateNetwork(String name, Embedding embedding, double[] w, double[] populationWeights, double[] noiseOffset,
                       double[] noiseWeights, int noiseDimension, double tau, Activation activation,
                       Standardization standardization, double timeStep, double[] inputGain, List<String> inputNames,
                       List<InputSchedule> schedules) {
        double[] noiseGain = noiseOffset;
        this.name = name;
        this.embedding = embedding;
        this.n = embedding.neurons();
        this.d = embedding.latent();
        if (w.length != d * n) {
            throw new IllegalArgumentException("W has " + w.length + " entries; expected d·N = " + (d * n));
        }
        NetworkChecks.common(embedding, noiseGain, noiseDimension, tau, standardization, timeStep);
        NetworkChecks.finite("W", w);
        this.m = noiseDimension;
        this.tau = tau;
        this.activation = activation;
        this.u = embedding.u();
        this.b = embedding.tonic();
        this.wt = new double[n * d];
        for (int k = 0; k < d; k++) {
            for (int j = 0; j < n; j++) {
                wt[j * d + k] = w[k * n + j];
            }
        }
        this.s = noiseGain.clone();
        if (noiseWeights != null) {
            if (noiseWeights.length != d * noiseDimension * n) {
                throw new IllegalArgumentException("K has " + noiseWeights.length + " entries; expected d·m·N = " + d + "·"
                        + noiseDimension + "·" + n);
            }
            requireFinite("K", noiseWeights);
        }
        this.kGain = noiseWeights == null || noiseDimension == 0 ? null : noiseWeights.clone();
        this.standardization = standardization;
        this.timeStep = timeStep;
        if (populationWeights == null) {
            this.population = null;
            this.kernels = new NetworkKernels(u, wt, b, n, d, tau, activation);
        } else {
            if (populationWeights.length != n) {
                throw new IllegalArgumentException("w₀ has " + populationWeights.length + " entries; expected N = " + n);
            }
            requireFinite("w₀", populationWeights);
            requireOrthogonalToUniform(embedding);
            this.population = populationWeights.clone();
            int q = d + 1;
            double[] uFull = new double[n * q];
            double[] wtFull = new double[n * q];
            for (int j = 0; j < n; j++) {
                System.arraycopy(u, j * d, uFull, j * q, d);
                System.arraycopy(wt, j * d, wtFull, j * q, d);
                uFull[j * q + d] = 1.0;
                wtFull[j * q + d] = population[j];
            }
            this.kernels = new NetworkKernels(uFull, wtFull, b, n, q, tau, activation);
        }
        final int dm = d * noiseDimension;
        this.gainScratch = ThreadLocal.withInitial(() -> new double[dm]);
        final int columns = population == null ? d : d + 1;   // with a population mode the last column (1) has no noise
        this.latentNoise = ThreadLocal.withInitial(() -> new double[columns]);
        this.batchNoise = ThreadLocal.withInitial(() -> new double[4 * columns]);
        this.p = inputNames.size();
        if (schedules.size() != p || inputGain.length != n * p) {
            throw new IllegalArgumentException("inputs: " + p + " names, " + schedules.size() + " schedules and an input gain B of "
                    + inputGain.length + " entries; expected p names, p schedules and N·p = " + n + "·" + p + " entries");
        }
        requireFinite("B", inputGain);
        this.inputGain = inputGain.clone();
        this.inputNames = List.copyOf(inputNames);
        this.schedules = schedules.toArray(new InputSchedule[0]);
        this.contextGain = this.inputGain.clone();
        double[] col = new double[n];
        double[] zt = new double[d];
        double[] zero = new double[n];
        Embedding centred = new Embedding(n, d, u, zero);
        for (int q = 0; q < p; q++) {
            for (int j = 0; j < n; j++) col[j] = this.inputGain[j * p + q];
            centred.project(col, zt);
            for (int j = 0; j < n; j++) {
                double r = 0;
                for (int k = 0; k < d; k++) r += u[j * d + k] * zt[k];
                contextGain[j * p + q] -= r;
            }
        }
    }

    /** U's columns and b must be orthogonal to 1 (to 1e-9 of their norms) for a population mode. */
    private static void requireOrthogonalToUniform(Embedding e) {
        int n = e.neurons(), d = e.latent();
        double[] u = e.u();
        double[] b = e.tonic();
        double sb = 0, nb = 0;
        for (int j = 0; j < n; j++) {
            sb += b[j];
            nb += b[j] * b[j];
        }
        if (Math.abs(sb) > 1e-9 * Math.sqrt(n * nb) + 1e-300) {
            throw new IllegalArgumentException("population mode: b has mean " + sb / n + "; it must be orthogonal to 1");
        }
        for (int k = 0; k < d; k++) {
            double sum = 0;
            for (int j = 0; j < n; j++) sum += u[j * d + k];
            if (Math.abs(sum) > 1e-9 * n) {
                throw new IllegalArgumentException("population mode: column " + k + " of U has mean " + sum / n
                        + "; it must be orthogonal to 1");
            }
        }
    }

    /** w₀ as a new array (length N), or {@code null} if the network has no population mode. */
    public double[] populationWeights() { return population == null ? null : population.clone(); }

    /** Whether {@code J = U W + 1 w₀ᵀ} (see the population-mode constructor). */
    public boolean hasPopulationMode() { return population != null; }

    /** The population mean {@code z₀ = 1ᵀ(x − b)/N} (b sums to zero for a network with a population mode). */
    public double populationMean(double[] x) {
        double s = 0;
        for (int j = 0; j < n; j++) s += x[j] - b[j];
        return s / n;
    }

    private static void requireFinite(String what, double[] a) {
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i])) {
                throw new IllegalArgumentException(what + "[" + i + "] = " + a[i] + " is not allowed; network parameters must be finite");
            }
        }
    }

    public Embedding embedding() { return embedding; }

    public int neurons() { return n; }

    public int latentDimension() { return d; }

    public double tau() { return tau; }

    public Activation activation() { return activation; }

    public Standardization standardization() { return standardization; }

    /** W as a new row-major d × N array. */
    public double[] readInWeights() {
        double[] w = new double[d * n];
        for (int k = 0; k < d; k++) {
            for (int j = 0; j < n; j++) {
                w[k * n + j] = wt[j * d + k];
            }
        }
        return w;
    }

    /** The same network driven by other schedules (e.g. read from an inputs spec); one per input, in order. */
    public RateNetwork withSchedules(List<InputSchedule> newSchedules) {
        if (newSchedules.size() != p) {
            throw new IllegalArgumentException("schedules: " + newSchedules.size() + " given; network '" + name + "' has " + p
                    + " inputs " + inputNames);
        }
        return new RateNetwork(name, embedding, readInWeights(), population, s, kGain, m, tau, activation, standardization, timeStep,
                inputGain, inputNames, newSchedules);
    }

    /** B as a new row-major N × p array (empty without inputs). */
    public double[] inputGain() { return inputGain.clone(); }

    @Override public int inputDimension() { return p; }

    @Override public List<String> inputNames() { return inputNames; }

    @Override public List<InputSchedule> schedules() { return List.of(schedules); }

    /** S as a new row-major d × m array; for state-dependent noise, its constant part k. */
    public double[] noiseGain() { return s.clone(); }

    /** Whether the noise gain depends on the state, {@code S(x) = K φ(x) + k}. */
    public boolean stateDependentNoise() { return kGain != null; }

    /** K as a new row-major (d·m) × N array, or {@code null} for constant noise. */
    public double[] noiseWeights() { return kGain == null ? null : kGain.clone(); }

    /** Writes {@code S(x)} (row-major d × m) into {@code out}: {@code K φ(x) + k}, or the constant S. */
    public void noiseGainAt(double[] x, double[] out) {
        int dm = d * m;
        System.arraycopy(s, 0, out, 0, dm);
        if (kGain == null) {
            return;
        }
        for (int j = 0; j < n; j++) {
            double p = activation.value(x[j]);
            for (int r = 0; r < dm; r++) out[r] += kGain[r * n + j] * p;
        }
    }

    @Override public int dimension() { return n; }

    @Override public int noiseDimension() { return m; }

    /**
     * NONE without noise, ADDITIVE for a constant gain, GENERAL for a state-dependent one: {@code U S(x)} is a full
     * N × m matrix that varies with x (not DIAGONAL, whose G must be diagonal with G_ii depending on x_i only).
     */
    @Override
    public NoiseType noiseType() {
        return m == 0 ? NoiseType.NONE : kGain == null ? NoiseType.ADDITIVE : NoiseType.GENERAL;
    }

    @Override public String name() { return name; }

    @Override public double defaultTimeStep() { return timeStep; }

    /** The point of the manifold above the origin of the latent space in standardised coordinates (the training mean). */
    @Override
    public double[] initialState() {
        double[] x = new double[n];
        embedding.embed(new double[d], x);
        addContext(x);
        return x;
    }

    /** Adds {@code B_c u(0)}: with contextual inputs the manifold at the initial input is shifted by it. */
    private void addContext(double[] x) {
        for (int q = 0; q < p; q++) {
            double v = schedules[q].value(0.0);
            for (int j = 0; j < n; j++) x[j] += contextGain[j * p + q] * v;
        }
    }

    /**
     * The network's deterministic dynamics on its manifold, in the latent coordinates z̃ ({@link ManifoldFlow}): the
     * d-dimensional flow whose Lyapunov exponents are the network's on-manifold exponents.
     *
     * @throws IllegalStateException for a network with a population mode (its manifold has d + 1 coordinates)
     */
    public ManifoldFlow manifoldFlow() {
        if (population != null) {
            throw new IllegalStateException("network '" + name + "' has a population mode (Dale): its manifold has d + 1 "
                    + "coordinates; use the full network's spectrum");
        }
        return new ManifoldFlow(name + "-manifold", n, d, tau, activation, u, wt, b, timeStep, kernels);
    }

    /** The point {@code x = U z̃ + b (+ B_c u(0) with inputs)} of the manifold whose readout is the target-coordinate state {@code z}. */
    public double[] stateFor(double[] z) {
        if (z.length != d) {
            throw new IllegalArgumentException("stateFor: the target state has " + z.length + " entries but this network"
                    + " carries a " + d + "-dimensional system");
        }
        double[] zt = new double[d];
        standardization.toLatent(z, zt);
        double[] x = new double[n];
        embedding.embed(zt, x);
        addContext(x);
        return x;
    }

    @Override
    public void drift(double t, double[] x, double[] out) {
        kernels.drift(x, out);
        if (p > 0) {
            double inv = 1.0 / tau;
            for (int q = 0; q < p; q++) addInput(q, schedules[q].value(t) * inv, out);
        }
    }

    /**
     * The Euler–Maruyama step fused into the network kernels' drift (Vector API, d ≤ 3, no inputs, constant noise):
     * the noise term {@code U S ΔW} enters as {@code c = S ΔW} in the update's multiply-adds on U's columns
     * ({@link NetworkKernels#eulerStep}), the scheme's update up to rounding; returns the new state's Σ x_j². Declines
     * otherwise.
     */
    @Override
    public double eulerStep(double t, double h, double[] x, double[] dW) {
        if (p > 0 || kGain != null) return DECLINED;
        double[] c = latentNoise.get();
        latentNoise(dW, 0, c, 0);
        return kernels.eulerStep(x, h, c);
    }

    /** {@code c[cOff + k] = (S·ΔW)_k}, k &lt; d, ΔW = {@code dW[dwOff, dwOff + m)}: the fused steps' latent noise. */
    private void latentNoise(double[] dW, int dwOff, double[] c, int cOff) {
        for (int k = 0; k < d; k++) {
            double ck = 0;
            for (int q = 0; q < m; q++) ck = Math.fma(s[k * m + q], dW[dwOff + q], ck);
            c[cOff + k] = ck;
        }
    }

    /**
     * The kernels' tile ({@link NetworkKernels#tiledStep()}: 4 states on JDK 25+, 2 before, with the Vector API and
     * d = 3 latent columns), or 0 — the states are then stepped one by one — for a network with inputs or
     * state-dependent noise (whose {@link #eulerStep} declines) or without a tiled kernel.
     */
    @Override
    public int lockStepTile() {
        return p > 0 || kGain != null ? 0 : kernels.tiledStep();
    }

    /**
     * {@link #eulerStep} of B states in lock step through {@link NetworkKernels#eulerStepBatch}: each state's latent
     * noise {@code c = S·ΔW} is formed exactly as {@link #eulerStep} forms it, so every state ends bit for bit as that
     * step of it alone would leave it.
     *
     * @throws IllegalStateException if {@link #lockStepTile()} is 0 (inputs, state-dependent noise, no tiled kernel)
     */
    @Override
    public void eulerStepBatch(double t, double h, double[] xs, int batch, double[] dWs, double[] sq) {
        if (lockStepTile() == 0) {
            throw new IllegalStateException("network '" + name + "': no lock-step Euler step (it needs constant noise, no "
                    + "inputs and the Vector API kernels with d = 3 columns); step each state with eulerStep");
        }
        int columns = population == null ? d : d + 1;
        double[] cs = batchNoise.get();
        if (cs.length < batch * columns) {
            cs = new double[batch * columns];
            batchNoise.set(cs);
        }
        for (int beta = 0; beta < batch; beta++) {
            latentNoise(dWs, beta * m, cs, beta * columns);
            if (columns > d) cs[beta * columns + d] = 0.0;   // the population mode's column carries no noise
        }
        kernels.eulerStepBatch(xs, batch, h, cs, sq);
    }

    private void addInput(int q, double scaledValue, double[] out) {
        for (int j = 0; j < n; j++) out[j] += inputGain[j * p + q] * scaledValue;
    }

    /**
     * The drift at input values {@code u} instead of the schedules: the scheduled drift plus {@code B(u − u(t))/τ}
     * (the input enters linearly, so this is exact up to rounding).
     */
    @Override
    public void drift(double t, double[] x, double[] uValues, double[] out) {
        if (uValues.length != p) {
            throw new IllegalArgumentException("u has " + uValues.length + " entries; network '" + name + "' has " + p + " inputs");
        }
        drift(t, x, out);
        for (int q = 0; q < p; q++) addInput(q, (uValues[q] - schedules[q].value(t)) / tau, out);
    }

    /**
     * The point {@code x = U z̃ + b + B_c u} of the manifold at input {@code u} whose readout is {@code z} (target
     * coordinates).
     */
    public double[] stateFor(double[] z, double[] uValues) {
        double[] x = stateFor(z);
        double[] u0 = inputsAt(0.0);
        for (int q = 0; q < p; q++) {
            for (int j = 0; j < n; j++) x[j] += contextGain[j * p + q] * (uValues[q] - u0[q]);
        }
        return x;
    }

    private double[] inputsAt(double t) {
        double[] v = new double[p];
        for (int q = 0; q < p; q++) v[q] = schedules[q].value(t);
        return v;
    }

    /**
     * The drift of the readout on the manifold, in the target's coordinates: {@code s ⊙ P·drift(x)} at
     * {@code x = stateFor(z, u)}. What matching makes equal to the target's {@code f(z, u)}. Allocates; for checks.
     */
    public double[] readoutDrift(double[] z, double[] uValues) {
        double[] x = stateFor(z, uValues);
        double[] dx = new double[n];
        drift(0.0, x, uValues, dx);
        double[] out = new double[d];
        Embedding centred = new Embedding(n, d, u, new double[n]);
        centred.project(dx, out);
        for (int k = 0; k < d; k++) out[k] *= standardization.scale(k);
        return out;
    }


    /**
     * Writes the N × m matrix {@code U S(x)} (Itô). For state-dependent noise this costs 2·N·d·m multiply-adds and N
     * evaluations of φ.
     *
     * <p>Itô, with no drift correction: the schemes integrate Itô equations (Euler–Maruyama evaluates this at the start
     * of each step), and the target is Itô too, so matching {@code S Sᵀ = G̃ G̃ᵀ} already matches the generator. A
     * Stratonovich reading would add {@code ½ Σ_q (∂Σ_{·q}/∂x) Σ_{·q}} to the drift.
     */
    @Override
    public void diffusion(double t, double[] x, double[] out) {
        double[] g = s;
        if (kGain != null) {
            g = gainScratch.get();
            noiseGainAt(x, g);
        }
        for (int j = 0; j < n; j++) {
            for (int q = 0; q < m; q++) {
                double v = 0;
                for (int k = 0; k < d; k++) v += u[j * d + k] * g[k * m + q];
                out[j * m + q] = v;
            }
        }
    }

    /** {@code out = (1/τ)(−v + U W (φ'(x) ⊙ v))}: the full N × N Jacobian applied to {@code v} in O(N·d). */
    @Override
    public void jacobianTimes(double t, double[] x, double[] v, double[] out) {
        kernels.jacobianTimes(x, v, out);
    }

    /**
     * The drift at time t and the Jacobian applied to k tangent vectors, in one pass over the neurons
     * ({@link NetworkKernels#driftAndTangents}: φ and φ' once, the d·(1 + k) read-in sums together): what an RK4 stage
     * of the QR method for Lyapunov exponents needs. Inputs enter the drift only (they are additive, so the Jacobian
     * does not depend on them).
     *
     * @param v  k tangent vectors, column-major k × N (vector q at {@code v[q·N, (q+1)·N)})
     * @param k  number of tangent vectors, ≥ 1
     * @param fx the drift, length N (written)
     * @param fv the k products {@code ∂f/∂x · V_q}, column-major k × N (written; not v)
     */
    public void driftAndTangents(double t, double[] x, double[] v, int k, double[] fx, double[] fv) {
        kernels.driftAndTangents(x, v, k, fx, fv);
        if (p > 0) {
            double inv = 1.0 / tau;
            for (int q = 0; q < p; q++) addInput(q, schedules[q].value(t) * inv, fx);
        }
    }

    /**
     * Writes the readout in the target's coordinates, {@code z = μ + s ⊙ P(x − b)}. The projection is
     * {@link NetworkKernels#project} (independent accumulation chains, vectorised with the Vector API), which agrees
     * with {@link Embedding#project} to rounding, not bit for bit.
     */
    public void readout(double[] x, double[] z) {
        kernels.project(x, z, d);
        for (int k = 0; k < d; k++) {
            z[k] = standardization.mean(k) + standardization.scale(k) * z[k];
        }
    }

    /** The readout as an {@link Observable}, to record only z during long simulations. */
    public Observable readoutObservable() {
        return new Observable() {
            @Override public int dimension() { return d; }

            @Override public int stateDimension() { return neurons(); }

            @Override public void observe(double[] x, double[] out) { readout(x, out); }
        };
    }

    /**
     * Distance of {@code x} from the invariant affine set, {@code ‖(I − U P)(x − b)‖/√N}; with a population mode the
     * set is {@code x = U z̃ + z₀ 1 + b} and the uniform component is removed too (the population mean z₀ itself is
     * {@link #populationMean}).
     */
    public double manifoldDistance(double[] x) {
        double[] zt = new double[d];
        embedding.project(x, zt);
        double z0 = population == null ? 0.0 : populationMean(x);
        double sum = 0;
        for (int j = 0; j < n; j++) {
            double r = x[j] - b[j] - z0;
            for (int k = 0; k < d; k++) r -= u[j * d + k] * zt[k];
            sum += r * r;
        }
        return Math.sqrt(sum / n);
    }
}
