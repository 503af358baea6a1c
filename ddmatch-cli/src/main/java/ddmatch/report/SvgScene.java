package ddmatch.report;

import java.util.Locale;

/**
 * Draws a chart of 3-D lines as the interactive figure first shows it: each axis scaled to its range (a cube, as
 * plotly's {@code aspectmode: 'cube'}), seen from the chart's camera with z up, in orthographic projection (plotly's
 * default is a perspective one; at its camera distances the two differ by a few percent in size, not in shape). The
 * cube's edges are drawn, and the three nearest the bottom left are labelled with their axis and its range, so that a
 * reader can tell which way the attractor is turned; the figure says under its title which view it is.
 *
 * <p>Why the camera's view and not, say, the x-z plane: the report's reader knows the interactive view, and the
 * reports choose their camera to separate an attractor's lobes (Lorenz's wings overlap when seen along them); a
 * projection on two axes could hide what the camera was chosen to show.
 */
final class SvgScene {
    private final Chart chart;
    private final SvgPlot plot;
    /** The camera's screen directions in cube coordinates: right and up. */
    private final double[] right, up;
    /** Per axis: centre and span of the data; a point's cube coordinate is (v − centre)/span ∈ [−½, ½]. */
    private final double[] centre = new double[3], span = new double[3];
    /** Screen position of the cube's centre (pixels) and pixels per cube unit. */
    private double cx, cy, scale;

    SvgScene(Chart chart, SvgPlot plot) {
        this.chart = chart;
        this.plot = plot;
        Chart.Scene s = chart.scene();
        double[] eye = {s.eyeX(), s.eyeY(), s.eyeZ()};
        double[] view = normalise(new double[] {-eye[0], -eye[1], -eye[2]});
        double[] r = cross(view, new double[] {0, 0, 1});
        // Looking straight down (or up) the z axis: y is up on the screen.
        this.right = normalise(Math.hypot(r[0], r[1]) < 1e-9 ? cross(view, new double[] {0, 1, 0}) : r);
        this.up = cross(right, view);
    }

