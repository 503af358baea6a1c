package ddmatch.scenario;

import java.util.List;
import java.util.Objects;

/**
 * The data of one 2-D plot: titled axes and a list of series. Plain data (records of arrays), so that it can be stored
 * in {@code results.json} and drawn later, interactively or as SVG.
 *
 * @param id     identifier, unique within its run (letters, digits, '-', starting with a letter)
 * @param title  title
 * @param xLabel x-axis title (with units)
 * @param yLabel y-axis title (with units)
 * @param logY   whether the y axis is logarithmic
 * @param series the series, drawn in order
 * @param logX   whether the x axis is logarithmic (e.g. network sizes N in geometric steps); false in files written
 *               before it existed
 */
public record Plot(String id, String title, String xLabel, String yLabel, boolean logY, List<Series> series, boolean logX) {
    public Plot {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(xLabel, "xLabel");
        Objects.requireNonNull(yLabel, "yLabel");
        if (id == null || !id.matches("[A-Za-z][A-Za-z0-9-]*")) {
            throw new IllegalArgumentException("plot id '" + id + "' is not allowed; use letters, digits and '-', starting with a letter");
        }
        series = List.copyOf(series);
        if (series.size() > 1 && series.stream().anyMatch(s -> s.style() == Style.HEATMAP)) {
            throw new IllegalArgumentException("plot '" + id + "': a heatmap must be the plot's only series, got " + series.size() + " series");
        }
    }

    /** A plot with a linear x axis. */
    public Plot(String id, String title, String xLabel, String yLabel, boolean logY, List<Series> series) {
        this(id, title, xLabel, yLabel, logY, series, false);
    }

    /** How a series is drawn. */
    public enum Style {
        /** A polyline through (x_i, y_i). */
        LINE,
        /** Markers at (x_i, y_i). */
        MARKERS,
        /** A polyline with markers. */
        LINE_MARKERS,
        /** Separate segments (x_{2k}, y_{2k}) → (x_{2k+1}, y_{2k+1}): arrows of a vector field. */
        SEGMENTS,
        /** A probability-density histogram of the values x (y is empty). */
        HISTOGRAM,
        /**
         * A reference line through (x_i, y_i), drawn dashed: not data but a mark to read the data against (a threshold,
         * a literature value, a value derived from the data such as a crossing point).
         */
        GUIDE,
        /**
         * A shaded region, the closed polygon through (x_i, y_i) (e.g. a claim's allowed range: its lower bound from left
         * to right, then its upper bound from right to left; see {@link Series#band}).
         */
        BAND,
        /**
         * A grid of coloured cells: x the column labels, y the row labels (each drawn as an evenly spaced category) and
         * z the values, row-major y.length × x.length. The colour scale spans [min(0, min z), max(1, max z)], so that
         * heatmaps of fractions share one scale. A heatmap is its plot's only series.
         */
        HEATMAP
    }

