package ddmatch.analysis.decomposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ddmatch.fit.DriftMatcher;
import ddmatch.fit.MatchConfig;
import ddmatch.fit.SamplingConfig;
import ddmatch.rnn.RateNetwork;
import ddmatch.sde.Lorenz;
import ddmatch.solve.ProgressListener;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

class ConnectivityDecompositionTest {

    /** Eigenvalues of a dense matrix whose modulus exceeds {@code tol}: {re, im} sorted by (re, im) descending. */
    static double[][] denseNonzero(DMatrixRMaj a, double tol) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(a.numRows, false);
        assertThat(eig.decompose(a.copy())).isTrue();
        return java.util.stream.IntStream.range(0, a.numRows)
                .mapToObj(i -> new double[] {eig.getEigenvalue(i).real, eig.getEigenvalue(i).imaginary})
                .filter(e -> Math.hypot(e[0], e[1]) > tol)
                .sorted((p, q) -> p[0] != q[0] ? Double.compare(q[0], p[0]) : Double.compare(q[1], p[1]))
                .toArray(double[][]::new);
    }

    @Test
    void factoredNormsAndSpectraEqualTheDenseOnes() {
        int n = 40, d = 3;
        SplittableRandom r = new SplittableRandom(5);
        double[] u = new double[n * d], w = new double[d * n];
        for (int i = 0; i < u.length; i++) u[i] = r.nextGaussian();
        for (int i = 0; i < w.length; i++) w[i] = r.nextGaussian() * 0.3 + (i % 7 == 0 ? 1 : 0);
        ConnectivityDecomposition.Result res = ConnectivityDecomposition.of(u, w, n, d, 5, 1);

        DMatrixRMaj j = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(DMatrixRMaj.wrap(n, d, u), DMatrixRMaj.wrap(d, n, w), j);
        DMatrixRMaj jt = CommonOps_DDRM.transpose(j, null);
        DMatrixRMaj js = new DMatrixRMaj(n, n), ja = new DMatrixRMaj(n, n);
        CommonOps_DDRM.add(0.5, j, 0.5, jt, js);
        CommonOps_DDRM.add(0.5, j, -0.5, jt, ja);
        double nj = NormOps_DDRM.normF(j);
        assertThat(res.norm()).isCloseTo(nj, within(1e-10 * nj));
        assertThat(res.symmetricNorm()).isCloseTo(NormOps_DDRM.normF(js), within(1e-10 * nj));
        assertThat(res.antisymmetricNorm()).isCloseTo(NormOps_DDRM.normF(ja), within(1e-10 * nj));
        assertThat(res.asymmetryRatio()).isCloseTo(NormOps_DDRM.normF(ja) / nj, within(1e-12));

        double tol = 1e-8 * nj;
        double[][] ej = denseNonzero(j, tol);
        assertThat(ej).hasNumberOfRows(d);
        for (int i = 0; i < d; i++) {
            assertThat(res.eigenReal()[i]).isCloseTo(ej[i][0], within(1e-8 * nj));
            assertThat(Math.abs(res.eigenImag()[i])).isCloseTo(Math.abs(ej[i][1]), within(1e-8 * nj));
        }
        double[][] es = denseNonzero(js, tol);
        assertThat(es).hasNumberOfRows(2 * d);
        for (int i = 0; i < 2 * d; i++) {
            assertThat(res.symmetricEigenvalues()[i]).isCloseTo(es[i][0], within(1e-8 * nj));
        }
        double[][] ea = denseNonzero(ja, tol);
        assertThat(ea).hasNumberOfRows(2 * d);
        double[] imag = Arrays.stream(ea).mapToDouble(e -> e[1]).sorted().toArray();
        for (int i = 0; i < 2 * d; i++) {
            assertThat(res.antisymmetricEigenvalues()[i]).isCloseTo(imag[2 * d - 1 - i], within(1e-8 * nj));
            assertThat(ea[i][0]).isCloseTo(0.0, within(1e-8 * nj));
        }
    }

    @Test
    void aTrainedNetworkIsAsAsymmetricAsTheRandomEmbeddingNull() {
        // Lorenz, N = 300, d = 3 (DESIGN §1.6 caution): the ratio says nothing about the target.
        MatchConfig cfg = MatchConfig.defaults(300, 11).withSampling(SamplingConfig.defaults().withSamples(3000));
        RateNetwork net = DriftMatcher.train(new Lorenz(), cfg, ProgressListener.NONE).network();
        ConnectivityDecomposition.Result res = ConnectivityDecomposition.of(net);
        assertThat(res.nullRatio()).isCloseTo(1 / Math.sqrt(2), within(0.05));
        assertThat(res.ratioToNull()).isCloseTo(1.0, within(0.03));
        assertThat(res.nullDraws()).isEqualTo(20);
    }
}