    void draw() {
        ranges();
        // Fit the projected cube into the plot area with the same scale on both screen axes, leaving room for labels.
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY}, hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int corner = 0; corner < 8; corner++) {
            double[] p = screen(corner(corner));
            for (int k = 0; k < 2; k++) {
                lo[k] = Math.min(lo[k], p[k]);
                hi[k] = Math.max(hi[k], p[k]);
            }
        }
        // A scene has no x-axis title under it: it may use the height down to the bottom margin's last 16 pixels.
        double height = plot.height() - SvgPlot.TOP - 16;
        scale = 0.86 * Math.min(plot.plotWidth() / (hi[0] - lo[0]), height / (hi[1] - lo[1]));
        cx = SvgPlot.LEFT + plot.plotWidth() / 2 - scale * (lo[0] + hi[0]) / 2;
        cy = SvgPlot.TOP + height / 2 + scale * (lo[1] + hi[1]) / 2;
        Chart.Scene s = chart.scene();
        plot.note(String.format(Locale.ROOT, "the 3-D curves projected as seen from the camera at (%s, %s, %s), axes scaled to a cube",
                num(s.eyeX()), num(s.eyeY()), num(s.eyeZ())));
        frame();
        for (Chart.Trace t : chart.traces()) {
            double[] x = t.x(), y = t.y(), z = t.z();
            double[] px = new double[x.length], py = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double[] p = pixel(new double[] {cube(0, x[i]), cube(1, y[i]), cube(2, z[i])});
                px[i] = p[0];
                py[i] = p[1];
            }
            plot.line(t, px, py);
        }
        plot.legend(chart.traces());
    }

    /** Centre and span of each axis over the finite points of all traces. */
    private void ranges() {
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Chart.Trace t : chart.traces()) {
            double[][] v = {t.x(), t.y(), t.z()};
            for (int i = 0; i < v[0].length; i++) {
                if (!(Double.isFinite(v[0][i]) && Double.isFinite(v[1][i]) && Double.isFinite(v[2][i]))) continue;
                for (int a = 0; a < 3; a++) {
                    lo[a] = Math.min(lo[a], v[a][i]);
                    hi[a] = Math.max(hi[a], v[a][i]);
                }
            }
        }
        for (int a = 0; a < 3; a++) {
            centre[a] = lo[a] <= hi[a] ? (lo[a] + hi[a]) / 2 : 0;
            span[a] = hi[a] > lo[a] ? hi[a] - lo[a] : 1;
        }
    }

    /** The cube's twelve edges in light grey; of each axis's four edges the one nearest the bottom left labelled. */
    private void frame() {
        StringBuilder sb = plot.body();
        Chart.Scene s = chart.scene();
        String[] names = {s.xLabel(), s.yLabel(), s.zLabel()};
        for (int a = 0; a < 3; a++) {
            double best = Double.NEGATIVE_INFINITY;
            double[] labelled = null;
            for (int e = 0; e < 4; e++) {
                double[] p0 = new double[3], p1 = new double[3];
                p0[a] = -0.5;
                p1[a] = 0.5;
                p0[(a + 1) % 3] = p1[(a + 1) % 3] = (e & 1) == 0 ? -0.5 : 0.5;
                p0[(a + 2) % 3] = p1[(a + 2) % 3] = (e & 2) == 0 ? -0.5 : 0.5;
                double[] q0 = pixel(p0), q1 = pixel(p1);
                sb.append("<line x1=\"").append(SvgPlot.f(q0[0])).append("\" y1=\"").append(SvgPlot.f(q0[1])).append("\" x2=\"")
                        .append(SvgPlot.f(q1[0])).append("\" y2=\"").append(SvgPlot.f(q1[1])).append("\" stroke=\"#ccc\"/>\n");
                // The vertical axis is labelled on the left, the other two at the bottom (pixel y grows downwards).
                double score = a == 2 ? -(q0[0] + q1[0]) : q0[1] + q1[1];
                if (score > best + 1e-6) {
                    best = score;
                    labelled = new double[] {q0[0], q0[1], q1[0], q1[1]};
                }
            }
            axisLabel(sb, labelled, names[a].isEmpty() ? "xyz".substring(a, a + 1) : names[a], a);
        }
    }

    /** The axis's name and range beside the middle of its edge (pixels {x0, y0, x1, y1}), pushed away from the cube. */
    private void axisLabel(StringBuilder sb, double[] edge, String name, int axis) {
        sb.append("<line x1=\"").append(SvgPlot.f(edge[0])).append("\" y1=\"").append(SvgPlot.f(edge[1])).append("\" x2=\"")
                .append(SvgPlot.f(edge[2])).append("\" y2=\"").append(SvgPlot.f(edge[3])).append("\" stroke=\"#888\"/>\n");
        double mx = (edge[0] + edge[2]) / 2, my = (edge[1] + edge[3]) / 2;
        double dx = mx - cx, dy = my - cy, len = Math.hypot(dx, dy);
        if (len < 1e-9) {
            dx = 0;
            dy = 1;
            len = 1;
        }
        double tx = mx + 18 * dx / len, ty = my + 18 * dy / len + 4;
        String anchor = dx / len < -0.3 ? "end" : dx / len > 0.3 ? "start" : "middle";
        String text = String.format(Locale.ROOT, "%s: %s to %s", name, num(centre[axis] - span[axis] / 2), num(centre[axis] + span[axis] / 2));
        sb.append("<text x=\"").append(SvgPlot.f(tx)).append("\" y=\"").append(SvgPlot.f(ty)).append("\" text-anchor=\"").append(anchor)
                .append("\" fill=\"#444\">").append(HtmlReport.escape(text)).append("</text>\n");
    }

    private double cube(int axis, double v) {
        return (v - centre[axis]) / span[axis];
    }

    /** Corner k of the cube: bit a of k says whether coordinate a is +½ or −½. */
    private static double[] corner(int k) {
        return new double[] {(k & 1) == 0 ? -0.5 : 0.5, (k & 2) == 0 ? -0.5 : 0.5, (k & 4) == 0 ? -0.5 : 0.5};
    }

    /** Screen coordinates (cube units, y up) of a point in cube coordinates. */
    private double[] screen(double[] p) {
        return new double[] {dot(p, right), dot(p, up)};
    }

    /** Pixel coordinates of a point in cube coordinates (NaN stays NaN, breaking the line there). */
    private double[] pixel(double[] p) {
        double[] s = screen(p);
        return new double[] {cx + scale * s[0], cy - scale * s[1]};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double[] normalise(double[] a) {
        double n = Math.sqrt(dot(a, a));
        return new double[] {a[0] / n, a[1] / n, a[2] / n};
    }

    /** A number to three significant digits, minus signs as such ("−17.3"). */
    private static String num(double v) {
        String s = new java.math.BigDecimal(String.format(Locale.ROOT, "%.3g", v)).stripTrailingZeros().toPlainString();
        return s.startsWith("-") ? "−" + s.substring(1) : s;
    }
}
