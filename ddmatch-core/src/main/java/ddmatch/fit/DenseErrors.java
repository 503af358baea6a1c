package ddmatch.fit;

import ddmatch.rnn.DenseRateNetwork;
import org.ejml.data.DMatrixRMaj;

/** Training residuals of a dense network at its on-manifold samples. */
final class DenseErrors {
    /** At most this many samples are evaluated (each costs an N² drift evaluation). */
    static final int MAX_SAMPLES = 2000;

    private DenseErrors() {}

    /**
     * {relative readout drift error ‖P·drift − f̃‖/‖f̃‖, RMS transverse drift ‖(I − UP)·drift‖/√N} over the first
     * {@value #MAX_SAMPLES} samples {@code x_n = U z̃_n + b}.
     */
    static double[] onSamples(DenseRateNetwork net, DriftMatcher.Design des, DMatrixRMaj latentTarget, double tau) {
        int n = net.neurons();
        int d = net.latentDimension();
        int count = Math.min(des.samples(), MAX_SAMPLES);
        double[] u = net.embedding().u();
        double[] x = new double[n];
        double[] dx = new double[n];
        double[] zt = new double[d];
        double[] pz = new double[d];
        double num = 0, den = 0, trans = 0;
        for (int r = 0; r < count; r++) {
            System.arraycopy(des.latent(), r * d, zt, 0, d);
            net.embedding().embed(zt, x);
            net.drift(0.0, x, dx);
            java.util.Arrays.fill(pz, 0.0);
            for (int jj = 0; jj < n; jj++) {
                for (int k = 0; k < d; k++) pz[k] += u[jj * d + k] * dx[jj];
            }
            for (int k = 0; k < d; k++) {
                pz[k] /= n;
                double ft = (latentTarget.data[r * d + k] - zt[k]) / tau;
                num += (pz[k] - ft) * (pz[k] - ft);
                den += ft * ft;
            }
            for (int jj = 0; jj < n; jj++) {
                double t = dx[jj];
                for (int k = 0; k < d; k++) t -= u[jj * d + k] * pz[k];
                trans += t * t;
            }
        }
        return new double[] {Math.sqrt(num / Math.max(den, Double.MIN_NORMAL)), Math.sqrt(trans / ((double) count * n))};
    }
}
