import java.util.Random;
public class FftAB {
    static void twiddleMajor(double[] re, double[] im, double sign) {
        int n = re.length;
        bitrev(re, im);
        for (int len = 2; len <= n; len <<= 1) {
            int half = len >> 1;
            double ang = sign * 2.0 * Math.PI / len;
            for (int m = 0; m < half; m++) {
                double wr = Math.cos(ang * m), wi = Math.sin(ang * m);
                for (int s = m; s < n; s += len) {
                    int p = s + half;
                    double xr = re[p] * wr - im[p] * wi;
                    double xi = re[p] * wi + im[p] * wr;
                    re[p] = re[s] - xr; im[p] = im[s] - xi; re[s] += xr; im[s] += xi;
                }
            }
        }
    }
    static void blockMajor(double[] re, double[] im, double sign) {
        int n = re.length;
        bitrev(re, im);
        double[] tr = new double[Math.max(1, n / 2)], ti = new double[Math.max(1, n / 2)];
        for (int len = 2; len <= n; len <<= 1) {
            int half = len >> 1;
            double ang = sign * 2.0 * Math.PI / len;
            for (int m = 0; m < half; m++) { tr[m] = Math.cos(ang * m); ti[m] = Math.sin(ang * m); }
            for (int b = 0; b < n; b += len) {
                for (int m = 0; m < half; m++) {
                    int s = b + m, p = s + half;
                    double wr = tr[m], wi = ti[m];
                    double xr = re[p] * wr - im[p] * wi;
                    double xi = re[p] * wi + im[p] * wr;
                    re[p] = re[s] - xr; im[p] = im[s] - xi; re[s] += xr; im[s] += xi;
                }
            }
        }
    }
    static void bitrev(double[] re, double[] im) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j) { double t = re[i]; re[i] = re[j]; re[j] = t; t = im[i]; im[i] = im[j]; im[j] = t; }
        }
    }
    public static void main(String[] a) {
        for (int lg : new int[] {10, 14, 17, 20}) {
            int n = 1 << lg;
            Random r = new Random(lg);
            double[] x = new double[n], y = new double[n];
            for (int i = 0; i < n; i++) { x[i] = r.nextGaussian(); y[i] = r.nextGaussian(); }
            double[] r1 = x.clone(), i1 = y.clone(), r2 = x.clone(), i2 = y.clone();
            twiddleMajor(r1, i1, -1); blockMajor(r2, i2, -1);
            boolean same = java.util.Arrays.equals(r1, r2) && java.util.Arrays.equals(i1, i2);
            int reps = Math.max(3, (1 << 22) / n);
            long best1 = Long.MAX_VALUE, best2 = Long.MAX_VALUE;
            for (int round = 0; round < 8; round++) {
                long t0 = System.nanoTime();
                for (int k = 0; k < reps; k++) { System.arraycopy(x, 0, r1, 0, n); System.arraycopy(y, 0, i1, 0, n); twiddleMajor(r1, i1, -1); }
                long t1 = System.nanoTime();
                for (int k = 0; k < reps; k++) { System.arraycopy(x, 0, r2, 0, n); System.arraycopy(y, 0, i2, 0, n); blockMajor(r2, i2, -1); }
                long t2 = System.nanoTime();
                best1 = Math.min(best1, (t1 - t0) / reps); best2 = Math.min(best2, (t2 - t1) / reps);
            }
            System.out.printf("n = 2^%d: same bits %b; twiddle-major %.3f ms, block-major %.3f ms, ratio %.2f%n", lg, same, best1 / 1e6, best2 / 1e6, (double) best1 / best2);
        }
    }
}
