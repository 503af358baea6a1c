import ddmatch.fit.*;
import org.ejml.data.DMatrixRMaj;
import java.util.*;
public class Prof {
  public static void main(String[] a) {
    int n = Integer.parseInt(a[0]), m = 5000;
    SplittableRandom g = new SplittableRandom(1);
    double[] phi = new double[m*n]; for (int i = 0; i < phi.length; i++) phi[i] = Math.tanh(2*g.nextGaussian());
    long t0 = System.nanoTime();
    double[] gram = new double[n*n]; GramProduct.computeFastest(phi, m, n, gram, 2);
    long t1 = System.nanoTime();
    SymmetricTridiagonal t = SymmetricTridiagonal.reduce(gram, n, 2);
    long t2 = System.nanoTime();
    double[] e = t.eigenvalues();
    long t3 = System.nanoTime();
    double[] w = new double[n*51]; for (int i = 0; i < w.length; i++) w[i] = g.nextGaussian();
    t.applyQ(w, 51);
    long t4 = System.nanoTime();
    for (int k = 0; k < 17; k++) t.solveShifted(1e-3*k+1e-6, w, 51, 3*k, 3);
    long t5 = System.nanoTime();
    System.out.printf("n=%d gram %.3f reduce %.3f (native %b) eig %.3f applyQ(51) %.3f solves %.3f%n", n, (t1-t0)/1e9, (t2-t1)/1e9, t.byNativeLapack(), (t3-t2)/1e9, (t4-t3)/1e9, (t5-t4)/1e9);
  }
}
