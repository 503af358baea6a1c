package ddmatch.report;

import ddmatch.scenario.Plot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A static SVG rendering of a {@link Plot}: axes with "nice" ticks (steps 1, 2 or 5 × 10^k; on a log axis decades,
 * with 2 and 5 × 10^k or every digit between them when the range spans less than two, labelled as powers of ten),
 * polylines, markers, error bars, segments (arrows of vector fields, with a small head), density histograms, dashed
 * guide lines and shaded bands, and a legend; or a heatmap with its values written in the cells and a colour bar.
 * Plain SVG 1.1 text, no scripts and no external resources, so the figures can go into papers and READMEs.
 */
public final class SvgPlot {
    static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"};
    private static final int WIDTH = 680, HEIGHT = 420, LEFT = 72, RIGHT = 20, TOP = 44, BOTTOM = 52;

    private SvgPlot() {}

    /** The SVG document of {@code plot}. */
    public static String render(Plot plot) {
        if (!plot.series().isEmpty() && plot.series().get(0).style() == Plot.Style.HEATMAP) {
            return heatmap(plot, plot.series().get(0));
        }
        // Per series: {x, y, y − error, y + error} after histogram binning and log transforms.
        List<double[][]> data = new ArrayList<>();
        for (Plot.Series s : plot.series()) {
            double[][] xy = s.style() == Plot.Style.HISTOGRAM ? histogram(s.x(), 40) : new double[][] {s.x(), s.y()};
            double[] e = s.yError();
            double[] lo = new double[xy[1].length], hi = new double[xy[1].length];
            for (int i = 0; i < lo.length; i++) {
                boolean bar = e.length > 0 && Double.isFinite(e[i]);
                lo[i] = bar ? xy[1][i] - e[i] : Double.NaN;
                hi[i] = bar ? xy[1][i] + e[i] : Double.NaN;
            }
            data.add(new double[][] {plot.logX() ? log10(xy[0]) : xy[0], plot.logY() ? log10(xy[1]) : xy[1],
                plot.logY() ? log10(lo) : lo, plot.logY() ? log10(hi) : hi});
        }
        double[] xr = range(data, 0), yr = range(data, 1);
        for (double[][] d : data) {
            for (int k = 2; k < 4; k++) {
                for (double v : d[k]) {
                    if (Double.isFinite(v)) {
                        yr[0] = Math.min(yr[0], v);
                        yr[1] = Math.max(yr[1], v);
                    }
                }
            }
        }
        boolean hasHist = plot.series().stream().anyMatch(s -> s.style() == Plot.Style.HISTOGRAM);
        if (hasHist && !plot.logY()) yr[0] = Math.min(yr[0], 0);
        pad(xr);
        pad(yr);
        double pw = WIDTH - LEFT - RIGHT, ph = HEIGHT - TOP - BOTTOM;
        StringBuilder sb = new StringBuilder(8192);
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n");
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        sb.append("<text x=\"").append(WIDTH / 2).append("\" y=\"20\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\">")
                .append(HtmlReport.escape(plot.title())).append("</text>\n");
        sb.append("<clipPath id=\"plotarea\"><rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(f(pw))
                .append("\" height=\"").append(f(ph)).append("\"/></clipPath>\n");
        // Ticks and grid; on a log x axis with a few data points (e.g. sizes N), ticks at the points.
        double[] pointTicks = plot.logX() ? ScenarioReport.pointTicks(plot) : null;
        List<Double> xTicks = pointTicks != null ? java.util.Arrays.stream(log10(pointTicks)).boxed().toList() : ticks(xr[0], xr[1], plot.logX());
        for (double t : xTicks) {
            double px = LEFT + (t - xr[0]) / (xr[1] - xr[0]) * pw;
            sb.append("<line x1=\"").append(f(px)).append("\" y1=\"").append(TOP).append("\" x2=\"").append(f(px)).append("\" y2=\"")
                    .append(f(TOP + ph)).append("\" stroke=\"#eee\"/>\n");
            sb.append("<text x=\"").append(f(px)).append("\" y=\"").append(f(TOP + ph + 16)).append("\" text-anchor=\"middle\">")
                    .append(pointTicks != null ? label(Math.pow(10, t), false) : label(t, plot.logX())).append("</text>\n");
        }
        for (double t : ticks(yr[0], yr[1], plot.logY())) {
            double py = TOP + ph - (t - yr[0]) / (yr[1] - yr[0]) * ph;
            sb.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(f(py)).append("\" x2=\"").append(f(LEFT + pw)).append("\" y2=\"")
                    .append(f(py)).append("\" stroke=\"#eee\"/>\n");
            sb.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(f(py + 4)).append("\" text-anchor=\"end\">")
                    .append(label(t, plot.logY())).append("</text>\n");
        }
        sb.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(f(pw)).append("\" height=\"")
                .append(f(ph)).append("\" fill=\"none\" stroke=\"#444\"/>\n");
        sb.append("<text x=\"").append(f(LEFT + pw / 2)).append("\" y=\"").append(HEIGHT - 12).append("\" text-anchor=\"middle\">")
                .append(HtmlReport.escape(plot.xLabel())).append("</text>\n");
        sb.append("<text transform=\"translate(16,").append(f(TOP + ph / 2)).append(") rotate(-90)\" text-anchor=\"middle\">")
                .append(HtmlReport.escape(plot.yLabel() + (plot.logY() ? " (log scale)" : ""))).append("</text>\n");
        // Series.
        sb.append("<g clip-path=\"url(#plotarea)\">\n");
        for (int s = 0; s < data.size(); s++) {
            Plot.Series series = plot.series().get(s);
            String colour = COLOURS[s % COLOURS.length];
            double[] x = data.get(s)[0], y = data.get(s)[1];
            double[] px = new double[x.length], py = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                px[i] = LEFT + (x[i] - xr[0]) / (xr[1] - xr[0]) * pw;
                py[i] = TOP + ph - (y[i] - yr[0]) / (yr[1] - yr[0]) * ph;
            }
            // Error bars: a vertical line from y − error to y + error with short caps.
            double[] eLo = data.get(s)[2], eHi = data.get(s)[3];
            for (int i = 0; i < x.length; i++) {
                if (!(Double.isFinite(px[i]) && Double.isFinite(eLo[i]) && Double.isFinite(eHi[i]))) continue;
                double y0 = TOP + ph - (eLo[i] - yr[0]) / (yr[1] - yr[0]) * ph, y1 = TOP + ph - (eHi[i] - yr[0]) / (yr[1] - yr[0]) * ph;
                sb.append("<path d=\"M").append(f(px[i])).append(',').append(f(y0)).append(" V").append(f(y1))
                        .append(" M").append(f(px[i] - 4)).append(',').append(f(y0)).append(" h8 M").append(f(px[i] - 4)).append(',')
                        .append(f(y1)).append(" h8\" stroke=\"").append(colour).append("\" stroke-width=\"1.3\" fill=\"none\"/>\n");
            }
            switch (series.style()) {
                case GUIDE -> polyline(sb, px, py, colour, " stroke-dasharray=\"6,4\"");
                case BAND -> {
                    StringBuilder pts = new StringBuilder();
                    for (int i = 0; i < px.length; i++) {
                        if (Double.isFinite(px[i]) && Double.isFinite(py[i])) pts.append(f(px[i])).append(',').append(f(py[i])).append(' ');
                    }
                    sb.append("<polygon points=\"").append(pts.toString().trim()).append("\" fill=\"").append(colour)
                            .append("\" fill-opacity=\"0.15\" stroke=\"").append(colour).append("\" stroke-width=\"1\" stroke-dasharray=\"6,4\"/>\n");
                }
                case LINE, LINE_MARKERS -> {
                    polyline(sb, px, py, colour, "");
                    if (series.style() == Plot.Style.LINE_MARKERS) markers(sb, px, py, colour, 3.5);
                }
                case MARKERS -> markers(sb, px, py, colour, 3.0);
                case SEGMENTS -> {
                    for (int i = 0; i + 1 < px.length; i += 2) {
                        if (!(Double.isFinite(px[i]) && Double.isFinite(py[i]) && Double.isFinite(px[i + 1]) && Double.isFinite(py[i + 1]))) continue;
                        sb.append("<line x1=\"").append(f(px[i])).append("\" y1=\"").append(f(py[i])).append("\" x2=\"").append(f(px[i + 1]))
                                .append("\" y2=\"").append(f(py[i + 1])).append("\" stroke=\"").append(colour).append("\" stroke-width=\"")
                                .append(s == 0 ? "3\" stroke-opacity=\"0.45" : "1.3").append("\"/>");
                        double dx = px[i + 1] - px[i], dy = py[i + 1] - py[i], len = Math.hypot(dx, dy);
                        if (len > 2) {
                            double h = Math.min(6, 0.35 * len), ux = dx / len, uy = dy / len;
                            sb.append("<path d=\"M").append(f(px[i + 1])).append(',').append(f(py[i + 1])).append(" L")
                                    .append(f(px[i + 1] - h * ux - 0.5 * h * uy)).append(',').append(f(py[i + 1] - h * uy + 0.5 * h * ux)).append(" L")
                                    .append(f(px[i + 1] - h * ux + 0.5 * h * uy)).append(',').append(f(py[i + 1] - h * uy - 0.5 * h * ux))
                                    .append(" Z\" fill=\"").append(colour).append("\"/>");
                        }
                        sb.append('\n');
                    }
                }
                case HISTOGRAM -> {
                    double base = TOP + ph - (Math.max(yr[0], plot.logY() ? yr[0] : 0) - yr[0]) / (yr[1] - yr[0]) * ph;
                    double w = px.length > 1 ? (px[1] - px[0]) : 4;
                    for (int i = 0; i < px.length; i++) {
                        if (!Double.isFinite(py[i])) continue;
                        sb.append("<rect x=\"").append(f(px[i] - w / 2)).append("\" y=\"").append(f(Math.min(py[i], base))).append("\" width=\"")
                                .append(f(w)).append("\" height=\"").append(f(Math.abs(base - py[i]))).append("\" fill=\"").append(colour)
                                .append("\" fill-opacity=\"0.45\" stroke=\"").append(colour).append("\" stroke-width=\"0.5\"/>\n");
                    }
                }
            }
        }
        sb.append("</g>\n");
        // Legend, top right inside the axes.
        int ly = TOP + 14;
        for (int s = 0; s < plot.series().size(); s++) {
            String colour = COLOURS[s % COLOURS.length];
            String name = HtmlReport.escape(plot.series().get(s).name());
            double lx = LEFT + pw - 8 - 7.0 * plot.series().get(s).name().length() - 24;
            sb.append("<rect x=\"").append(f(lx - 4)).append("\" y=\"").append(ly - 11).append("\" width=\"")
                    .append(f(7.0 * plot.series().get(s).name().length() + 34)).append("\" height=\"16\" fill=\"white\" fill-opacity=\"0.8\"/>");
            Plot.Style style = plot.series().get(s).style();
            if (style == Plot.Style.BAND) {
                sb.append("<rect x=\"").append(f(lx)).append("\" y=\"").append(ly - 9).append("\" width=\"18\" height=\"10\" fill=\"")
                        .append(colour).append("\" fill-opacity=\"0.15\" stroke=\"").append(colour).append("\" stroke-dasharray=\"3,2\"/>");
            } else {
                sb.append("<line x1=\"").append(f(lx)).append("\" y1=\"").append(ly - 4).append("\" x2=\"").append(f(lx + 18)).append("\" y2=\"")
                        .append(ly - 4).append("\" stroke=\"").append(colour).append("\" stroke-width=\"")
                        .append(style == Plot.Style.GUIDE ? "2\" stroke-dasharray=\"5,3" : "3").append("\"/>");
            }
            sb.append("<text x=\"").append(f(lx + 24)).append("\" y=\"").append(ly).append("\">").append(name).append("</text>\n");
            ly += 17;
        }
        return sb.append("</svg>\n").toString();
    }

