package ddmatch.report;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Which points of a long trace a static figure draws. A figure's trace can hold tens of thousands of points (a
 * trajectory, a cloud of samples), more than the few hundred pixels across can show: written out in full, a page of
 * a dozen figures would grow by megabytes and print slowly. Two steps, both on pixel coordinates: beyond a cap, every
 * k-th point (the figure says so, see {@link SvgPlot}); then, for lines, points closer than half a pixel to the last
 * one kept, and for markers, points on a half-pixel cell already marked, are dropped, which changes nothing visible.
 */
final class Thinning {
    /** Lines: a point is drawn if it lies at least this far (pixels) from the last point drawn. */
    static final double MIN_STEP = 0.5;

    private Thinning() {}

    /** The points kept (pixels, NaN where a line breaks) and the k of "every k-th" (1: none dropped for the cap). */
    record Points(double[] x, double[] y, int stride) {}

    /**
     * A polyline's points: every k-th if there are more than {@code max}, where a gap (a non-finite point) among those
     * skipped is kept so that the line stays broken there; then points within {@link #MIN_STEP} of the last kept one
     * dropped, except the last of each unbroken run, so that the line still ends where it ends.
     */
    static Points line(double[] px, double[] py, int max) {
        int stride = stride(px.length, max);
        double[] x = new double[px.length], y = new double[px.length];
        int n = 0;
        double lastX = Double.NaN, lastY = Double.NaN;
        for (int i = 0; i < px.length; i++) {
            boolean finite = Double.isFinite(px[i]) && Double.isFinite(py[i]);
            if (!finite) {
                if (n > 0 && Double.isFinite(x[n - 1])) {
                    x[n] = Double.NaN;
                    y[n++] = Double.NaN;
                }
                lastX = Double.NaN;
                continue;
            }
            boolean end = i + 1 == px.length || !(Double.isFinite(px[i + 1]) && Double.isFinite(py[i + 1]));
            boolean start = Double.isNaN(lastX);
            if (!(start || end || i % stride == 0)) {
                continue;
            }
            if (start || Math.hypot(px[i] - lastX, py[i] - lastY) >= MIN_STEP) {
                x[n] = px[i];
                y[n++] = py[i];
                lastX = px[i];
                lastY = py[i];
            } else if (end) {
                // The run's last point replaces the one kept within half a pixel of it.
                x[n - 1] = px[i];
                y[n - 1] = py[i];
            }
        }
        return new Points(Arrays.copyOf(x, n), Arrays.copyOf(y, n), stride);
    }

    /** Markers: every k-th finite point if there are more than {@code max}, one per half-pixel cell. */
    static Points markers(double[] px, double[] py, int max) {
        int finite = 0;
        for (int i = 0; i < px.length; i++) {
            if (Double.isFinite(px[i]) && Double.isFinite(py[i])) finite++;
        }
        int stride = stride(finite, max);
        Set<Long> cells = new HashSet<>();
        double[] x = new double[px.length], y = new double[px.length];
        int n = 0, seen = 0;
        for (int i = 0; i < px.length; i++) {
            if (!(Double.isFinite(px[i]) && Double.isFinite(py[i])) || seen++ % stride != 0) continue;
            long cell = Math.round(px[i] / MIN_STEP) * 1_000_003L + Math.round(py[i] / MIN_STEP);
            if (cells.add(cell)) {
                x[n] = px[i];
                y[n++] = py[i];
            }
        }
        return new Points(Arrays.copyOf(x, n), Arrays.copyOf(y, n), stride);
    }

    /** The smallest k such that every k-th of {@code n} points is at most {@code max} of them. */
    static int stride(int n, int max) {
        return n <= max ? 1 : (n + max - 1) / max;
    }
}
