import ddmatch.fit.*;
import org.ejml.data.DMatrixRMaj;
import java.util.*;
public class FitOnly {
    public static void main(String[] a) {
        int n = Integer.parseInt(a[0]), m = Integer.parseInt(a[1]), reps = Integer.parseInt(a[2]);
        ddmatch.solve.Parallelism.setThreads(Integer.parseInt(a[3]));
        SplittableRandom g = new SplittableRandom(1);
        DMatrixRMaj phi = new DMatrixRMaj(m, n);
        double[] u = new double[3 * n]; for (int i = 0; i < u.length; i++) u[i] = g.nextGaussian();
        double[] b = new double[n]; for (int i = 0; i < n; i++) b[i] = 2 * g.nextGaussian();
        DMatrixRMaj y = new DMatrixRMaj(m, 3);
        for (int r = 0; r < m; r++) { double z0 = g.nextGaussian(), z1 = g.nextGaussian(), z2 = g.nextGaussian();
            for (int j = 0; j < n; j++) phi.data[r*n+j] = Math.tanh(u[3*j]*z0+u[3*j+1]*z1+u[3*j+2]*z2 + b[j]);
            y.data[3*r] = 10*(z1-z0); y.data[3*r+1] = z0*(28-z2)-z1; y.data[3*r+2] = z0*z1 - 8.0/3*z2; }
        double[] t = new double[reps]; RidgeSolution s = null;
        for (int rep = 0; rep < reps; rep++) { long t0 = System.nanoTime(); s = RidgeRegression.fit(phi, y); t[rep] = (System.nanoTime() - t0) / 1e9; }
        double[] st = t.clone(); Arrays.sort(st);
        // relative training residual
        double num = 0, den = 0; double[] beta = s.coefficients();
        for (int r = 0; r < m; r++) for (int c = 0; c < 3; c++) { double p = 0; for (int j = 0; j < n; j++) p += phi.data[r*n+j]*beta[j*3+c]; num += Math.pow(y.data[3*r+c]-p, 2); den += y.data[3*r+c]*y.data[3*r+c]; }
        System.out.printf("%s n=%d m=%d threads=%s fit median %.3f s (all %s) lam/scale %.2e %s relres %.3e%n", a.length > 4 ? a[4] : "", n, m, a[3], st[reps/2], Arrays.toString(t).replaceAll("(\\.\\d{3})\\d+", "$1"), s.lambda()/s.lambdaScale(), s.factorization(), Math.sqrt(num/den));
    }
}
