package ddmatch.report;

import ddmatch.scenario.Plot;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * A static SVG rendering of a {@link Chart} (or of a {@link Plot}, through the figure it becomes): axes with "nice"
 * ticks (steps 1, 2 or 5 × 10^k; on a log axis decades, with 2 and 5 × 10^k or every digit between them when the range
 * spans less than two, labelled as powers of ten), polylines, markers, error bars, arrows (vector fields, with a small
 * head), density histograms (filled or outlined), grouped bars over categories, dashed guide lines and shaded bands,
 * and a legend; a heatmap with its values written in the cells and a colour bar; or 3-D lines projected as the chart's
 * camera sees them (see {@link SvgScene}). Plain SVG 1.1 text, no scripts and no external resources, so the figures
 * can go into papers and READMEs, and into an HTML page for readers without JavaScript or WebGL and for print.
 *
 * <p>Long traces are thinned for drawing (see {@link Thinning}): a trace of more points than a figure can show would make
 * a page of several figures megabytes large and slow to print, without looking different. Where points are dropped
 * beyond those that fall on the same pixel, the chart says so under its title.
 */
public final class SvgPlot {
    /** The size of a stand-alone figure file (pixels); an HTML page draws its figures wider, see {@link #render(Chart, int, int)}. */
    static final int WIDTH = 680, HEIGHT = 420;
    static final int LEFT = 72, RIGHT = 20, TOP = 44, BOTTOM = 52;
    /** The most points of one line, and of one set of markers, drawn; longer traces keep every k-th point. */
    static final int MAX_LINE_POINTS = 8000, MAX_MARKERS = 3000;

    private final Chart chart;
    private final int width;
    /** The document's height: the size asked for, plus the rows of a legend drawn under the plot. */
    private int height;
    private final double pw, ph;
    /** The axis ranges drawn, in axis units (log10 of the data on a log axis). */
    private double[] xr, yr;
    private final StringBuilder body = new StringBuilder(8192);
    private final List<String> notes = new ArrayList<>();
    /** Where data was drawn, for the legend's place. */
    private final Occupancy occupied = new Occupancy();

    private SvgPlot(Chart chart, int width, int height) {
        this.chart = chart;
        this.width = width;
        this.height = height;
        this.pw = width - LEFT - RIGHT;
        this.ph = height - TOP - BOTTOM;
    }

    /** The SVG document of {@code plot}: the static twin of the interactive figure {@link ScenarioReport#figure} makes of it. */
    public static String render(Plot plot) {
        return render(ScenarioReport.figure(plot).chart());
    }

    /** The SVG document of {@code chart}, {@value #WIDTH} × {@value #HEIGHT} pixels. */
    public static String render(Chart chart) {
        return render(chart, WIDTH, HEIGHT);
    }

    /**
     * The SVG document of {@code chart} at {@code width} × {@code height} pixels (its viewBox; it scales, but text is
     * drawn at 12 px of that box, so a figure meant to be shown wide is best rendered wide).
     */
    public static String render(Chart chart, int width, int height) {
        return draw(chart, width, height).document("xmlns=\"http://www.w3.org/2000/svg\"");
    }

    /** {@link #render(Chart, int, int)} as an element inside an HTML page: class {@code static}, no namespace. */
    static String renderInline(Chart chart, int width, int height) {
        return draw(chart, width, height).document("class=\"static\"");
    }

