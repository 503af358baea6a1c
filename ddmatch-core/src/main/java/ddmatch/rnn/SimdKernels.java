package ddmatch.rnn;

import ddmatch.linalg.VectorApi;

import java.lang.invoke.MethodHandles;

/**
 * The tanh network kernels of {@link NetworkKernels} in an explicitly vectorised form, implemented with the Vector API
 * (incubator module {@code jdk.incubator.vector}) by {@code VectorKernels}. This interface names no vector type, so
 * the rest of the library compiles and runs without that module; {@link #load} returns {@code null} when the module is
 * not in the boot layer (the JVM was started without {@code --add-modules jdk.incubator.vector}) or when the system
 * property {@code ddmatch.kernel=scalar} asks for the scalar kernels.
 *
 * <p>Arrays are laid out as in {@link NetworkKernels}; {@code wRows} is W row-major d × N (row k = weights onto latent
 * mode k) and {@code uCols} is Uᵀ, d × N. Calls allocate nothing; each uses the caller's scratch array.
 */
interface SimdKernels {
    /** {@code out = (1/τ)(−x + U W tanh(x) + b)}; {@code scratch} has at least {@link #scratchLength()} entries. */
    void drift(double[] x, double[] out, double[] scratch);

    /** What {@link #eulerStep} returns when it has no fused form (x untouched); no sum of squares is negative. */
    double DECLINED = ddmatch.solve.FusedEulerStep.DECLINED;

    /**
     * One Euler–Maruyama step whose noise lies in U's span, in place: {@code x ← x + h·f(x) + U c}, c the step's noise
     * in the latent coordinates (length ≥ d; zeros for none), as one pass after the read-in (the scheme's update up to
     * rounding; see {@code solve.FusedEulerStep}).
     *
     * @return Σ x_j² of the new state, summed in the pass that writes it (NaN if an entry is NaN, +∞ if one is
     *         infinite or the sum overflows), for the caller's divergence check; {@link #DECLINED} (x untouched) when
     *         this kernel has no fused form for its d
     */
    double eulerStep(double[] x, double h, double[] c, double[] scratch);

    /** {@code out = (1/τ)(−v + U W ((1 − tanh²x) ⊙ v))}. */
    void jacobianTimes(double[] x, double[] v, double[] out, double[] scratch);

    /**
     * The drift and k Jacobian products of {@link NetworkKernels#driftAndTangents} in one pass (V and its image
     * column-major k × N); {@code scratch} has at least {@link #tangentScratchLength(int)} entries.
     */
    void driftAndTangents(double[] x, double[] v, int k, double[] fx, double[] fv, double[] scratch);

    /** Entries of scratch space {@link #driftAndTangents} needs for k tangent vectors. */
    int tangentScratchLength(int k);

    /**
     * The drift of B states stored one after another ({@code xs[β·N + j]}), each bit-identical to {@link #drift};
     * {@code scratch} has at least {@link #batchScratchLength()} entries.
     */
    void driftBatch(double[] xs, int batch, double[] out, double[] scratch);

    /** Entries of scratch space {@link #driftBatch} needs. */
    int batchScratchLength();

    /**
     * One Euler–Maruyama step of each of B states stored one after another ({@code xs[β·N + j]}), in place, state β
     * with latent noise {@code cs[β·d, (β+1)·d)}; each state's result bit-identical to {@link #eulerStep} of it alone.
     * Unless {@code sq} is null, {@code sq[β]} receives Σ x_j² of state β's new value (summed in another order than
     * {@link #eulerStep}'s: equal up to rounding). {@code scratch} has at least {@link #stepBatchScratchLength()} entries.
     *
     * @return false (nothing stepped) when this kernel has no fused form for its d
     */
    boolean eulerStepBatch(double[] xs, int batch, double h, double[] cs, double[] sq, double[] scratch);

    /**
     * System property fixing the states per tile of the Vector API kernels' {@link #eulerStepBatch} (d = 3): {@code 2}
     * or {@code 4}. Unset, the JDK decides: 4 from JDK 25 on, 2 before. Both give the same bits (each state's sums
     * are formed alone, in the same order); they differ in speed only. Read at the batch step's first use; another
     * value fails that call with an {@link IllegalArgumentException}. With four states the read-in loop keeps 12
     * accumulators, three rows of W and about 19 tanh constants live: more than AVX-512's 32 vector registers. JDK 25
     * rebuilds the constants from memory and keeps the accumulators in registers; JDK 17 spills accumulators to the
     * stack and turns each tanh's clamp mask into a vector and back. Measured on a Zen 5 (N = 1000, 48 states, one
     * thread, 8 alternating rounds, {@code bench/results/2026-12-06-batch-tile/}): JDK 17 0.72–0.74 ns per
     * neuron-step with tiles of two against 0.73–0.89 with four; JDK 25 0.65–0.71 against 0.63–0.67. JDKs 18–24 were
     * not measured; they get two, the smaller loss if the guess is wrong (two cost JDK 25 2–5 %; four cost JDK 17
     * 16–25 %).
     */
    String STEP_TILE_PROPERTY = "ddmatch.batchTile";

