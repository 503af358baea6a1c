package ddmatch.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One interactive plotly.js figure: traces plus a layout, built in Java and serialised to the page as JSON. Each
 * {@code add…} method appends one trace; arrays are copied into the JSON, so callers should downsample long series
 * (a few thousand points per trace keeps pages light).
 *
 * <p>Beside the JSON, every method records the same trace in a {@link Chart}, the figure's static twin ({@link #chart}),
 * which {@link SvgPlot} draws: a page shows it where plotly.js cannot draw (scripts off, no WebGL for a 3-D scene, print).
 * Recorded as the figure is built, not parsed back from the JSON, so that the twin has the data itself (a histogram's
 * values, an arrow's two ends) rather than plotly's encoding of it.
 */
public final class Figure {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** plotly's default colour sequence: trace k gets colour k mod 10, as plotly itself assigns them. */
    static final String[] PALETTE = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
        "#bcbd22", "#17becf"};
    private final String id;
    private final ArrayNode data = JSON.createArrayNode();
    private final ObjectNode layout = JSON.createObjectNode();
    /** The static twin: trace k of {@code traces} is trace k of {@code data}. */
    private final String title, xLabel, yLabel;
    private final List<Chart.Trace> traces = new ArrayList<>();
    private boolean logX, logY, equal;
    private double[] xTicks = new double[0];
    private String[] sceneAxes;
    private double[] eye = Chart.Scene.DEFAULT_EYE.clone();

    /**
     * @param id     identifier, unique in its report (letters, digits, '-')
     * @param title  figure title
     * @param xLabel x-axis title (with units)
     * @param yLabel y-axis title (with units)
     */
    public Figure(String id, String title, String xLabel, String yLabel) {
        if (!id.matches("[A-Za-z][A-Za-z0-9-]*")) {
            throw new IllegalArgumentException("figure id '" + id + "' is not allowed; use letters, digits and '-', starting with a letter");
        }
        this.id = id;
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        // plotly.js 3 takes titles only in the object form {text: …}.
        // The title sits just above the plot area, under the band at the top where plotly shows its mode bar, so that
        // the two do not overlap in a narrow window.
        ObjectNode t = layout.putObject("title").put("text", title).put("yref", "paper").put("y", 1).put("yanchor", "bottom");
        t.putObject("pad").put("b", 10);
        layout.putObject("xaxis").putObject("title").put("text", xLabel);
        layout.putObject("yaxis").putObject("title").put("text", yLabel);
        layout.put("height", 440);
        layout.putObject("margin").put("l", 60).put("r", 20).put("t", 70).put("b", 50);
        // A horizontal legend under the plot keeps the full width for the data (a vertical one took a quarter of it
        // at 800 px); low enough (−0.22 of the plot's height, about 70 px) to clear the x-axis title.
        layout.putObject("legend").put("orientation", "h").put("x", 0).put("xanchor", "left").put("y", -0.22).put("yanchor", "top");
    }

    public String id() {
        return id;
    }

    /** A line (or, with {@code markers}, a marker) trace of y against x. */
    public Figure line(String name, double[] x, double[] y, boolean markers) {
        ObjectNode t = data.addObject();
        t.put("type", "scattergl").put("mode", markers ? "markers" : "lines").put("name", name);
        t.set("x", array(x));
        t.set("y", array(y));
        if (markers) {
            t.putObject("marker").put("size", 4).put("opacity", 0.6);
        } else {
            t.putObject("line").put("width", 1);
        }
        return record(Chart.Trace.of(name, markers ? Chart.Kind.MARKERS : Chart.Kind.LINE, x, y, colour()));
    }

    /** A 3-D line trace; the figure becomes a 3-D scene with the given axis titles. */
    public Figure line3d(String name, double[] x, double[] y, double[] z, String[] axes) {
        ObjectNode t = data.addObject();
        t.put("type", "scatter3d").put("mode", "lines").put("name", name);
        t.set("x", array(x));
        t.set("y", array(y));
        t.set("z", array(z));
        t.putObject("line").put("width", 2);
        ObjectNode scene = layout.has("scene") ? (ObjectNode) layout.get("scene") : layout.putObject("scene");
        // Equal units on the three axes would flatten Lorenz's z range against x and y; a cube shows each in full.
        scene.put("aspectmode", "cube");
        scene.putObject("xaxis").putObject("title").put("text", axes[0]);
        scene.putObject("yaxis").putObject("title").put("text", axes[1]);
        scene.putObject("zaxis").putObject("title").put("text", axes[2]);
        layout.put("height", 520);
        sceneAxes = axes.clone();
        return record(new Chart.Trace(name, Chart.Kind.LINE3D, x, y, z, null, null, colour(), 0, false, false));
    }

    /** Where the 3-D scene's camera looks from (plotly's eye: relative to the scene's centre, in units of its size). */
    public Figure camera(double x, double y, double z) {
        ObjectNode scene = layout.has("scene") ? (ObjectNode) layout.get("scene") : layout.putObject("scene");
        scene.putObject("camera").putObject("eye").put("x", x).put("y", y).put("z", z);
        eye = new double[] {x, y, z};
        return this;
    }

    /** A histogram trace of {@code values}, normalised as a probability density. */
    public Figure histogram(String name, double[] values, int bins) {
        ObjectNode t = data.addObject();
        t.put("type", "histogram").put("name", name).put("histnorm", "probability density").put("opacity", 0.6);
        t.put("nbinsx", bins);
        t.set("x", array(values));
        layout.put("barmode", "overlay");
        return record(Chart.Trace.histogram(name, values, bins, colour(), false));
    }

    /**
     * A histogram drawn as outlines only (bars with no fill, edges in the trace's colour), normalised as a probability
     * density: two of them overlaid stay two colours, where translucent filled bars would mix into a third colour
     * where they overlap.
     */
    public Figure outlineHistogram(String name, double[] values, int bins) {
        String colour = nextColour();
        histogram(name, values, bins);
        ObjectNode t = (ObjectNode) data.get(data.size() - 1);
        t.put("opacity", 1);
        ObjectNode m = t.putObject("marker").put("color", "rgba(0,0,0,0)");
        m.putObject("line").put("color", colour).put("width", 1.5);
        traces.set(traces.size() - 1, Chart.Trace.histogram(name, values, bins, colour, true));
        return this;
    }

    /**
     * A dashed reference line through (x_i, y_i): a threshold, a literature value or a value read off the data, drawn
     * so that it is not mistaken for a measured curve.
     */
    public Figure guide(String name, double[] x, double[] y) {
        ObjectNode t = scatterTrace(name, "lines", x, y);
        t.putObject("line").put("width", 1.5).put("dash", "dash");
        return record(Chart.Trace.of(name, Chart.Kind.GUIDE, x, y, colour()));
    }

    /**
     * A shaded region, the closed polygon through (x_i, y_i) (e.g. an allowed range), with a dashed outline, filled in
     * its colour at 15% opacity so that the curves drawn over it stay visible.
     */
    public Figure band(String name, double[] x, double[] y) {
        String colour = nextColour();
        ObjectNode t = scatterTrace(name, "lines", x, y).put("fill", "toself");
        t.putObject("line").put("width", 1).put("dash", "dash").put("color", colour);
        int r = Integer.parseInt(colour.substring(1, 3), 16), g = Integer.parseInt(colour.substring(3, 5), 16),
                b = Integer.parseInt(colour.substring(5, 7), 16);
        t.put("fillcolor", String.format(java.util.Locale.ROOT, "rgba(%d,%d,%d,0.15)", r, g, b));
        return record(Chart.Trace.of(name, Chart.Kind.BAND, x, y, colour));
    }

    /** Error bars ±{@code errors} (one per point; NaN for none) on the y values of the last trace added. */
    public Figure errorY(double[] errors) {
        if (data.isEmpty()) {
            throw new IllegalStateException("errorY: the figure has no trace yet");
        }
        ObjectNode t = (ObjectNode) data.get(data.size() - 1);
        if (t.path("y").size() != errors.length) {
            throw new IllegalArgumentException("errorY: " + errors.length + " errors for " + t.path("y").size() + " points");
        }
        ObjectNode e = t.putObject("error_y").put("type", "data").put("visible", true).put("thickness", 1.5).put("width", 5);
        e.set("array", array(errors));
        traces.set(traces.size() - 1, traces.get(traces.size() - 1).withErrors(errors));
        return this;
    }

    /** The colour plotly gives the next trace added. */
    private String nextColour() {
        return PALETTE[data.size() % PALETTE.length];
    }

    /** The colour plotly gives the trace just added to {@code data}. */
    private String colour() {
        return PALETTE[(data.size() - 1) % PALETTE.length];
    }

    /** Records the static twin of the trace just added to {@code data}. */
    private Figure record(Chart.Trace t) {
        traces.add(t);
        return this;
    }

    /** A bar trace of values against category labels. */
    public Figure bars(String name, String[] labels, double[] values) {
        ObjectNode t = data.addObject();
        t.put("type", "bar").put("name", name);
        ArrayNode x = t.putArray("x");
        for (String l : labels) {
            x.add(l);
        }
        t.set("y", array(values));
        layout.put("barmode", "group");
        return record(new Chart.Trace(name, Chart.Kind.BARS, new double[labels.length], values, null, null, List.of(labels), colour(), 0,
                false, false));
    }

    /**
     * Arrows (x[2k], y[2k]) → (x[2k+1], y[2k+1]) in one trace, e.g. a vector field: each shaft with a two-stroke head at
     * its end (a head 30% of the arrow long, so that the sense of circulation can be read), drawn as one line broken by
     * gaps. Arrow directions are only meaningful at equal axis scales, so the figure gets {@link #equalAspect}.
     */
    public Figure segments(String name, double[] x, double[] y) {
        if (x.length != y.length || x.length % 2 != 0) {
            throw new IllegalArgumentException("segments '" + name + "': x has " + x.length + " and y " + y.length
                    + " values; they need the same, even number (start and end of each segment)");
        }
        // Per arrow: shaft (2 points), gap, head (barb, tip, barb), gap.
        double[] gx = new double[x.length / 2 * 7];
        double[] gy = new double[gx.length];
        int j = 0;
        for (int k = 0; k < x.length; k += 2) {
            double x0 = x[k], y0 = y[k], x1 = x[k + 1], y1 = y[k + 1];
            gx[j] = x0;
            gy[j++] = y0;
            gx[j] = x1;
            gy[j++] = y1;
            gx[j] = Double.NaN;
            gy[j++] = Double.NaN;
            double dx = x1 - x0, dy = y1 - y0, len = Math.hypot(dx, dy);
            if (len > 0 && Double.isFinite(len)) {
                double h = 0.3 * len, ux = dx / len, uy = dy / len;
                gx[j] = x1 - h * ux - 0.5 * h * uy;
                gy[j++] = y1 - h * uy + 0.5 * h * ux;
                gx[j] = x1;
                gy[j++] = y1;
                gx[j] = x1 - h * ux + 0.5 * h * uy;
                gy[j++] = y1 - h * uy - 0.5 * h * ux;
                gx[j] = Double.NaN;
                gy[j++] = Double.NaN;
            }
        }
        ObjectNode t = scatterTrace(name, "lines", java.util.Arrays.copyOf(gx, j), java.util.Arrays.copyOf(gy, j));
        t.putObject("line").put("width", 1.5);
        // The twin keeps the arrows as pairs: it draws their heads in pixels, the same size at any scale.
        return record(Chart.Trace.of(name, Chart.Kind.SEGMENTS, x, y, colour())).equalAspect();
    }

    /** One unit in y as long as one in x, so that circles stay circles and arrows keep their angles. */
    public Figure equalAspect() {
        ((ObjectNode) layout.get("yaxis")).put("scaleanchor", "x").put("scaleratio", 1);
        equal = true;
        return this;
    }

    /**
     * Styles the last trace added as the reference (the target), so that it stays visible where another curve lies
     * exactly on it: lines and arrows wide and translucent (a halo round the curve drawn over them), markers open
     * circles larger than the others.
     */
    public Figure asReference() {
        if (data.isEmpty()) {
            throw new IllegalStateException("asReference: the figure has no trace yet");
        }
        ObjectNode t = (ObjectNode) data.get(data.size() - 1);
        String mode = t.path("mode").asText("");
        if (mode.contains("lines")) {
            t.putObject("line").put("width", 4).put("dash", "solid");
            t.put("opacity", 0.45);
        }
        if (mode.contains("markers")) {
            // Open circles a little larger than the filled markers of the other traces: a marker on top shows inside.
            double size = t.path("marker").path("size").asDouble(6) + 3;
            t.putObject("marker").put("size", size).put("symbol", "circle-open").putObject("line").put("width", 1.5);
            if (!mode.contains("lines")) {
                t.put("opacity", 0.8);
            }
        }
        traces.set(traces.size() - 1, traces.get(traces.size() - 1).asReference());
        return this;
    }

    /**
     * Like {@link #line} but drawn as SVG ({@code scatter}) instead of WebGL ({@code scattergl}): slower for long series,
     * but drawn where WebGL is missing (headless browsers, remote desktops, printing). Keep it to a few thousand points.
     */
    public Figure scatter(String name, double[] x, double[] y, boolean markers) {
        ObjectNode t = scatterTrace(name, markers ? "markers" : "lines", x, y);
        if (markers) {
            t.putObject("marker").put("size", 6);
        } else {
            t.putObject("line").put("width", 1.2);
        }
        return record(Chart.Trace.of(name, markers ? Chart.Kind.MARKERS : Chart.Kind.LINE, x, y, colour()));
    }

    /** A new SVG-drawn ({@code scatter}) trace of the given mode through the points: the part every such trace shares. */
    private ObjectNode scatterTrace(String name, String mode, double[] x, double[] y) {
        ObjectNode t = data.addObject();
        t.put("type", "scatter").put("mode", mode).put("name", name);
        t.set("x", array(x));
        t.set("y", array(y));
        return t;
    }

    /** A line trace with markers at the points (for curves of a few points, e.g. a metric against N). */
    public Figure lineMarkers(String name, double[] x, double[] y) {
        ObjectNode t = scatterTrace(name, "lines+markers", x, y);
        t.putObject("marker").put("size", 7);
        return record(Chart.Trace.of(name, Chart.Kind.LINE_MARKERS, x, y, colour()));
    }

    /**
     * A heatmap trace: cell (i, j) coloured by {@code z[i·columns.length + j]}, the columns and rows drawn as evenly
     * spaced categories labelled by their values, each cell annotated with its value; the colour scale spans
     * [min(0, min z), max(1, max z)].
     */
    public Figure heatmap(String name, double[] columns, double[] rows, double[] z) {
        if (z.length != columns.length * rows.length) {
            throw new IllegalArgumentException("heatmap '" + name + "': z has " + z.length + " values for " + rows.length + " rows × "
                    + columns.length + " columns");
        }
        ObjectNode t = data.addObject();
        t.put("type", "heatmap").put("name", name).put("colorscale", "Viridis");
        ArrayNode x = t.putArray("x");
        for (double c : columns) x.add(label(c));
        ArrayNode y = t.putArray("y");
        for (double r : rows) y.add(label(r));
        ArrayNode zz = t.putArray("z");
        ArrayNode text = t.putArray("text");
        double lo = 0, hi = 1;
        for (int i = 0; i < rows.length; i++) {
            double[] row = java.util.Arrays.copyOfRange(z, i * columns.length, (i + 1) * columns.length);
            zz.add(array(row));
            ArrayNode tr = text.addArray();
            for (double v : row) {
                tr.add(Double.isFinite(v) ? String.format(java.util.Locale.ROOT, "%.2f", v) : "");
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        t.put("zmin", lo).put("zmax", hi).put("texttemplate", "%{text}");
        ((ObjectNode) layout.get("xaxis")).put("type", "category");
        ((ObjectNode) layout.get("yaxis")).put("type", "category");
        return record(new Chart.Trace(name, Chart.Kind.HEATMAP, columns, rows, z, null, null, colour(), 0, false, false));
    }

    /** A category label: the shortest decimal form of {@code v}. */
    static String label(double v) {
        return new java.math.BigDecimal(String.format(java.util.Locale.ROOT, "%.6g", v)).stripTrailingZeros().toPlainString();
    }

    /**
     * Sets the y axis to a logarithmic scale, its ticks labelled as powers of ten: plotly's default SI prefixes ("100μ")
     * with bare digits ("2", "5") between them are hard to read as numbers. Where the data span less than
     * {@value #FULL_MINOR_LABELS_DECADES} decades, the ticks between decades are labelled in full (5×10⁻⁵), since one or
     * two decade labels alone would not give the scale; over a wider span they keep plotly's small digits, which full
     * labels would crowd.
     */
    public Figure logY() {
        logAxis((ObjectNode) layout.get("yaxis"));
        logY = true;
        return this;
    }

    /** Sets the x axis to a logarithmic scale (e.g. sizes in geometric steps), labelled as {@link #logY} labels y. */
    public Figure logX() {
        logAxis((ObjectNode) layout.get("xaxis"));
        logX = true;
        return this;
    }

    private static void logAxis(ObjectNode axis) {
        axis.put("type", "log").put("exponentformat", "power");
    }

    /** Below this many decades of data, a log axis labels its ticks between decades in full; see {@link #logY}. */
    static final double FULL_MINOR_LABELS_DECADES = 1.5;

    /** Decades spanned by the positive values of {@code key} ("x" or "y") over the traces; 0 without two of them. */
    private double decades(String key) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (com.fasterxml.jackson.databind.JsonNode t : data) {
            for (com.fasterxml.jackson.databind.JsonNode v : t.path(key)) {
                if (v.isNumber() && v.doubleValue() > 0) {
                    lo = Math.min(lo, v.doubleValue());
                    hi = Math.max(hi, v.doubleValue());
                }
            }
        }
        return lo < hi ? Math.log10(hi / lo) : 0;
    }

    /**
     * Ticks on the x axis at exactly {@code values}, each labelled by its shortest decimal form (e.g. the network
     * sizes of a plot against N: 250, 500, 1000, 2000, 4000 rather than plotly's 2×10², 5×10², 10³).
     */
    public Figure xTicks(double[] values) {
        ObjectNode axis = (ObjectNode) layout.get("xaxis");
        axis.put("tickmode", "array");
        ArrayNode v = axis.putArray("tickvals");
        ArrayNode t = axis.putArray("ticktext");
        for (double d : values) {
            v.add(round(d));
            t.add(label(d));
        }
        xTicks = values.clone();
        return this;
    }

    int traces() {
        return data.size();
    }

    /** The figure's height on the page (pixels), as plotly draws it. */
    int height() {
        return layout.path("height").asInt(440);
    }

    /**
     * The figure's static twin: the same traces, colours, axes and styling, for {@link SvgPlot} to draw. A figure of
     * 3-D lines becomes a chart with a {@link Chart.Scene} seen from the figure's camera.
     */
    public Chart chart() {
        Chart.Scene scene = sceneAxes == null ? null : new Chart.Scene(sceneAxes[0], sceneAxes[1], sceneAxes[2], eye[0], eye[1], eye[2]);
        return new Chart(id, title, new Chart.Axis(xLabel, logX, xTicks), new Chart.Axis(yLabel, logY, new double[0]), equal, scene, traces);
    }

    String json() {
        ObjectNode out = layout.deepCopy();
        for (String key : new String[] {"x", "y"}) {
            ObjectNode axis = (ObjectNode) out.get(key + "axis");
            if ("log".equals(axis.path("type").asText()) && decades(key) < FULL_MINOR_LABELS_DECADES) {
                axis.put("minorloglabels", "complete");
            }
        }
        ObjectNode fig = JSON.createObjectNode();
        fig.set("data", data);
        fig.set("layout", out);
        try {
            return JSON.writeValueAsString(fig);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ArrayNode array(double[] v) {
        ArrayNode a = JSON.createArrayNode();
        for (double d : v) {
            // JSON has no NaN or infinities; plotly draws null as a gap.
            if (Double.isFinite(d)) {
                a.add(round(d));
            } else {
                a.addNull();
            }
        }
        return a;
    }

    private static final java.math.MathContext SIX_DIGITS = new java.math.MathContext(6);

    /**
     * {@code v} to 6 significant digits: finer than a plot can show (1 part in 10⁶ of the value), while the 17 digits
     * of a double would make the figure data about three times as large.
     */
    static java.math.BigDecimal round(double v) {
        if (v == 0) {
            return java.math.BigDecimal.ZERO;
        }
        return new java.math.BigDecimal(v).round(SIX_DIGITS).stripTrailingZeros();
    }
}
