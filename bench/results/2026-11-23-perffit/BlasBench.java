import dev.ludovic.netlib.blas.*;
import java.util.SplittableRandom;
public class BlasBench {
    public static void main(String[] a) throws Exception {
        int n = Integer.parseInt(a[0]), m = Integer.parseInt(a[1]), reps = Integer.parseInt(a[2]);
        String which = a[3];
        SplittableRandom g = new SplittableRandom(1);
        double[] phi = new double[m * n];
        for (int i = 0; i < phi.length; i++) phi[i] = Math.tanh(g.nextGaussian());
        double[] c = new double[n * n];
        BLAS blas = which.startsWith("java") ? JavaBLAS.getInstance() : which.startsWith("native") ? NativeBLAS.getInstance() : BLAS.getInstance();
        System.out.println("impl " + (which.equals("ours") ? "GramProduct" : blas.getClass().getName()));
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            if (which.equals("ours")) ddmatch.fit.GramProduct.compute(phi, m, n, c, 1);
            else if (which.endsWith("gemm")) blas.dgemm("N", "T", n, n, m, 1.0, phi, n, phi, n, 0.0, c, n);
            else blas.dsyrk("U", "N", n, m, 1.0, phi, n, 0.0, c, n);
            long t1 = System.nanoTime();
            System.out.printf("n=%d m=%d %s %.3f s  %.2f GFLOP/s (M N^2 flops)%n", n, m, which, (t1 - t0) / 1e9, (double) m * n * n / ((t1 - t0)));
        }
    }
}
