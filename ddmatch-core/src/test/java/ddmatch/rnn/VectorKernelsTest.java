package ddmatch.rnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * The Vector API kernels ({@code VectorKernels}) against the scalar kernels and against the definition: the test JVM
 * runs with {@code --add-modules jdk.incubator.vector} (surefire argLine), so both paths run here.
 */
class VectorKernelsTest {
    private static SimdKernels vector(RateNetwork net) {
        NetworkKernels k = NetworkKernels.of(net, true);
        int n = net.neurons(), d = net.latentDimension();
        double[] w = net.readInWeights(), u = net.embedding().u(), uc = new double[d * n];
        for (int j = 0; j < n; j++) {
            for (int q = 0; q < d; q++) uc[q * n + j] = u[j * d + q];
        }
        assertThat(k.implementation()).startsWith("Vector API");
        return SimdKernels.load(w, uc, net.embedding().tonic(), n, d, 1.0 / net.tau());
    }

    @Test
    void detectionFollowsTheModuleThePropertyAndTheHardware() {
        String property = System.getProperty("ddmatch.kernel");
        boolean expected = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() && !"scalar".equals(property)
                && ("vector".equals(property)
                    || ddmatch.linalg.VectorApi.jvmUsesFma() && ddmatch.linalg.VectorApi.preferredDoubleLanes() >= 4);
        assertThat(NetworkKernels.vectorApiInUse()).isEqualTo(expected);
        RateNetwork net = NetworkKernelsTest.network(40, 3, 1);
        assertThat(NetworkKernels.of(net, false).implementation()).isEqualTo("scalar");
        assertThat(NetworkKernels.of(net, true).implementation()).isEqualTo(expected ? NetworkKernels.of(net).implementation() : "scalar");
    }

    /**
     * The build's AVX2 run (surefire execution {@code avx2-kernels}, {@code -XX:UseAVX=2 -Dddmatch.test.lanes=4}) really
     * runs 4-lane kernels on x86-64, not silently the machine's widest; skipped in the default run.
     */
    @Test
    void theVectorWidthIsTheOneTheBuildAsksFor() {
        String lanes = System.getProperty("ddmatch.test.lanes");
        String arch = System.getProperty("os.arch");
        assumeTrue(lanes != null && NetworkKernels.vectorApiInUse() && (arch.equals("amd64") || arch.equals("x86_64")));
        assertThat(vector(NetworkKernelsTest.network(16, 3, 2)).description()).contains(lanes + " × double");
    }

    /**
     * The tanh's form: the table form only with 8 lanes or more, forced by {@code -Dddmatch.tanhTable=true|false},
     * otherwise from JDK 25 on; and the build's table-form run ({@code kernels-table-tanh}, the property set to true)
     * really runs it wherever vectors are that wide, so that both forms are tested on any JDK.
     */
    @Test
    void theTanhFormFollowsThePropertyTheJdkAndTheWidth() {
        assertThat(SimdKernels.tanhTable(null, 8, 25)).isTrue();
        assertThat(SimdKernels.tanhTable(null, 16, 26)).isTrue();
        assertThat(SimdKernels.tanhTable(null, 8, 17)).isFalse();
        assertThat(SimdKernels.tanhTable(null, 8, 24)).isFalse();
        assertThat(SimdKernels.tanhTable(null, 4, 25)).isFalse();
        assertThat(SimdKernels.tanhTable("true", 8, 17)).isTrue();
        assertThat(SimdKernels.tanhTable("true", 4, 25)).isFalse();
        assertThat(SimdKernels.tanhTable("false", 8, 25)).isFalse();
        assertThat(SimdKernels.tanhTable("yes", 8, 17)).isFalse();
        assertThat(SimdKernels.tanhTable("yes", 8, 25)).isTrue();
        assumeTrue(NetworkKernels.vectorApiInUse());
        String description = vector(NetworkKernelsTest.network(16, 3, 2)).description();
        int lanes = Integer.parseInt(description.replaceAll(".*?(\\d+) × double.*", "$1"));
        boolean expected = SimdKernels.tanhTable(System.getProperty(SimdKernels.TANH_TABLE_PROPERTY), lanes,
                Runtime.version().feature());
        assertThat(description.endsWith(", table tanh")).as(description).isEqualTo(expected);
        if ("true".equals(System.getProperty(SimdKernels.TANH_TABLE_PROPERTY)) && lanes >= 8) {
            assertThat(description).endsWith(", table tanh");
        }
    }

