package ddmatch.report;

import java.util.List;
import java.util.Objects;

/**
 * What a static figure shows, independent of how it is drawn: titled axes and traces of data, each with its kind, colour
 * and styling. {@link SvgPlot} draws it as SVG. A {@link Figure} keeps one beside its plotly.js JSON (see
 * {@link Figure#chart}), so that a report can carry a static rendering of every interactive figure for readers whose
 * browser runs no scripts, has no WebGL, or prints the page; a {@code scenario.Plot} is drawn through the figure it
 * becomes. One model for both keeps one renderer.
 *
 * @param id          identifier, unique in its page (letters, digits, '-'); the SVG's internal ids derive from it, so that
 *                    several charts can sit in one HTML page
 * @param title       title
 * @param x           the x axis
 * @param y           the y axis
 * @param equalAspect whether one unit of y is drawn as long as one of x (circles stay circles, arrows keep their angles)
 * @param scene       for a chart of {@link Kind#LINE3D} traces, the 3-D axes and the camera it is seen from; else null
 * @param traces      the traces, drawn in order
 */
public record Chart(String id, String title, Axis x, Axis y, boolean equalAspect, Scene scene, List<Trace> traces) {
    public Chart {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (id == null || !id.matches("[A-Za-z][A-Za-z0-9-]*")) {
            throw new IllegalArgumentException("chart id '" + id + "' is not allowed; use letters, digits and '-', starting with a letter");
        }
        traces = List.copyOf(traces);
        boolean heatmap = traces.stream().anyMatch(t -> t.kind() == Kind.HEATMAP);
        if (heatmap && traces.size() > 1) {
            throw new IllegalArgumentException("chart '" + id + "': a heatmap must be the chart's only trace, got " + traces.size() + " traces");
        }
        boolean spatial = traces.stream().anyMatch(t -> t.kind() == Kind.LINE3D);
        if (spatial && (scene == null || traces.stream().anyMatch(t -> t.kind() != Kind.LINE3D))) {
            throw new IllegalArgumentException("chart '" + id + "': 3-D traces need a scene and cannot be mixed with 2-D ones");
        }
    }

    /**
     * One axis.
     *
     * @param label title (with units)
     * @param log   whether the axis is logarithmic
     * @param ticks where to put the ticks (data units), each labelled by its value; empty for automatic ticks
     */
    public record Axis(String label, boolean log, double[] ticks) {
        public Axis {
            Objects.requireNonNull(label, "label");
            ticks = ticks == null ? new double[0] : ticks.clone();
        }

        /** A linear axis with automatic ticks. */
        public Axis(String label) {
            this(label, false, new double[0]);
        }

        @Override public double[] ticks() { return ticks.clone(); }
    }

    /**
     * The 3-D axes of a chart of {@link Kind#LINE3D} traces and the camera they are seen from: the eye's position
     * relative to the centre of the cube the three axis ranges are scaled to, in units of its half-width (plotly's
     * {@code scene.camera.eye}; plotly's default is (1.25, 1.25, 1.25)), with z pointing up.
     */
    public record Scene(String xLabel, String yLabel, String zLabel, double eyeX, double eyeY, double eyeZ) {
        /** plotly's default camera. */
        public static final double[] DEFAULT_EYE = {1.25, 1.25, 1.25};

        public Scene {
            Objects.requireNonNull(xLabel, "xLabel");
            Objects.requireNonNull(yLabel, "yLabel");
            Objects.requireNonNull(zLabel, "zLabel");
            if (!(Double.isFinite(eyeX) && Double.isFinite(eyeY) && Double.isFinite(eyeZ)) || eyeX == 0 && eyeY == 0 && eyeZ == 0) {
                throw new IllegalArgumentException("scene: the camera's eye must be a finite point away from the centre, got ("
                        + eyeX + ", " + eyeY + ", " + eyeZ + ")");
            }
        }
    }

    /** How a trace is drawn. */
    public enum Kind {
        /** A polyline through (x_i, y_i); NaN breaks it. */
        LINE,
        /** Markers at (x_i, y_i). */
        MARKERS,
        /** A polyline with markers. */
        LINE_MARKERS,
        /** Arrows (x_{2k}, y_{2k}) → (x_{2k+1}, y_{2k+1}), e.g. a vector field. */
        SEGMENTS,
        /** A probability-density histogram of the values x in {@code bins} equal bins over their range (y is empty). */
        HISTOGRAM,
        /** A dashed reference line through (x_i, y_i): a threshold or a literature value, not data. */
        GUIDE,
        /** A shaded region, the closed polygon through (x_i, y_i). */
        BAND,
        /** Bars of heights y over the categories {@code categories}, grouped side by side with the chart's other bars. */
        BARS,
        /**
         * Coloured cells: x the column labels, y the row labels (evenly spaced categories), z the values row-major
         * y.length × x.length. A heatmap is its chart's only trace.
         */
        HEATMAP,
        /** A polyline through the 3-D points (x_i, y_i, z_i), drawn projected as the chart's {@link Scene} sees it. */
        LINE3D
    }

