package ddmatch.bench;

import ddmatch.fit.RidgeRegression;
import ddmatch.fit.RidgeSolution;
import ddmatch.solve.StandardNormal;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The ridge fit at F = 1000 features, M = 5000 samples, d = 3 outputs: {@link RidgeRegression#fit} with GCV (what
 * training runs), and its parts: the Gram product {@code ΦᵀΦ} ({@link CommonOps_DDRM#multInner}, single thread, as
 * in the fit; and {@link CommonOps_MT_DDRM#multInner} for the 2-thread figure), the symmetric eigendecomposition
 * GCV needs, and the GCV-free plain solve (Gram + ΦᵀY + Cholesky). Features are {@code tanh(U z + b)} with seeded
 * Gaussian z ∈ R³, U and b, like the samples of drift matching. Scores are seconds per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class RidgeFitBenchmark {
    public static final int SAMPLES = 5000;
    public static final int FEATURES = 1000;
    public static final int OUTPUTS = 3;
    public static final double LAMBDA = 1e-8;

    private DMatrixRMaj phi;
    private DMatrixRMaj y;
    private DMatrixRMaj gram;
    private DMatrixRMaj gramOut;
    private DMatrixRMaj rhs;

    @Setup
    public void setUp() {
        StandardNormal g = new StandardNormal(7L);
        double[] uu = new double[FEATURES * 3];
        double[] bb = new double[FEATURES];
        g.fill(uu, 0, uu.length);
        g.fill(bb, 0, bb.length);
        phi = new DMatrixRMaj(SAMPLES, FEATURES);
        y = new DMatrixRMaj(SAMPLES, OUTPUTS);
        double[] z = new double[3];
        for (int i = 0; i < SAMPLES; i++) {
            g.fill(z, 0, 3);
            for (int j = 0; j < FEATURES; j++) {
                double s = 2.0 * bb[j];
                for (int k = 0; k < 3; k++) s += uu[3 * j + k] * z[k];
                phi.unsafe_set(i, j, Math.tanh(s));
            }
            // a smooth nonlinear target, like a drift: −z + 0.5·sin(z_{k+1})
            for (int k = 0; k < OUTPUTS; k++) y.unsafe_set(i, k, -z[k] + 0.5 * Math.sin(z[(k + 1) % 3]));
        }
        gram = new DMatrixRMaj(FEATURES, FEATURES);
        CommonOps_DDRM.multInner(phi, gram);
        gramOut = new DMatrixRMaj(FEATURES, FEATURES);
        rhs = new DMatrixRMaj(FEATURES, OUTPUTS);
    }

    /** The whole fit with λ chosen by GCV (eigendecomposition + 65-point grid + Cholesky). */
    @Benchmark
    public RidgeSolution fitGcv() {
        return RidgeRegression.fit(phi, y);
    }

    /** Only the Gram product ΦᵀΦ (F × F), single thread, as inside the fit. */
    @Benchmark
    public DMatrixRMaj gramMultInner() {
        CommonOps_DDRM.multInner(phi, gramOut);
        return gramOut;
    }

    /** Only the Gram product, EJML's concurrent variant (uses all cores; 2 on the reference machine). */
    @Benchmark
    public DMatrixRMaj gramMultInnerMT() {
        CommonOps_MT_DDRM.multInner(phi, gramOut);
        return gramOut;
    }

    /** Only the symmetric eigendecomposition (values and vectors) of the precomputed Gram matrix. */
    @Benchmark
    public double eigGram() {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(FEATURES, true, true);
        if (!eig.decompose(gram.copy())) throw new IllegalStateException("eig failed");
        return eig.getEigenvalue(0).real;
    }

    /** GCV-free plain solve at a fixed λ: Gram + ΦᵀY + Cholesky of (G + λI), the NumPy {@code cho_solve} counterpart. */
    @Benchmark
    public DMatrixRMaj plainSolve() {
        DMatrixRMaj gm = new DMatrixRMaj(FEATURES, FEATURES);
        CommonOps_DDRM.multInner(phi, gm);
        CommonOps_DDRM.multTransA(phi, y, rhs);
        double scale = 0;
        for (int i = 0; i < FEATURES; i++) scale += gm.unsafe_get(i, i);
        scale /= FEATURES;
        for (int i = 0; i < FEATURES; i++) gm.unsafe_set(i, i, gm.unsafe_get(i, i) + LAMBDA * scale);
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(FEATURES);
        if (!chol.setA(gm)) throw new IllegalStateException("Cholesky failed");
        DMatrixRMaj sol = new DMatrixRMaj(FEATURES, OUTPUTS);
        chol.solve(rhs, sol);
        return sol;
    }
}
