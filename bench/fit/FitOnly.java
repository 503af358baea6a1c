import ddmatch.fit.RidgeRegression;
import ddmatch.fit.RidgeSolution;
import ddmatch.solve.Parallelism;
import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The closed-form fit alone, timed in one process: {@code RidgeRegression.fit(Φ, Y)} with λ chosen by GCV, on the
 * workload of {@code numpy_reference.py --only linalg} (M samples z ~ N(0, I₃), F features
 * {@code tanh(U z + 2b)} with Gaussian U and b, targets {@code −z + 0.5·sin(z_{k+1})}; same distribution, not the
 * same numbers). Prints the median of the repetitions, λ/scale, the factorisation and the relative training
 * residual. Not a test: a benchmark harness compiled by {@code bench/run-fit.sh} against the shaded jar.
 *
 * <pre>java -cp ddmatch-cli-…-all.jar:DIR FitOnly F M REPS THREADS [LABEL]</pre>
 */
public final class FitOnly {
    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]), m = Integer.parseInt(args[1]), reps = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        String label = args.length > 4 ? args[4] : "";
        Parallelism.setThreads(threads);
        SplittableRandom g = new SplittableRandom(7);
        double[] u = new double[3 * n];
        double[] b = new double[n];
        for (int i = 0; i < u.length; i++) u[i] = g.nextGaussian();
        for (int i = 0; i < n; i++) b[i] = g.nextGaussian();
        DMatrixRMaj phi = new DMatrixRMaj(m, n);
        DMatrixRMaj y = new DMatrixRMaj(m, 3);
        double[] z = new double[3];
        for (int r = 0; r < m; r++) {
            for (int k = 0; k < 3; k++) z[k] = g.nextGaussian();
            for (int j = 0; j < n; j++) {
                phi.data[r * n + j] = Math.tanh(u[3 * j] * z[0] + u[3 * j + 1] * z[1] + u[3 * j + 2] * z[2] + 2 * b[j]);
            }
            for (int k = 0; k < 3; k++) y.data[3 * r + k] = -z[k] + 0.5 * Math.sin(z[(k + 1) % 3]);
        }
        double[] t = new double[reps];
        RidgeSolution s = null;
        for (int rep = 0; rep < reps; rep++) {
            long t0 = System.nanoTime();
            s = RidgeRegression.fit(phi, y);
            t[rep] = (System.nanoTime() - t0) / 1e9;
        }
        double[] sorted = t.clone();
        Arrays.sort(sorted);
        double num = 0, den = 0;
        double[] beta = s.coefficients();
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < 3; c++) {
                double p = 0;
                for (int j = 0; j < n; j++) p += phi.data[r * n + j] * beta[j * 3 + c];
                double e = y.data[3 * r + c] - p;
                num += e * e;
                den += y.data[3 * r + c] * y.data[3 * r + c];
            }
        }
        StringBuilder all = new StringBuilder();
        for (double v : t) all.append(all.length() == 0 ? "" : ", ").append(String.format("%.3f", v));
        System.out.printf("%s F=%d M=%d threads=%d fit median %.3f s (all %s) lam/scale %.2e %s relres %.3e%n",
                label, n, m, threads, sorted[reps / 2], all, s.lambda() / s.lambdaScale(), s.factorization(),
                Math.sqrt(num / den));
    }
}