    /**
     * A heatmap: evenly spaced cells labelled by the column and row values, coloured on a 5-stop Viridis ramp
     * (interpolated in RGB) over [min(0, min z), max(1, max z)], each with its value written in it, and a colour bar.
     */
    private static String heatmap(Plot plot, Plot.Series s) {
        double[] xs = s.x(), ys = s.y(), z = s.z();
        int nx = xs.length, ny = ys.length;
        double lo = 0, hi = 1;
        for (double v : z) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        double pw = WIDTH - LEFT - RIGHT - 70, ph = HEIGHT - TOP - BOTTOM;
        double cw = pw / nx, ch = ph / ny;
        StringBuilder sb = new StringBuilder(8192);
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n");
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        sb.append("<text x=\"").append(WIDTH / 2).append("\" y=\"20\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\">")
                .append(HtmlReport.escape(plot.title())).append("</text>\n");
        for (int i = 0; i < ny; i++) {
            // Row 0 at the bottom, as on a numeric y axis.
            double py = TOP + ph - (i + 1) * ch;
            for (int j = 0; j < nx; j++) {
                double v = z[i * nx + j];
                double px = LEFT + j * cw;
                double u = Double.isFinite(v) ? (v - lo) / (hi - lo) : Double.NaN;
                sb.append("<rect x=\"").append(f(px)).append("\" y=\"").append(f(py)).append("\" width=\"").append(f(cw)).append("\" height=\"")
                        .append(f(ch)).append("\" fill=\"").append(Double.isFinite(u) ? viridis(u) : "#dddddd").append("\" stroke=\"white\"/>");
                if (Double.isFinite(v)) {
                    sb.append("<text x=\"").append(f(px + cw / 2)).append("\" y=\"").append(f(py + ch / 2 + 4)).append("\" text-anchor=\"middle\" fill=\"")
                            .append(textOn(viridis(u))).append("\">").append(String.format(Locale.ROOT, "%.2f", v)).append("</text>");
                }
                sb.append('\n');
            }
            sb.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(f(py + ch / 2 + 4)).append("\" text-anchor=\"end\">")
                    .append(label(ys[i], false)).append("</text>\n");
        }
        for (int j = 0; j < nx; j++) {
            sb.append("<text x=\"").append(f(LEFT + (j + 0.5) * cw)).append("\" y=\"").append(f(TOP + ph + 16)).append("\" text-anchor=\"middle\">")
                    .append(label(xs[j], false)).append("</text>\n");
        }
        sb.append("<text x=\"").append(f(LEFT + pw / 2)).append("\" y=\"").append(HEIGHT - 12).append("\" text-anchor=\"middle\">")
                .append(HtmlReport.escape(plot.xLabel())).append("</text>\n");
        sb.append("<text transform=\"translate(16,").append(f(TOP + ph / 2)).append(") rotate(-90)\" text-anchor=\"middle\">")
                .append(HtmlReport.escape(plot.yLabel())).append("</text>\n");
        // Colour bar.
        double bx = LEFT + pw + 24;
        for (int k = 0; k < 50; k++) {
            double u = (k + 0.5) / 50;
            sb.append("<rect x=\"").append(f(bx)).append("\" y=\"").append(f(TOP + ph - (k + 1) * ph / 50)).append("\" width=\"16\" height=\"")
                    .append(f(ph / 50 + 0.5)).append("\" fill=\"").append(viridis(u)).append("\"/>");
        }
        sb.append('\n');
        sb.append("<text x=\"").append(f(bx + 20)).append("\" y=\"").append(f(TOP + ph)).append("\">").append(label(lo, false)).append("</text>\n");
        sb.append("<text x=\"").append(f(bx + 20)).append("\" y=\"").append(f(TOP + 10)).append("\">").append(label(hi, false)).append("</text>\n");
        return sb.append("</svg>\n").toString();
    }