    /**
     * d = 4 has its own drift (tanh fused into four read-in chains, U's four columns in one pass): bit for bit the
     * general path's, for N with and without a vector tail and a three-vector remainder, states beyond the tanh's clamp
     * included; and within 1e-13 of the drift written out with Math.tanh.
     */
    @Test
    void theFourDimensionalDriftIsTheGeneralPathBitForBit() {
        assumeTrue(NetworkKernels.vectorApiInUse());
        for (int n : new int[] {5, 37, 64, 1000, 1003}) {
            RateNetwork net = NetworkKernelsTest.network(n, 4, n);
            VectorKernels v = (VectorKernels) vector(net);
            java.util.SplittableRandom rnd = new java.util.SplittableRandom(n);
            double[] x = new double[n];
            for (int j = 0; j < n; j++) x[j] = (j % 11 == 0 ? 30 : 3) * (2 * rnd.nextDouble() - 1);
            double[] fast = new double[n], general = new double[n];
            v.drift(x, fast, new double[v.scratchLength()]);
            v.driftGeneral(x, 0, general, new double[v.scratchLength()]);
            for (int j = 0; j < n; j++) {
                assertThat(Double.doubleToRawLongBits(fast[j])).as("N = %d, neuron %d", n, j)
                        .isEqualTo(Double.doubleToRawLongBits(general[j]));
            }
            double[] w = net.readInWeights(), u = net.embedding().u(), b = net.embedding().tonic();
            double[] a = new double[4];
            for (int k = 0; k < 4; k++) {
                for (int j = 0; j < n; j++) a[k] += w[k * n + j] * Math.tanh(x[j]);
            }
            for (int j = 0; j < n; j++) {
                double f = b[j] - x[j];
                for (int k = 0; k < 4; k++) f += u[j * 4 + k] * a[k];
                f /= net.tau();
                assertThat(fast[j]).isCloseTo(f, within(1e-13 * (1 + Math.abs(f))));
            }
        }
    }

    /** The d = 4 drift with k tangent products (the Lyapunov spectrum's sweep): bit for bit the general path's. */
    @Test
    void theFourDimensionalTangentsAreTheGeneralPathBitForBit() {
        assumeTrue(NetworkKernels.vectorApiInUse());
        for (int n : new int[] {5, 37, 1003}) {
            for (int k : new int[] {1, 6}) {
                RateNetwork net = NetworkKernelsTest.network(n, 4, 7 * n + k);
                VectorKernels vk = (VectorKernels) vector(net);
                java.util.SplittableRandom rnd = new java.util.SplittableRandom(n + k);
                double[] x = new double[n], v = new double[k * n];
                for (int j = 0; j < n; j++) x[j] = (j % 13 == 0 ? 25 : 2) * (2 * rnd.nextDouble() - 1);
                for (int j = 0; j < k * n; j++) v[j] = rnd.nextDouble() - 0.5;
                double[] fx = new double[n], fv = new double[k * n], gx = new double[n], gv = new double[k * n];
                vk.driftAndTangents(x, v, k, fx, fv, new double[vk.tangentScratchLength(k)]);
                vk.driftAndTangentsGeneral(x, v, k, gx, gv, new double[vk.tangentScratchLength(k)]);
                for (int j = 0; j < n; j++) {
                    assertThat(Double.doubleToRawLongBits(fx[j])).as("N = %d, k = %d, drift %d", n, k, j)
                            .isEqualTo(Double.doubleToRawLongBits(gx[j]));
                }
                for (int j = 0; j < k * n; j++) {
                    assertThat(Double.doubleToRawLongBits(fv[j])).as("N = %d, k = %d, tangent entry %d", n, k, j)
                            .isEqualTo(Double.doubleToRawLongBits(gv[j]));
                }
            }
        }
    }