    /**
     * One series.
     *
     * @param name  legend entry
     * @param style how it is drawn
     * @param x     abscissae (or the values of a histogram); finite values, NaN allowed as a gap
     * @param y     ordinates, as many as x (empty for a histogram; the row labels of a heatmap)
     * @param z     the cell values of a heatmap, row-major y.length × x.length; empty (or null, as in files written
     *              before heatmaps existed) for every other style
     * @param yError standard errors of the y values, drawn as error bars ±yError_i (NaN: none at that point), as many as
     *              y; empty (or null, as in files written before error bars existed) for none. Only LINE, MARKERS and
     *              LINE_MARKERS series have them.
     */
    public record Series(String name, Style style, double[] x, double[] y, double[] z, double[] yError) {
        public Series {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(style, "style");
            x = x.clone();
            y = y.clone();
            z = z == null ? new double[0] : z.clone();
            yError = yError == null ? new double[0] : yError.clone();
            if (yError.length != 0 && (yError.length != y.length
                    || !(style == Style.LINE || style == Style.MARKERS || style == Style.LINE_MARKERS))) {
                throw new IllegalArgumentException("series '" + name + "': " + yError.length + " error bars for " + y.length + " points of a "
                        + style + " series; error bars need one per point of a LINE, MARKERS or LINE_MARKERS series");
            }
            if (style == Style.HEATMAP) {
                if (z.length != x.length * y.length || x.length == 0) {
                    throw new IllegalArgumentException("heatmap '" + name + "': z has " + z.length + " values for " + y.length + " rows × "
                            + x.length + " columns; it needs rows × columns ≥ 1 values");
                }
            } else if (z.length != 0) {
                throw new IllegalArgumentException("series '" + name + "': z has " + z.length + " values; only a HEATMAP series has z values");
            } else if (style == Style.HISTOGRAM ? y.length != 0 : y.length != x.length) {
                throw new IllegalArgumentException("series '" + name + "': x has " + x.length + " values and y " + y.length
                        + "; a " + style + " series needs " + (style == Style.HISTOGRAM ? "no y values" : "as many y as x"));
            }
            if (style == Style.SEGMENTS && x.length % 2 != 0) {
                throw new IllegalArgumentException("series '" + name + "': segments need an even number of points, got " + x.length);
            }
        }

        @Override public double[] x() { return x.clone(); }

        @Override public double[] y() { return y.clone(); }

        @Override public double[] z() { return z.clone(); }

        @Override public double[] yError() { return yError.clone(); }

        /** A series without error bars. */
        public Series(String name, Style style, double[] x, double[] y, double[] z) {
            this(name, style, x, y, z, new double[0]);
        }

        /** A series without z values (every style but {@link Style#HEATMAP}) and without error bars. */
        public Series(String name, Style style, double[] x, double[] y) {
            this(name, style, x, y, new double[0], new double[0]);
        }

        /** A heatmap of {@code z} (row-major rows × columns) with column labels {@code columns} and row labels {@code rows}. */
        public static Series heatmap(String name, double[] columns, double[] rows, double[] z) {
            return new Series(name, Style.HEATMAP, columns, rows, z);
        }

        public static Series line(String name, double[] x, double[] y) { return new Series(name, Style.LINE, x, y); }

        public static Series markers(String name, double[] x, double[] y) { return new Series(name, Style.MARKERS, x, y); }

        public static Series lineMarkers(String name, double[] x, double[] y) { return new Series(name, Style.LINE_MARKERS, x, y); }

        public static Series histogram(String name, double[] values) { return new Series(name, Style.HISTOGRAM, values, new double[0]); }

        /** A line with markers and error bars ±{@code yError} (standard errors). */
        public static Series lineMarkers(String name, double[] x, double[] y, double[] yError) {
            return new Series(name, Style.LINE_MARKERS, x, y, new double[0], yError);
        }

        /** A dashed reference line through (x_i, y_i) ({@link Style#GUIDE}). */
        public static Series guide(String name, double[] x, double[] y) { return new Series(name, Style.GUIDE, x, y); }

        /**
         * The region between {@code lower} and {@code upper} over {@code x} ({@link Style#BAND}): the polygon along the
         * lower bound from left to right, then back along the upper bound. x in increasing order, finite bounds.
         */
        public static Series band(String name, double[] x, double[] lower, double[] upper) {
            if (lower.length != x.length || upper.length != x.length) {
                throw new IllegalArgumentException("band '" + name + "': " + x.length + " x values, " + lower.length + " lower and "
                        + upper.length + " upper bounds; it needs as many of each");
            }
            int n = x.length;
            double[] px = new double[2 * n], py = new double[2 * n];
            for (int i = 0; i < n; i++) {
                px[i] = x[i];
                py[i] = lower[i];
                px[2 * n - 1 - i] = x[i];
                py[2 * n - 1 - i] = upper[i];
            }
            return new Series(name, Style.BAND, px, py);
        }
    }
}
