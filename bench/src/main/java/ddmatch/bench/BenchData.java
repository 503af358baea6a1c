package ddmatch.bench;

import ddmatch.rnn.Activation;
import ddmatch.rnn.Embedding;
import ddmatch.rnn.RateNetwork;
import ddmatch.rnn.Standardization;
import ddmatch.solve.StandardNormal;

/** Seeded inputs shared by the benchmarks: a deterministic tanh rate network and its initial state. */
final class BenchData {
    /** Latent dimension d: 3, or {@code -Dbench.latent=D} (set with JMH's -jvmArgsAppend). */
    static final int LATENT = Integer.getInteger("bench.latent", 3);
    static final double DT = 0.01;
    static final double TAU = 1.0;
    static final double TONIC_STD = 2.0;

    private BenchData() {}

    /** A deterministic (m = 0) tanh network with a seeded embedding and seeded Gaussian W of entries O(1/√N). */
    static RateNetwork network(int n, long seed) {
        Embedding e = Embedding.random(n, LATENT, TONIC_STD, seed);
        double[] w = gaussian(LATENT * n, seed + 1, 1.0 / Math.sqrt(n));
        return new RateNetwork("bench", e, w, new double[0], 0, TAU, Activation.TANH,
                Standardization.identity(LATENT), DT);
    }

    /** The same network with constant noise {@code U S dW}, S = {@code noise}·I (m = d = 3): additive noise. */
    static RateNetwork noisyNetwork(int n, long seed, double noise) {
        Embedding e = Embedding.random(n, LATENT, TONIC_STD, seed);
        double[] w = gaussian(LATENT * n, seed + 1, 1.0 / Math.sqrt(n));
        double[] s = new double[LATENT * LATENT];
        for (int k = 0; k < LATENT; k++) s[k * LATENT + k] = noise;
        return new RateNetwork("bench-noisy", e, w, s, LATENT, TAU, Activation.TANH,
                Standardization.identity(LATENT), DT);
    }

    /** A point near the manifold: {@code U z + b} for a seeded z, plus small seeded off-manifold noise. */
    static double[] state(RateNetwork net, long seed) {
        int n = net.neurons();
        double[] z = gaussian(LATENT, seed, 1.0);
        double[] x = new double[n];
        net.embedding().embed(z, x);
        double[] eps = gaussian(n, seed + 7, 0.1);
        for (int j = 0; j < n; j++) x[j] += eps[j];
        return x;
    }

    static double[] gaussian(int len, long seed, double std) {
        double[] a = new double[len];
        new StandardNormal(seed).fill(a, 0, len);
        for (int i = 0; i < len; i++) a[i] *= std;
        return a;
    }
}
