package ddmatch.rnn;
import java.util.Random;
/**
 * Exploration (2026-12-05, second session), not part of the build: where the fused Euler step of rnn.VectorKernels
 * spends its time at N = 1000, d = 3, no noise: the vector tanh of N values, the drift (readIn3Phi: tanh + read-in
 * sums, then finish3) and the fused eulerStep, in ns per neuron. Lives in package ddmatch.rnn to reach the
 * package-private kernels; compile and run against the shaded jar:
 *   javac --add-modules jdk.incubator.vector -cp ddmatch-core/target/ddmatch-core-0.1.0-SNAPSHOT-all.jar -d /tmp/sp StepParts.java
 *   java --add-modules jdk.incubator.vector -cp /tmp/sp:ddmatch-core/target/ddmatch-core-0.1.0-SNAPSHOT-all.jar ddmatch.rnn.StepParts 1000
 */
public class StepParts {
    public static void main(String[] a) {
        int n = Integer.parseInt(a.length > 0 ? a[0] : "1000"), d = 3;
        Random rnd = new Random(3);
        double[] w = new double[d * n], u = new double[d * n], b = new double[n], x = new double[n], x0, out = new double[n];
        for (int i = 0; i < d * n; i++) { w[i] = rnd.nextGaussian() / Math.sqrt(n); u[i] = rnd.nextGaussian(); }
        for (int i = 0; i < n; i++) { b[i] = 0.1 * rnd.nextGaussian(); x[i] = 2 * rnd.nextGaussian(); }
        x0 = x.clone();
        VectorKernels k = new VectorKernels(w, u, b, n, d, 1.0);
        double[] s = new double[k.scratchLength()];
        double[] g = new double[0], dw = new double[0];
        String[] names = {"tanh(x) into out", "drift (readIn3Phi + finish3)", "eulerStep (fused, no noise)"};
        double sink = 0;
        for (int round = 0; round < 3; round++)
            for (int m = 0; m < 3; m++) {
                int R = 400000;
                for (int rep = 0; rep < 2; rep++) {
                    System.arraycopy(x0, 0, x, 0, n);
                    long t0 = System.nanoTime();
                    for (int r = 0; r < R; r++) {
                        if (m == 0) k.tanh(x, out, n);
                        else if (m == 1) k.drift(x, out, s);
                        else { k.eulerStep(x, 1e-4, g, dw, 0, s); }
                    }
                    long t1 = System.nanoTime();
                    sink += out[7] + x[5];
                    if (rep == 1) System.out.printf("round %d %-30s %.3f ns/neuron%n", round, names[m], (t1 - t0) / (double) R / n);
                }
            }
        System.out.println(sink);
    }
}
