import dev.ludovic.netlib.lapack.*;
public class Lap { public static void main(String[] a) {
  int n = Integer.parseInt(a[0]); int m = n + 500; java.util.SplittableRandom g = new java.util.SplittableRandom(1);
  double[] phi = new double[m*n]; for (int i = 0; i < phi.length; i++) phi[i] = Math.tanh(g.nextGaussian());
  double[] gram = new double[n*n]; ddmatch.fit.GramProduct.computeFastest(phi, m, n, gram, 1);
  LAPACK lp = NativeLAPACK.getInstance();
  for (int r = 0; r < 2; r++) {
    double[] A = gram.clone(); double[] d = new double[n], e = new double[n], tau = new double[n];
    double[] work = new double[1]; org.netlib.util.intW info = new org.netlib.util.intW(0);
    lp.dsytrd("U", n, A, n, d, e, tau, work, -1, info); int lw = (int) work[0]; work = new double[lw];
    long t0 = System.nanoTime(); lp.dsytrd("U", n, A, n, d, e, tau, work, lw, info); long t1 = System.nanoTime();
    double[] B = gram.clone(); long t2 = System.nanoTime(); ddmatch.fit.SymmetricTridiagonal t = ddmatch.fit.SymmetricTridiagonal.reduce(B, n, 2); long t3 = System.nanoTime();
    System.out.printf("n=%d native dsytrd %.3f s (info %d)  java reduce(2 thr) %.3f s%n", n, (t1-t0)/1e9, info.val, (t3-t2)/1e9);
  }
}}
