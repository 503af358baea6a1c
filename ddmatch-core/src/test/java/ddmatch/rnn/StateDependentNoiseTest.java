package ddmatch.rnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ddmatch.sde.NoiseType;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The noise term {@code U S(x)} with {@code S(x) = K φ(x) + k}, against a direct evaluation. */
class StateDependentNoiseTest {
    @Test
    void diffusionIsUTimesAffineGainOfTheActivity() {
        int n = 30, d = 2, m = 3;
        SplittableRandom rng = new SplittableRandom(1);
        double[] w = new double[d * n];
        double[] k = new double[d * m];
        double[] kw = new double[d * m * n];
        for (int i = 0; i < k.length; i++) k[i] = rng.nextDouble(-1, 1);
        for (int i = 0; i < kw.length; i++) kw[i] = rng.nextDouble(-1, 1);
        Embedding emb = Embedding.random(n, d, 1.0, 3);
        RateNetwork net = new RateNetwork("t", emb, w, k, kw, m, 1.0, Activation.TANH, Standardization.identity(d), 0.01);
        assertThat(net.noiseType()).isEqualTo(NoiseType.GENERAL);
        double[] x = new double[n];
        for (int j = 0; j < n; j++) x[j] = rng.nextDouble(-2, 2);
        double[] out = new double[n * m];
        net.diffusion(0, x, out);
        double[] u = emb.u();
        for (int j = 0; j < n; j++) {
            for (int q = 0; q < m; q++) {
                double expected = 0;
                for (int i = 0; i < d; i++) {
                    double s = k[i * m + q];
                    for (int l = 0; l < n; l++) s += kw[(i * m + q) * n + l] * Math.tanh(x[l]);
                    expected += u[j * d + i] * s;
                }
                assertThat(out[j * m + q]).isCloseTo(expected, within(1e-12 * (1 + Math.abs(expected))));
            }
        }
        // Without K the same offset is a constant (ADDITIVE) gain.
        RateNetwork constant = new RateNetwork("c", emb, w, k, null, m, 1.0, Activation.TANH, Standardization.identity(d), 0.01);
        assertThat(constant.noiseType()).isEqualTo(NoiseType.ADDITIVE);
        assertThat(constant.noiseWeights()).isNull();
        assertThatThrownBy(() -> new RateNetwork("bad", emb, w, k, new double[5], m, 1.0, Activation.TANH,
                Standardization.identity(d), 0.01)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("K");
    }
}
