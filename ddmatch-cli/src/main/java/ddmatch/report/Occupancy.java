package ddmatch.report;

import java.util.Arrays;

/**
 * Where a figure has drawn its data, as sample points (pixels), so that its legend can go where it hides the least.
 * A static figure cannot move its legend out of the way as a reader would; a fixed corner covered, for instance, the
 * last point of a curve of five. Lines are sampled along their length (every few pixels, so that a long segment
 * crossing a corner counts there too), bars down their height.
 */
final class Occupancy {
    /** Distance between the samples of a segment or bar (pixels). */
    private static final double STEP = 6;
    private double[] xy = new double[2048];
    private int n;

    void point(double x, double y) {
        if (!(Double.isFinite(x) && Double.isFinite(y))) return;
        if (2 * n + 2 > xy.length) xy = Arrays.copyOf(xy, 2 * xy.length);
        xy[2 * n] = x;
        xy[2 * n + 1] = y;
        n++;
    }

    /** A polyline through the points (NaN breaks it). */
    void line(double[] px, double[] py) {
        for (int i = 0; i < px.length; i++) {
            point(px[i], py[i]);
            if (i > 0) segment(px[i - 1], py[i - 1], px[i], py[i]);
        }
    }

    /** The inner samples of the segment (x0, y0)–(x1, y1); nothing if an end is not finite. */
    void segment(double x0, double y0, double x1, double y1) {
        double len = Math.hypot(x1 - x0, y1 - y0);
        if (!Double.isFinite(len)) return;
        int k = (int) (len / STEP);
        for (int j = 1; j <= k; j++) {
            point(x0 + (x1 - x0) * j / (k + 1), y0 + (y1 - y0) * j / (k + 1));
        }
    }

    /** The samples in the rectangle [x0, x1] × [y0, y1]. */
    int count(double x0, double y0, double x1, double y1) {
        int c = 0;
        for (int i = 0; i < n; i++) {
            double x = xy[2 * i], y = xy[2 * i + 1];
            if (x >= x0 && x <= x1 && y >= y0 && y <= y1) c++;
        }
        return c;
    }
}
