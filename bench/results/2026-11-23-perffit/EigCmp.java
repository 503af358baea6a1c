import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
public class EigCmp { public static void main(String[] a) throws Exception {
  int n = 1000, m = 5000; java.util.SplittableRandom g = new java.util.SplittableRandom(1);
  double[] phi = new double[m*n]; for (int i = 0; i < phi.length; i++) phi[i] = Math.tanh(2*g.nextGaussian());
  double[] gram = new double[n*n]; ddmatch.fit.GramProduct.compute(phi, m, n, gram, 1);
  java.lang.reflect.Method red = ddmatch.fit.SymmetricTridiagonal.class.getDeclaredMethod("reduce", double[].class, int.class, int.class, boolean.class); red.setAccessible(true);
  for (int r = 0; r < 3; r++) {
    long t0 = System.nanoTime(); var eig = DecompositionFactory_DDRM.eig(n, true, true); boolean ok = eig.decompose(DMatrixRMaj.wrap(n, n, gram.clone())); long t1 = System.nanoTime();
    var tj = (ddmatch.fit.SymmetricTridiagonal) red.invoke(null, gram.clone(), n, 1, false); tj.eigenvalues(); long t2 = System.nanoTime();
    var tn = (ddmatch.fit.SymmetricTridiagonal) red.invoke(null, gram.clone(), n, 1, true); tn.eigenvalues(); long t3 = System.nanoTime();
    System.out.printf("n=1000: EJML eig with vectors %.3f s (ok %b); Java tridiagonal+eigenvalues (1 thread) %.3f s; native dsytrd+eigenvalues %.3f s (native %b)%n", (t1-t0)/1e9, ok, (t2-t1)/1e9, (t3-t2)/1e9, tn.byNativeLapack());
  }
}}