    /**
     * One trace.
     *
     * @param name       legend entry
     * @param kind       how it is drawn
     * @param x          abscissae (or a histogram's values, or a heatmap's column labels); NaN for a gap
     * @param y          ordinates, as many as x (empty for a histogram; a heatmap's row labels; bar heights)
     * @param z          a heatmap's cells or a 3-D line's third coordinates; empty otherwise
     * @param yError     error bars ±yError_i on the y values (NaN: none at that point), as many as y; empty for none
     * @param categories a bar trace's category labels, as many as y; empty otherwise
     * @param colour     "#rrggbb"
     * @param bins       a histogram's number of bins (0 for other kinds)
     * @param reference  whether this trace is the reference (the target) another one is compared with: drawn wide and
     *                   translucent (lines, arrows) or as open circles (markers), so that a curve drawn exactly on it
     *                   leaves it visible
     * @param outline    bars (histograms, bar traces) drawn as outlines only, so that overlaid ones stay two colours
     */
    public record Trace(String name, Kind kind, double[] x, double[] y, double[] z, double[] yError, List<String> categories,
                        String colour, int bins, boolean reference, boolean outline) {
        public Trace {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            if (colour == null || !colour.matches("#[0-9a-fA-F]{6}")) {
                throw new IllegalArgumentException("trace '" + name + "': colour '" + colour + "' is not of the form #rrggbb");
            }
            x = x.clone();
            y = y == null ? new double[0] : y.clone();
            z = z == null ? new double[0] : z.clone();
            yError = yError == null ? new double[0] : yError.clone();
            categories = categories == null ? List.of() : List.copyOf(categories);
            int expectedY = switch (kind) {
                case HISTOGRAM -> 0;
                case HEATMAP -> y.length;
                case BARS -> categories.size();
                default -> x.length;
            };
            if (y.length != expectedY) {
                throw new IllegalArgumentException("trace '" + name + "': " + x.length + " x and " + y.length + " y values do not fit a "
                        + kind + " trace");
            }
            int expectedZ = kind == Kind.HEATMAP ? x.length * y.length : kind == Kind.LINE3D ? x.length : 0;
            if (z.length != expectedZ) {
                throw new IllegalArgumentException("trace '" + name + "': " + z.length + " z values where a " + kind + " trace needs " + expectedZ);
            }
            if (yError.length != 0 && yError.length != y.length) {
                throw new IllegalArgumentException("trace '" + name + "': " + yError.length + " error bars for " + y.length + " points");
            }
            if (kind == Kind.SEGMENTS && x.length % 2 != 0) {
                throw new IllegalArgumentException("trace '" + name + "': arrows need an even number of points, got " + x.length);
            }
            if (kind == Kind.HISTOGRAM && bins < 1) {
                throw new IllegalArgumentException("trace '" + name + "': a histogram needs at least one bin, got " + bins);
            }
        }

        /** A trace of (x_i, y_i) of the given kind, plain (no error bars, not the reference, filled). */
        public static Trace of(String name, Kind kind, double[] x, double[] y, String colour) {
            return new Trace(name, kind, x, y, null, null, null, colour, 0, false, false);
        }

        /** A probability-density histogram of {@code values} in {@code bins} bins, filled or {@code outline}d. */
        public static Trace histogram(String name, double[] values, int bins, String colour, boolean outline) {
            return new Trace(name, Kind.HISTOGRAM, values, null, null, null, null, colour, bins, false, outline);
        }

        /** This trace with error bars ±{@code errors} on its y values. */
        public Trace withErrors(double[] errors) {
            return new Trace(name, kind, x, y, z, errors, categories, colour, bins, reference, outline);
        }

        /** This trace styled as the reference. */
        public Trace asReference() {
            return new Trace(name, kind, x, y, z, yError, categories, colour, bins, true, outline);
        }

        @Override public double[] x() { return x.clone(); }

        @Override public double[] y() { return y.clone(); }

        @Override public double[] z() { return z.clone(); }

        @Override public double[] yError() { return yError.clone(); }
    }
}
