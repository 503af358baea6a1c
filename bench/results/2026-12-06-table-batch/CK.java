public class CK {
    public static void main(String[] a) {
        int n = 1_000_003;
        double[] x = new double[n], out = new double[n];
        for (int i = 0; i < n; i++) x[i] = -30 + 60.0 * i / n;
        long h = 0;
        for (int rep = 0; rep < 30; rep++) ddmatch.rnn.NetworkKernels.tanh(x, out, n);
        for (int i = 0; i < n; i++) h = h * 31 + Double.doubleToRawLongBits(out[i]);
        System.out.println(ddmatch.rnn.NetworkKernels.vectorApiInUse() + " " + Long.toHexString(h));
    }
}