    /** The tile of {@link #STEP_TILE_PROPERTY}: its value when set (2 or 4, else an error naming it), else by JDK. */
    static int stepTile(String property, int jdkFeature) {
        if (property == null || property.isBlank()) {
            return jdkFeature >= 25 ? 4 : 2;
        }
        switch (property.strip()) {
            case "2": return 2;
            case "4": return 4;
            default: throw new IllegalArgumentException("-D" + STEP_TILE_PROPERTY + "=" + property
                    + ": the states per tile of the batch step must be 2 or 4");
        }
    }

    /**
     * System property choosing the Vector API tanh's form (read once, when the kernels are loaded): {@code true} takes
     * the table form (reduction by ln 2/8, 2^(j/8) from an eight-entry table by one lane permute, degree-5
     * polynomial) wherever vectors hold at least 8 doubles, {@code false} the form without a table (reduction by
     * ln 2, degree 9); anything else, or unset, decides as measured: the table form on JDK 25 and later with at least 8
     * lanes. Both are as accurate (≤ 3.3e-16 absolute against Math.tanh) and differ in the last bits. Measured on a
     * Zen 5 (AVX-512, N = 1000, 32 states, one thread, alternating JVMs, BENCHMARKS.md "A table of 2^(j/8) in the
     * tanh"): the batch step 5–10 % faster with the table on JDK 25, 4–6 % slower on JDK 17; with 4 lanes (AVX2) the
     * lookup must span two vectors and JDK 17's step was 20–25 % slower, so narrower vectors never take it. JDKs 18–24
     * were not measured and keep the form without a table. Like {@code ddmatch.kernel}, an unrecognised value means
     * "decide"; {@link NetworkKernels#inUse()} names the form in use.
     */
    String TANH_TABLE_PROPERTY = "ddmatch.tanhTable";

    /** Whether the vector tanh takes the table form ({@link #TANH_TABLE_PROPERTY}) with {@code lanes} doubles per vector. */
    static boolean tanhTable(String property, int lanes, int jdkFeature) {
        if (lanes < 8) return false;
        if ("true".equals(property)) return true;
        if ("false".equals(property)) return false;
        return jdkFeature >= 25;
    }

    /** States per tile of {@link #eulerStepBatch} when d = 3 (2 or 4, {@link #STEP_TILE_PROPERTY}). */
    int stepTile();

    /** Entries of scratch space {@link #eulerStepBatch} needs. */
    int stepBatchScratchLength();

    /**
     * The readout sums {@code zt[k] = Σ_j U_jk (x_j − b_j) / N} for k &lt; columns of {@link NetworkKernels#project}:
     * two vector FMA chains per column, lanes added in lane order through {@code lanes} (length ≥ L), then the tail.
     */
    void project(double[] x, double[] zt, int columns, double[] lanes);

    /** {@code out[i] = tanh(x[i])} for i &lt; len, by the vector tanh (lanes) and its scalar form (tail). */
    void tanh(double[] x, double[] out, int len);

    /** The scalar form of the vector tanh, bit-identical to each lane. */
    double tanh(double x);

    /** Entries of scratch space {@link #drift} and {@link #jacobianTimes} need. */
    int scratchLength();

    /**
     * d = 3 or 4, the flow on the manifold at latent state z̃ ({@code ManifoldFlow}): {@code out[k] = Σ_j W_kj φ_j}
     * (k &lt; d) and {@code out[d + d·k + l] = Σ_j W_kj φ'_j U_jl}, with {@code φ = tanh(b + U z̃)}, vectorised across the
     * neurons after the tanh; scratch of at least {@link #scratchLength()} entries.
     *
     * @return false, with nothing written, when d is not 3 or 4
     */
    boolean manifoldSums(double[] z, double[] out, double[] scratch);

    /** A short description: implementation, vector shape (e.g. {@code "Vector API, 8 × double (512 bits)"}). */
    String description();

    /**
     * The vectorised kernels for a tanh network, or {@code null} if the Vector API is not available or
     * {@code -Dddmatch.kernel=scalar} is set.
     */
    static SimdKernels load(double[] wRows, double[] uCols, double[] b, int n, int d, double invTau) {
        return VectorApi.load(MethodHandles.lookup(), SimdKernels.class, "ddmatch.rnn.VectorKernels",
                new Class<?>[] {double[].class, double[].class, double[].class, int.class, int.class, double.class},
                wRows, uCols, b, n, d, invTau);
    }

    /**
     * Whether the vectorised kernels are in use in this JVM: the module is present, not switched off, and the kernel
     * class links.
     */
    static boolean available() {
        return Shared.KERNELS != null;
    }

    /** Kernels of an empty network (n = 0), for the network-independent {@link #tanh}; or null. */
    static SimdKernels shared() {
        return Shared.KERNELS;
    }

    /** Decided once per JVM, when the kernels are first asked for. */
    final class Shared {
        static final SimdKernels KERNELS = load(new double[0], new double[0], new double[0], 0, 0, 1.0);

        private Shared() {}
    }
}