    /** Max |tanh − Math.tanh| over a dense grid of [−25, 25] ≤ 2.5e-16 (measured 2.2e-16); lanes = scalar form bit for bit. */
    @Test
    void tanhAgreesWithMathTanhAndItsScalarForm() {
        assumeTrue(NetworkKernels.vectorApiInUse());
        SimdKernels v = vector(NetworkKernelsTest.network(16, 3, 2));
        int count = 400_003;
        double[] x = new double[count];
        for (int i = 0; i < count; i++) x[i] = -25.0 + 50.0 * i / count + 1e-7 * Math.PI;
        double[] out = new double[count];
        v.tanh(x, out, count);
        double max = 0;
        int differentBits = 0;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, Math.abs(out[i] - Math.tanh(x[i])));
            if (Double.doubleToRawLongBits(out[i]) != Double.doubleToRawLongBits(v.tanh(x[i]))) differentBits++;
        }
        assertThat(differentBits).isZero();
        assertThat(max).isLessThanOrEqualTo(2.5e-16);
        // relative accuracy near 0: tanh x = x − x³/3 + 2x⁵/15
        for (double s : new double[] {1e-300, 1e-100, 1e-20, 1e-8, 1e-5, 1e-3}) {
            double expected = s - s * s * s / 3 + 2 * Math.pow(s, 5) / 15;
            assertThat(v.tanh(s)).isCloseTo(expected, within(1e-15 * s));
            assertThat(v.tanh(-s)).isCloseTo(-expected, within(1e-15 * s));
        }
        double[] edge = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE,
            -Double.MAX_VALUE, Double.MIN_VALUE, 19.5, -20.5, 700.0, 1e-310, -3.0, 0.5, 1.0, 2.0};
        double[] e = new double[edge.length];
        v.tanh(edge, e, edge.length);
        assertThat(Double.doubleToRawLongBits(e[0])).isEqualTo(Double.doubleToRawLongBits(0.0));
        assertThat(Double.doubleToRawLongBits(e[1])).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(e[2]).isNaN();
        assertThat(e[3]).isEqualTo(1.0);
        assertThat(e[4]).isEqualTo(-1.0);
        assertThat(e[5]).isEqualTo(1.0);
        assertThat(e[6]).isEqualTo(-1.0);
        assertThat(e[7]).isEqualTo(Double.MIN_VALUE);
        for (int i = 8; i < edge.length; i++) assertThat(e[i]).isCloseTo(Math.tanh(edge[i]), within(2.5e-16));
        // the same edge values through the three-vector loop, around the clamp |x| = 20, and in the scalar form
        double[] many = new double[4 * edge.length + 7];
        for (int i = 0; i < many.length; i++) {
            many[i] = i < 4 * edge.length ? edge[i % edge.length] : Math.nextAfter(20.0, 0.0) + Math.ulp(20.0) * (i % 3);
        }
        double[] m = new double[many.length];
        v.tanh(many, m, many.length);
        for (int i = 0; i < many.length; i++) {
            assertThat(Double.doubleToRawLongBits(m[i])).as("x = %s", many[i])
                    .isEqualTo(Double.doubleToRawLongBits(v.tanh(many[i])));
        }
    }

    /**
     * Relative error ≤ 1.5e-15 (measured 1.2e-15) on a log grid of (1e-300, 0.35), where tanh is small and the table
     * entry 2^(j/8) (j ≥ 1 from |x| ≈ 0.0217) is multiplied into a result that is not: the worst case of the table form.
     * Also every one of the eight entries, at both ends of its interval ({@code 2|x| = (k ± ½)·ln2/8}), to 2.5e-16
     * absolute, through the vector lanes and the scalar form alike.
     */
    @Test
    void tanhKeepsItsRelativeAccuracyAcrossTheTable() {
        assumeTrue(NetworkKernels.vectorApiInUse());
        SimdKernels v = vector(NetworkKernelsTest.network(16, 3, 2));
        int count = 200_000;
        double[] x = new double[count];
        for (int i = 0; i < count; i++) x[i] = 0.35 * Math.exp(-690.0 * i / count);
        double[] out = new double[count];
        v.tanh(x, out, count);
        double worst = 0;
        for (int i = 0; i < count; i++) worst = Math.max(worst, Math.abs(out[i] - Math.tanh(x[i])) / Math.tanh(x[i]));
        assertThat(worst).isLessThanOrEqualTo(1.5e-15);
        double step = Math.log(2) / 16;   // |x| of one table step (2|x| = ln2/8)
        double[] ends = new double[2 * 24];
        for (int k = 0; k < 24; k++) {
            ends[2 * k] = (k + 0.5) * step * (1 - 1e-12);
            ends[2 * k + 1] = -(k + 0.5) * step * (1 + 1e-12);
        }
        double[] f = new double[ends.length];
        v.tanh(ends, f, ends.length);
        for (int i = 0; i < ends.length; i++) {
            assertThat(f[i]).as("x = %s", ends[i]).isCloseTo(Math.tanh(ends[i]), within(2.5e-16));
            assertThat(Double.doubleToRawLongBits(f[i])).isEqualTo(Double.doubleToRawLongBits(v.tanh(ends[i])));
        }
    }

    /** Drift and Jacobian product: vector kernel vs scalar kernel (≤ 1e-14) and vs the definition with Math.tanh. */
    @Test
    void vectorAndScalarKernelsAgreeToRounding() {
        assumeTrue(NetworkKernels.vectorApiInUse());
        for (int[] nd : new int[][] {{203, 3}, {64, 3}, {7, 3}, {97, 2}, {13, 2}, {33, 1}, {300, 1}, {50, 5}, {1000, 3}}) {
            int n = nd[0];
            RateNetwork net = NetworkKernelsTest.network(n, nd[1], 31 + n);
            NetworkKernels vec = NetworkKernels.of(net, true), sca = NetworkKernels.of(net, false);
            double[] x = NetworkKernelsTest.state(n, 4), v = NetworkKernelsTest.state(n, 5);
            double[] fv = new double[n], fs = new double[n], jv = new double[n], js = new double[n];
            vec.drift(x, fv);
            sca.drift(x, fs);
            vec.jacobianTimes(x, v, jv);
            sca.jacobianTimes(x, v, js);
            double scale = 0;
            for (int j = 0; j < n; j++) scale = Math.max(scale, Math.abs(fs[j]) + Math.abs(js[j]));
            assertThat(fv).containsExactly(fs, within(1e-14 * scale));
            assertThat(jv).containsExactly(js, within(1e-14 * scale));
            assertThat(fv).containsExactly(NetworkKernelsTest.referenceDrift(net, x), within(1e-12));
            // the same call twice: identical bits
            double[] again = new double[n];
            vec.drift(x, again);
            assertThat(again).containsExactly(fv);
        }
    }
}
