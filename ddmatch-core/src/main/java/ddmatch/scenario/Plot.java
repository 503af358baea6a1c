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
 */
public record Plot(String id, String title, String xLabel, String yLabel, boolean logY, List<Series> series) {
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
     */
    public record Series(String name, Style style, double[] x, double[] y, double[] z) {
        public Series {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(style, "style");
            x = x.clone();
            y = y.clone();
            z = z == null ? new double[0] : z.clone();
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

        /** A series without z values (every style but {@link Style#HEATMAP}). */
        public Series(String name, Style style, double[] x, double[] y) {
            this(name, style, x, y, new double[0]);
        }

        /** A heatmap of {@code z} (row-major rows × columns) with column labels {@code columns} and row labels {@code rows}. */
        public static Series heatmap(String name, double[] columns, double[] rows, double[] z) {
            return new Series(name, Style.HEATMAP, columns, rows, z);
        }

        public static Series line(String name, double[] x, double[] y) { return new Series(name, Style.LINE, x, y); }

        public static Series markers(String name, double[] x, double[] y) { return new Series(name, Style.MARKERS, x, y); }

        public static Series lineMarkers(String name, double[] x, double[] y) { return new Series(name, Style.LINE_MARKERS, x, y); }

        public static Series histogram(String name, double[] values) { return new Series(name, Style.HISTOGRAM, values, new double[0]); }
    }
}