    private static SvgPlot draw(Chart chart, int width, int height) {
        if (width < LEFT + RIGHT + 100 || height < TOP + BOTTOM + 100) {
            throw new IllegalArgumentException("chart '" + chart.id() + "': " + width + " × " + height + " pixels leave no room for the plot");
        }
        SvgPlot p = new SvgPlot(chart, width, height);
        if (chart.scene() != null) {
            new SvgScene(chart, p).draw();
        } else if (!chart.traces().isEmpty() && chart.traces().get(0).kind() == Chart.Kind.HEATMAP) {
            p.heatmap(chart.traces().get(0));
        } else {
            p.cartesian();
        }
        return p;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    double plotWidth() {
        return pw;
    }

    double plotHeight() {
        return ph;
    }

    StringBuilder body() {
        return body;
    }

    void note(String note) {
        notes.add(note);
    }

    /** The whole document: header (with {@code attribute} first: the namespace, or a class), title, notes, drawing. */
    private String document(String attribute) {
        String note = notes.isEmpty() ? "" : "static view: " + String.join("; ", notes);
        StringBuilder sb = new StringBuilder(body.length() + 1024);
        sb.append("<svg ").append(attribute).append(" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\" role=\"img\">\n");
        sb.append("<title>").append(HtmlReport.escape(chart.title() + (note.isEmpty() ? "" : " (" + note + ")"))).append("</title>\n");
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        sb.append("<text x=\"").append(width / 2).append("\" y=\"20\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\">")
                .append(HtmlReport.escape(chart.title())).append("</text>\n");
        if (!note.isEmpty()) {
            sb.append("<text x=\"").append(width / 2).append("\" y=\"36\" text-anchor=\"middle\" font-size=\"11\" fill=\"#555\">")
                    .append(HtmlReport.escape(note)).append("</text>\n");
        }
        return sb.append(body).append("</svg>\n").toString();
    }

    /** Axes, ticks and traces on x-y axes. */
    private void cartesian() {
        List<Chart.Trace> traces = chart.traces();
        boolean logX = chart.x().log(), logY = chart.y().log();
        List<String> categories = categories(traces);
        long barTraces = traces.stream().filter(t -> t.kind() == Chart.Kind.BARS).count();
        double barWidth = 0.8 / Math.max(1, barTraces);
        // Per trace: {x, y, y − error, y + error} in axis units, after histogram binning and bar placement.
        List<double[][]> data = new ArrayList<>();
        int bar = 0;
        for (Chart.Trace t : traces) {
            double[][] xy = switch (t.kind()) {
                case HISTOGRAM -> histogram(t.x(), t.bins());
                case BARS -> {
                    // Grouped: bar trace k of K sits at its category's position + (k + ½)·0.8/K − 0.4.
                    double[] x = new double[t.y().length];
                    for (int i = 0; i < x.length; i++) {
                        x[i] = categories.indexOf(t.categories().get(i)) - 0.4 + (bar + 0.5) * barWidth;
                    }
                    bar++;
                    yield new double[][] {x, t.y()};
                }
                default -> new double[][] {t.x(), t.y()};
            };
            double[] e = t.yError();
            double[] lo = new double[xy[1].length], hi = new double[xy[1].length];
            for (int i = 0; i < lo.length; i++) {
                boolean has = e.length > 0 && Double.isFinite(e[i]);
                lo[i] = has ? xy[1][i] - e[i] : Double.NaN;
                hi[i] = has ? xy[1][i] + e[i] : Double.NaN;
            }
            boolean lx = logX && categories.isEmpty();
            data.add(new double[][] {lx ? log10(xy[0]) : xy[0], logY ? log10(xy[1]) : xy[1], logY ? log10(lo) : lo, logY ? log10(hi) : hi});
        }
        xr = range(data, 0);
        yr = range(data, 1);
        // A histogram's range is its bins' edges, not their centres: the outer bars are drawn whole.
        for (int s = 0; s < data.size(); s++) {
            double[] c = data.get(s)[0];
            if (traces.get(s).kind() == Chart.Kind.HISTOGRAM && c.length > 1 && !logX) {
                double half = (c[1] - c[0]) / 2;
                xr[0] = Math.min(xr[0], c[0] - half);
                xr[1] = Math.max(xr[1], c[c.length - 1] + half);
            }
        }
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
        boolean fromZero = traces.stream().anyMatch(t -> t.kind() == Chart.Kind.HISTOGRAM || t.kind() == Chart.Kind.BARS);
        if (fromZero && !logY) {
            yr[0] = Math.min(yr[0], 0);
            yr[1] = Math.max(yr[1], 0);
        }
        if (categories.isEmpty()) {
            pad(xr);
        } else {
            xr = new double[] {-0.5, categories.size() - 0.5};
        }
        pad(yr);
        if (chart.equalAspect() && !logX && !logY && categories.isEmpty()) {
            equalise();
        }
        axes(categories);
        body.append("<g clip-path=\"url(#").append(chart.id()).append("-area)\">\n");
        for (int s = 0; s < data.size(); s++) {
            trace(traces.get(s), data.get(s), barWidth * pw / (xr[1] - xr[0]));
        }
        body.append("</g>\n");
        legend(traces);
    }

    /** The categories of the bar traces, in order of first appearance; empty without bars. */
    private static List<String> categories(List<Chart.Trace> traces) {
        LinkedHashSet<String> c = new LinkedHashSet<>();
        for (Chart.Trace t : traces) {
            if (t.kind() == Chart.Kind.BARS) {
                c.addAll(t.categories());
            }
        }
        return List.copyOf(c);
    }

    /** Widens the axis with more pixels per unit so that both have the same (plotly's {@code constrain: 'range'}). */
    private void equalise() {
        double sx = pw / (xr[1] - xr[0]), sy = ph / (yr[1] - yr[0]);
        if (sx > sy) {
            double c = (xr[0] + xr[1]) / 2, half = pw / sy / 2;
            xr = new double[] {c - half, c + half};
        } else {
            double c = (yr[0] + yr[1]) / 2, half = ph / sx / 2;
            yr = new double[] {c - half, c + half};
        }
    }

    double px(double x) {
        return LEFT + (x - xr[0]) / (xr[1] - xr[0]) * pw;
    }

    double py(double y) {
        return TOP + ph - (y - yr[0]) / (yr[1] - yr[0]) * ph;
    }

    /** Grid, tick labels, the frame and the axis titles. */
    private void axes(List<String> categories) {
        boolean logX = chart.x().log(), logY = chart.y().log();
        body.append("<clipPath id=\"").append(chart.id()).append("-area\"><rect x=\"").append(LEFT).append("\" y=\"").append(TOP)
                .append("\" width=\"").append(f(pw)).append("\" height=\"").append(f(ph)).append("\"/></clipPath>\n");
        // x ticks: the categories, the chart's own ticks (e.g. at the sizes N of a plot against N), or nice numbers.
        List<Double> xTicks = new ArrayList<>();
        List<String> xLabels = new ArrayList<>();
        double[] given = chart.x().ticks();
        if (!categories.isEmpty()) {
            for (int i = 0; i < categories.size(); i++) {
                xTicks.add((double) i);
                xLabels.add(categories.get(i));
            }
        } else if (given.length > 0) {
            for (double v : given) {
                double t = logX ? Math.log10(v) : v;
                if (Double.isFinite(t) && t >= xr[0] && t <= xr[1]) {
                    xTicks.add(t);
                    xLabels.add(label(v, false));
                }
            }
        } else {
            for (double t : ticks(xr[0], xr[1], logX)) {
                xTicks.add(t);
                xLabels.add(label(t, logX));
            }
        }
        for (int i = 0; i < xTicks.size(); i++) {
            double x = px(xTicks.get(i));
            body.append("<line x1=\"").append(f(x)).append("\" y1=\"").append(TOP).append("\" x2=\"").append(f(x)).append("\" y2=\"")
                    .append(f(TOP + ph)).append("\" stroke=\"#eee\"/>\n");
            body.append("<text x=\"").append(f(x)).append("\" y=\"").append(f(TOP + ph + 16)).append("\" text-anchor=\"middle\">")
                    .append(HtmlReport.escape(xLabels.get(i))).append("</text>\n");
        }
        for (double t : ticks(yr[0], yr[1], logY)) {
            double y = py(t);
            body.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(f(y)).append("\" x2=\"").append(f(LEFT + pw)).append("\" y2=\"")
                    .append(f(y)).append("\" stroke=\"#eee\"/>\n");
            body.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(f(y + 4)).append("\" text-anchor=\"end\">")
                    .append(label(t, logY)).append("</text>\n");
        }
        body.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(f(pw)).append("\" height=\"")
                .append(f(ph)).append("\" fill=\"none\" stroke=\"#444\"/>\n");
        axisTitles(chart.x().label(), chart.y().label() + (logY ? " (log scale)" : ""));
    }

    private void axisTitles(String x, String y) {
        body.append("<text x=\"").append(f(LEFT + pw / 2)).append("\" y=\"").append(height - 12).append("\" text-anchor=\"middle\">")
                .append(HtmlReport.escape(x)).append("</text>\n");
        body.append("<text transform=\"translate(16,").append(f(TOP + ph / 2)).append(") rotate(-90)\" text-anchor=\"middle\">")
                .append(HtmlReport.escape(y)).append("</text>\n");
    }

    /** One trace; {@code d} is {x, y, y − error, y + error} in axis units, {@code barPixels} the width of a bar. */
    private void trace(Chart.Trace t, double[][] d, double barPixels) {
        String colour = t.colour();
        double[] px = new double[d[0].length], py = new double[d[0].length];
        for (int i = 0; i < px.length; i++) {
            px[i] = px(d[0][i]);
            py[i] = py(d[1][i]);
        }
        errorBars(px, d[2], d[3], colour);
        switch (t.kind()) {
            case GUIDE -> {
                polyline(body, px, py, colour, "1.4", " stroke-dasharray=\"6,4\"");
                occupied.line(px, py);
            }
            case BAND -> {
                StringBuilder pts = new StringBuilder();
                for (int i = 0; i < px.length; i++) {
                    if (Double.isFinite(px[i]) && Double.isFinite(py[i])) pts.append(f(px[i])).append(',').append(f(py[i])).append(' ');
                }
                body.append("<polygon points=\"").append(pts.toString().trim()).append("\" fill=\"").append(colour)
                        .append("\" fill-opacity=\"0.15\" stroke=\"").append(colour).append("\" stroke-width=\"1\" stroke-dasharray=\"6,4\"/>\n");
            }
            case LINE -> line(t, px, py);
            case LINE_MARKERS -> {
                polyline(body, px, py, colour, t.reference() ? "4" : "1.4", t.reference() ? " stroke-opacity=\"0.45\"" : "");
                markers(body, px, py, colour, 3.5, t.reference());
                occupied.line(px, py);
            }
            case MARKERS -> {
                Thinning.Points p = t.yError().length > 0 ? new Thinning.Points(px, py, 1) : Thinning.markers(px, py, MAX_MARKERS);
                subsampled(t, p.stride(), px.length);
                // A cloud of many points gets smaller markers, so that its density still shows where they pile up.
                markers(body, p.x(), p.y(), colour, p.x().length > 500 ? 2.0 : 3.0, t.reference());
                for (int i = 0; i < p.x().length; i++) occupied.point(p.x()[i], p.y()[i]);
            }
            case SEGMENTS -> arrows(px, py, colour, t.reference());
            case HISTOGRAM, BARS -> {
                double base = py(chart.y().log() ? yr[0] : Math.max(yr[0], 0));
                double w = t.kind() == Chart.Kind.BARS ? barPixels : px.length > 1 ? px[1] - px[0] : 4;
                for (int i = 0; i < px.length; i++) {
                    if (!Double.isFinite(py[i])) continue;
                    for (double bx : new double[] {px[i] - w / 2, px[i], px[i] + w / 2}) occupied.segment(bx, py[i], bx, base);
                    body.append("<rect x=\"").append(f(px[i] - w / 2)).append("\" y=\"").append(f(Math.min(py[i], base))).append("\" width=\"")
                            .append(f(w)).append("\" height=\"").append(f(Math.abs(base - py[i])))
                            .append(t.outline() ? "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"1.5\"/>\n"
                                    : "\" fill=\"" + colour + "\" fill-opacity=\"0.45\" stroke=\"" + colour + "\" stroke-width=\"0.5\"/>\n");
                }
            }
            case HEATMAP, LINE3D -> throw new IllegalStateException(t.kind() + " traces are drawn on their own");
        }
    }

    /** A line, thinned, wide and translucent if it is the reference. */
    void line(Chart.Trace t, double[] px, double[] py) {
        Thinning.Points p = Thinning.line(px, py, MAX_LINE_POINTS);
        subsampled(t, p.stride(), px.length);
        polyline(body, p.x(), p.y(), t.colour(), t.reference() ? "4" : "1.4", t.reference() ? " stroke-opacity=\"0.45\"" : "");
        occupied.line(p.x(), p.y());
    }

    /** Notes that only every {@code stride}-th point of trace {@code t} is drawn. */
    private void subsampled(Chart.Trace t, int stride, int points) {
        if (stride > 1) {
            note(String.format(Locale.ROOT, "every %s of %s's %d points drawn", ordinal(stride), t.name(), points));
        }
    }

    private static String ordinal(int k) {
        String suffix = k % 100 >= 11 && k % 100 <= 13 ? "th" : switch (k % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return k + suffix;
    }

    /** Vertical error bars from y − error to y + error (pixels from axis units) with short caps. */
    private void errorBars(double[] px, double[] lo, double[] hi, String colour) {
        for (int i = 0; i < px.length; i++) {
            if (!(Double.isFinite(px[i]) && Double.isFinite(lo[i]) && Double.isFinite(hi[i]))) continue;
            double y0 = py(lo[i]), y1 = py(hi[i]);
            body.append("<path d=\"M").append(f(px[i])).append(',').append(f(y0)).append(" V").append(f(y1))
                    .append(" M").append(f(px[i] - 4)).append(',').append(f(y0)).append(" h8 M").append(f(px[i] - 4)).append(',')
                    .append(f(y1)).append(" h8\" stroke=\"").append(colour).append("\" stroke-width=\"1.3\" fill=\"none\"/>\n");
        }
    }

    /** Arrows (px[2k], py[2k]) → (px[2k+1], py[2k+1]), each with a filled head; the reference's wide and translucent. */
    private void arrows(double[] px, double[] py, String colour, boolean reference) {
        for (int i = 0; i + 1 < px.length; i += 2) {
            if (!(Double.isFinite(px[i]) && Double.isFinite(py[i]) && Double.isFinite(px[i + 1]) && Double.isFinite(py[i + 1]))) continue;
            body.append("<line x1=\"").append(f(px[i])).append("\" y1=\"").append(f(py[i])).append("\" x2=\"").append(f(px[i + 1]))
                    .append("\" y2=\"").append(f(py[i + 1])).append("\" stroke=\"").append(colour).append("\" stroke-width=\"")
                    .append(reference ? "3\" stroke-opacity=\"0.45" : "1.3").append("\"/>");
            occupied.point(px[i], py[i]);
            occupied.point(px[i + 1], py[i + 1]);
            occupied.segment(px[i], py[i], px[i + 1], py[i + 1]);
            double dx = px[i + 1] - px[i], dy = py[i + 1] - py[i], len = Math.hypot(dx, dy);
            if (len > 2) {
                double h = Math.min(6, 0.35 * len), ux = dx / len, uy = dy / len;
                body.append("<path d=\"M").append(f(px[i + 1])).append(',').append(f(py[i + 1])).append(" L")
                        .append(f(px[i + 1] - h * ux - 0.5 * h * uy)).append(',').append(f(py[i + 1] - h * uy + 0.5 * h * ux)).append(" L")
                        .append(f(px[i + 1] - h * ux + 0.5 * h * uy)).append(',').append(f(py[i + 1] - h * uy - 0.5 * h * ux))
                        .append(" Z\" fill=\"").append(colour).append("\"/>");
            }
            body.append('\n');
        }
    }

    /**
     * The legend: one entry per trace, its symbol drawn as the trace is. Inside the plot area, in a column on a
     * translucent white box, where it hides none of the data's samples: in a corner (top right first), or else in the
     * middle of an edge or the centre (curves that start and end in the corners often leave those free). Where every
     * place would hide data, in rows under the x-axis title, as plotly places it, the figure growing to hold them.
     */
    void legend(List<Chart.Trace> traces) {
        if (traces.isEmpty()) return;
        int longest = traces.stream().mapToInt(t -> t.name().length()).max().orElse(0);
        double w = 7.0 * longest + 34, h = 17.0 * traces.size();
        double left = LEFT + 8, right = LEFT + pw - 8 - w, top = TOP + 3, bottom = TOP + ph - 3 - h;
        double centre = LEFT + (pw - w) / 2, middle = TOP + (ph - h) / 2;
        double[][] places = {{right, top}, {left, top}, {right, bottom}, {left, bottom}, {centre, top}, {centre, bottom},
            {right, middle}, {left, middle}, {centre, middle}};
        for (double[] c : places) {
            // With a margin for the markers' radius and the lines' width: a point just outside would still be covered.
            if (occupied.count(c[0] - 5, c[1] - 5, c[0] + w + 5, c[1] + h + 5) == 0) {
                double lx = c[0] + 4;
                int ly = (int) Math.round(c[1]) + 11;
                for (Chart.Trace t : traces) {
                    body.append("<rect x=\"").append(f(lx - 4)).append("\" y=\"").append(ly - 11).append("\" width=\"")
                            .append(f(w)).append("\" height=\"17\" fill=\"white\" fill-opacity=\"0.8\"/>");
                    legendEntry(t, lx, ly);
                    ly += 17;
                }
                return;
            }
        }
        // Under the plot: entries side by side, wrapping at the plot's width.
        double lx = LEFT;
        int ly = height + 10;
        for (Chart.Trace t : traces) {
            double entry = 7.0 * t.name().length() + 40;
            if (lx > LEFT && lx + entry > LEFT + pw) {
                lx = LEFT;
                ly += 18;
            }
            legendEntry(t, lx, ly);
            lx += entry;
        }
        height = ly + 8;
    }

    /** A legend entry with its symbol's left edge at x and its text's baseline at y. */
    private void legendEntry(Chart.Trace t, double lx, int ly) {
        String colour = t.colour();
        switch (t.kind()) {
            case BAND -> body.append("<rect x=\"").append(f(lx)).append("\" y=\"").append(ly - 9).append("\" width=\"18\" height=\"10\" fill=\"")
                    .append(colour).append("\" fill-opacity=\"0.15\" stroke=\"").append(colour).append("\" stroke-dasharray=\"3,2\"/>");
            case HISTOGRAM, BARS -> body.append("<path d=\"M").append(f(lx + 2)).append(',').append(ly - 10).append(" h14 v12 h-14 Z\" ")
                    .append(t.outline() ? "fill=\"none\"" : "fill=\"" + colour + "\" fill-opacity=\"0.45\"").append(" stroke=\"")
                    .append(colour).append("\" stroke-width=\"1.5\"/>");
            case MARKERS -> markers(body, new double[] {lx + 9}, new double[] {ly - 4}, colour, 3.5, t.reference());
            default -> body.append("<line x1=\"").append(f(lx)).append("\" y1=\"").append(ly - 4).append("\" x2=\"").append(f(lx + 18))
                    .append("\" y2=\"").append(ly - 4).append("\" stroke=\"").append(colour).append("\" stroke-width=\"")
                    .append(t.kind() == Chart.Kind.GUIDE ? "2\" stroke-dasharray=\"5,3" : t.reference() ? "5\" stroke-opacity=\"0.45" : "3")
                    .append("\"/>");
        }
        body.append("<text x=\"").append(f(lx + 24)).append("\" y=\"").append(ly).append("\">").append(HtmlReport.escape(t.name()))
                .append("</text>\n");
    }

    /**
     * A heatmap: evenly spaced cells labelled by the column and row values, coloured on a 5-stop Viridis ramp
     * (interpolated in RGB) over [min(0, min z), max(1, max z)], each with its value written in it, and a colour bar.
     */
    private void heatmap(Chart.Trace s) {
        double[] xs = s.x(), ys = s.y(), z = s.z();
        int nx = xs.length, ny = ys.length;
        double lo = 0, hi = 1;
        for (double v : z) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        double w = pw - 70;
        // An empty grid has no cells to divide the area into (and would divide by zero).
        double cw = w / Math.max(1, nx), ch = ph / Math.max(1, ny);
        for (int i = 0; i < ny; i++) {
            // Row 0 at the bottom, as on a numeric y axis.
            double py = TOP + ph - (i + 1) * ch;
            for (int j = 0; j < nx; j++) {
                double v = z[i * nx + j];
                double px = LEFT + j * cw;
                double u = Double.isFinite(v) ? (v - lo) / (hi - lo) : Double.NaN;
                body.append("<rect x=\"").append(f(px)).append("\" y=\"").append(f(py)).append("\" width=\"").append(f(cw)).append("\" height=\"")
                        .append(f(ch)).append("\" fill=\"").append(Double.isFinite(u) ? viridis(u) : "#dddddd").append("\" stroke=\"white\"/>");
                if (Double.isFinite(v)) {
                    body.append("<text x=\"").append(f(px + cw / 2)).append("\" y=\"").append(f(py + ch / 2 + 4)).append("\" text-anchor=\"middle\" fill=\"")
                            .append(textOn(viridis(u))).append("\">").append(String.format(Locale.ROOT, "%.2f", v)).append("</text>");
                }
                body.append('\n');
            }
            body.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(f(py + ch / 2 + 4)).append("\" text-anchor=\"end\">")
                    .append(label(ys[i], false)).append("</text>\n");
        }
        for (int j = 0; j < nx; j++) {
            body.append("<text x=\"").append(f(LEFT + (j + 0.5) * cw)).append("\" y=\"").append(f(TOP + ph + 16)).append("\" text-anchor=\"middle\">")
                    .append(label(xs[j], false)).append("</text>\n");
        }
        axisTitles(chart.x().label(), chart.y().label());
        // Colour bar.
        double bx = LEFT + w + 24;
        for (int k = 0; k < 50; k++) {
            double u = (k + 0.5) / 50;
            body.append("<rect x=\"").append(f(bx)).append("\" y=\"").append(f(TOP + ph - (k + 1) * ph / 50)).append("\" width=\"16\" height=\"")
                    .append(f(ph / 50 + 0.5)).append("\" fill=\"").append(viridis(u)).append("\"/>");
        }
        body.append('\n');
        body.append("<text x=\"").append(f(bx + 20)).append("\" y=\"").append(f(TOP + ph)).append("\">").append(label(lo, false)).append("</text>\n");
        body.append("<text x=\"").append(f(bx + 20)).append("\" y=\"").append(f(TOP + 10)).append("\">").append(label(hi, false)).append("</text>\n");
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

    /** Polylines through the finite points (pixels), broken where a point is not; {@code extra} adds attributes. */
    static void polyline(StringBuilder sb, double[] px, double[] py, String colour, String width, String extra) {
        StringBuilder pts = new StringBuilder();
        for (int i = 0; i <= px.length; i++) {
            boolean ok = i < px.length && Double.isFinite(px[i]) && Double.isFinite(py[i]);
            if (ok) {
                pts.append(f(px[i])).append(',').append(f(py[i])).append(' ');
            } else if (pts.length() > 0) {
                sb.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"").append(width).append('"').append(extra)
                        .append(" points=\"").append(pts, 0, pts.length() - 1).append("\"/>\n");
                pts.setLength(0);
            }
        }
    }

    /** Circles of radius r at the finite points (pixels) in one group; a reference's open and larger. */
    private static void markers(StringBuilder sb, double[] px, double[] py, String colour, double r, boolean reference) {
        sb.append(reference ? "<g fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"1.5\">" : "<g fill=\"" + colour + "\" fill-opacity=\"0.7\">");
        String radius = String.valueOf(reference ? r + 1.5 : r);
        for (int i = 0; i < px.length; i++) {
            if (Double.isFinite(px[i]) && Double.isFinite(py[i])) {
                sb.append("<circle cx=\"").append(f(px[i])).append("\" cy=\"").append(f(py[i])).append("\" r=\"").append(radius).append("\"/>");
            }
        }
        sb.append("</g>\n");
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

    static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