    /** Colour at u ∈ [0, 1] on the Viridis map (five of its stops, linear in RGB between them). */
    static String viridis(double u) {
        int[][] stops = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};
        double t = Math.max(0, Math.min(1, u)) * (stops.length - 1);
        int k = Math.min(stops.length - 2, (int) t);
        double w = t - k;
        int[] c = new int[3];
        for (int i = 0; i < 3; i++) c[i] = (int) Math.round(stops[k][i] + w * (stops[k + 1][i] - stops[k][i]));
        return String.format(Locale.ROOT, "#%02x%02x%02x", c[0], c[1], c[2]);
    }

    /**
     * Black or white, whichever contrasts more with the background {@code colour} ("#rrggbb"), by the WCAG contrast
     * ratio of their relative luminances: dark text on yellow and light green, white on purple and blue.
     */
    static String textOn(String colour) {
        double l = luminance(colour);
        return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? "#000" : "#fff";
    }

    /** The WCAG relative luminance of "#rrggbb" (0 black, 1 white). */
    static double luminance(String colour) {
        double l = 0;
        double[] weight = {0.2126, 0.7152, 0.0722};
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(colour.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            l += weight[i] * (c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
        }
        return l;
    }

    private static double[] log10(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) r[i] = v[i] > 0 ? Math.log10(v[i]) : Double.NaN;
        return r;
    }

    private static void polyline(StringBuilder sb, double[] px, double[] py, String colour, String extra) {
        StringBuilder pts = new StringBuilder();
        for (int i = 0; i <= px.length; i++) {
            boolean ok = i < px.length && Double.isFinite(px[i]) && Double.isFinite(py[i]);
            if (ok) {
                pts.append(f(px[i])).append(',').append(f(py[i])).append(' ');
            } else if (pts.length() > 0) {
                sb.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1.4\"").append(extra).append(" points=\"")
                        .append(pts.toString().trim()).append("\"/>\n");
                pts.setLength(0);
            }
        }
    }

    private static void markers(StringBuilder sb, double[] px, double[] py, String colour, double r) {
        for (int i = 0; i < px.length; i++) {
            if (Double.isFinite(px[i]) && Double.isFinite(py[i])) {
                sb.append("<circle cx=\"").append(f(px[i])).append("\" cy=\"").append(f(py[i])).append("\" r=\"").append(r)
                        .append("\" fill=\"").append(colour).append("\"/>");
            }
        }
        sb.append('\n');
    }

    /** Bin centres and probability densities of {@code v} over its finite range. */
    static double[][] histogram(double[] v, int bins) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (double a : v) {
            if (Double.isFinite(a)) {
                lo = Math.min(lo, a);
                hi = Math.max(hi, a);
                n++;
            }
        }
        if (n == 0) return new double[][] {new double[0], new double[0]};
        if (hi == lo) hi = lo + 1;
        double w = (hi - lo) / bins;
        double[] c = new double[bins], dens = new double[bins];
        for (double a : v) {
            if (Double.isFinite(a)) dens[Math.min(bins - 1, (int) ((a - lo) / w))] += 1.0 / (n * w);
        }
        for (int i = 0; i < bins; i++) c[i] = lo + (i + 0.5) * w;
        return new double[][] {c, dens};
    }

    private static double[] range(List<double[][]> data, int axis) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[][] xy : data) {
            for (int i = 0; i < xy[axis].length; i++) {
                double a = xy[axis][i], b = xy[1 - axis][i];
                if (Double.isFinite(a) && Double.isFinite(b)) {
                    lo = Math.min(lo, a);
                    hi = Math.max(hi, a);
                }
            }
        }
        if (!(lo <= hi)) return new double[] {0, 1};
        return new double[] {lo, hi};
    }

    private static void pad(double[] r) {
        double span = r[1] - r[0];
        if (span <= 0) span = Math.max(1e-12, Math.abs(r[0]) * 0.1 + 1e-12);
        r[0] -= 0.05 * span;
        r[1] += 0.05 * span;
    }

    /**
     * Tick positions: 1, 2, 5 × 10^k steps; on a log axis (lo, hi and the ticks in log10 units) the decades, with 2 and
     * 5 × 10^k added when fewer than two decades fall in the range, and every digit when that still gives fewer than two.
     */
    static List<Double> ticks(double lo, double hi, boolean log) {
        if (log && hi - lo < 2) {
            for (int[] digits : new int[][] {{1}, {1, 2, 5}, {1, 2, 3, 4, 5, 6, 7, 8, 9}}) {
                List<Double> t = new ArrayList<>();
                for (double k = Math.floor(lo); k <= Math.ceil(hi); k++) {
                    for (int m : digits) {
                        double v = k + Math.log10(m);
                        if (v >= lo - 1e-9 && v <= hi + 1e-9) t.add(v);
                    }
                }
                if (t.size() >= 2 || digits.length == 9) return t;
            }
        }
        List<Double> t = new ArrayList<>();
        double span = hi - lo;
        double raw = span / 6;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag < 1.5 ? mag : raw / mag < 3.5 ? 2 * mag : raw / mag < 7.5 ? 5 * mag : 10 * mag;
        if (log) step = Math.max(1, Math.round(step));
        for (double v = Math.ceil(lo / step) * step; v <= hi + 1e-9 * step; v += step) {
            t.add(Math.abs(v) < 1e-12 * step ? 0.0 : v);
        }
        return t;
    }

    /** A tick label; on a log axis (t in log10 units) a power of ten: "10⁻⁴", "5×10⁻⁵", and 1, 10 and 2 … 90 as such. */
    static String label(double t, boolean log) {
        if (log) {
            long k = (long) Math.floor(t + 1e-9);
            long m = Math.round(Math.pow(10, t - k));
            if (m == 10) {
                m = 1;
                k++;
            }
            if (k == 0 || k == 1) {
                return String.valueOf(m * (k == 1 ? 10 : 1));
            }
            return (m == 1 ? "" : m + "×") + "10" + superscript(k);
        }
        double a = Math.abs(t);
        if (a != 0 && (a < 1e-3 || a >= 1e5)) {
            return String.format(Locale.ROOT, "%.1e", t);
        }
        // 6 significant digits, then trailing zeros dropped: 0.2, not 0.200000.
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.6g", t)).stripTrailingZeros().toPlainString();
    }

    private static String superscript(long k) {
        StringBuilder sb = new StringBuilder();
        for (char c : Long.toString(k).toCharArray()) {
            sb.append(c == '-' ? '⁻' : "⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(c - '0'));
        }
        return sb.toString();
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
