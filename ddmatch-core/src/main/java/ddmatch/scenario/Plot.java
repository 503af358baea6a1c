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
        HISTOGRAM
    }

    /**
     * One series.
     *
     * @param name  legend entry
     * @param style how it is drawn
     * @param x     abscissae (or the values of a histogram); finite values, NaN allowed as a gap
     * @param y     ordinates, as many as x (empty for a histogram)
     */
    public record Series(String name, Style style, double[] x, double[] y) {
        public Series {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(style, "style");
            x = x.clone();
            y = y.clone();
            if (style == Style.HISTOGRAM ? y.length != 0 : y.length != x.length) {
                throw new IllegalArgumentException("series '" + name + "': x has " + x.length + " values and y " + y.length
                        + "; a " + style + " series needs " + (style == Style.HISTOGRAM ? "no y values" : "as many y as x"));
            }
            if (style == Style.SEGMENTS && x.length % 2 != 0) {
                throw new IllegalArgumentException("series '" + name + "': segments need an even number of points, got " + x.length);
            }
        }

        @Override public double[] x() { return x.clone(); }

        @Override public double[] y() { return y.clone(); }

        public static Series line(String name, double[] x, double[] y) { return new Series(name, Style.LINE, x, y); }

        public static Series markers(String name, double[] x, double[] y) { return new Series(name, Style.MARKERS, x, y); }

        public static Series lineMarkers(String name, double[] x, double[] y) { return new Series(name, Style.LINE_MARKERS, x, y); }

        public static Series histogram(String name, double[] values) { return new Series(name, Style.HISTOGRAM, values, new double[0]); }
    }
}
