package ddmatch.io;

import ddmatch.solve.Trajectory;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Writes and reads a {@link Trajectory} as a table whose column 0 is the time and columns 1..d the components, in the
 * format given by the file's extension: {@code .npy} (a rows × (1 + d) array of doubles, see {@link Npy}) or
 * {@code .csv} (header {@code t,<names…>}, see {@link Csv}). Both round-trip every value exactly.
 */
public final class TrajectoryFiles {
    private static final String ALLOWED_EXTENSIONS = "allowed extensions are .npy and .csv";
    /**
     * How far a time may stray from the equally spaced grid, relative to the interval, for files written by other tools
     * (e.g. {@code t0 + np.arange(n) * dt}, rounded differently than ours). Anything beyond is a genuinely uneven grid.
     */
    private static final double SPACING_TOLERANCE = 1e-6;
    /** Neighbouring doubles of the estimated interval tried in search of one that reproduces every time exactly. */
    private static final int ULP_SEARCH = 8;

    private TrajectoryFiles() {}

    private enum Format { NPY, CSV }

    /**
     * Checks that {@code file} has an extension this class writes ({@code .npy} or {@code .csv}), so that a command can
     * refuse a bad output name before doing any work.
     *
     * @throws IllegalArgumentException listing the allowed extensions otherwise
     */
    public static void checkExtension(Path file) {
        formatOf(file);
    }

    /**
     * Writes {@code traj} atomically to {@code file}, in the format named by the extension (case-insensitive). Time
     * {@code r} is written as {@link Trajectory#time(int)}.
     *
     * @param file        a {@code .npy} or {@code .csv} file to create or replace
     * @param traj        the trajectory; at least 2 rows, so that the time step can be recovered on reading
     * @param columnNames one name per component, used as the CSV header after {@code t}; {@code null} means
     *                    {@code x1, …, xd}. Ignored for {@code .npy} except for the count check.
     * @throws IllegalArgumentException for another extension, too few rows or unusable names
     * @throws IOException              if writing fails
     */
    public static void write(Path file, Trajectory traj, String[] columnNames) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(traj, "traj");
        Format format = formatOf(file);
        int d = traj.dimension();
        int rows = traj.rows();
        if (rows < 2) {
            throw new IllegalArgumentException("cannot write a trajectory with " + rows + " row(s) to '" + file
                    + "': at least 2 rows are needed so that the time step can be recovered when reading");
        }
        String[] names = columnNames != null ? columnNames : defaultNames(d);
        if (names.length != d) {
            throw new IllegalArgumentException(names.length + " column names given for a trajectory of dimension " + d
                    + "; exactly one name per component is required");
        }
        Set<String> seen = new HashSet<>();
        seen.add("t");
        for (String name : names) {
            if (name != null && !seen.add(name)) {
                throw new IllegalArgumentException("column name \"" + name + "\" is used twice (\"t\" is the time column);"
                        + " names must be distinct");
            }
        }
        int cols = d + 1;
        double[] table = new double[rows * cols];
        double[] values = traj.values();
        java.util.function.LongToDoubleFunction times = gridTimes(traj.time(0), traj.interval(), 1);
        for (int r = 0; r < rows; r++) {
            table[r * cols] = times.applyAsDouble(r);
            System.arraycopy(values, r * d, table, r * cols + 1, d);
        }
        if (format == Format.NPY) {
            Npy.write(file, table, rows, cols);
        } else {
            String[] header = new String[cols];
            header[0] = "t";
            System.arraycopy(names, 0, header, 1, d);
            Csv.write(file, header, table, cols); // validates the names
        }
    }

    /**
     * Writes K trajectories of equal length and times (an ensemble) atomically to {@code file}, one after another, each
     * row {@code [k, t_r, z_r]} led by its trajectory's index k (0-based) and otherwise as {@link #write} writes it:
     * {@code .npy} as one (K·rows) × (2 + d) array (in NumPy {@code a.reshape(K, rows, 2 + d)} separates the
     * trajectories), {@code .csv} with the header {@code trajectory,t,names…}.
     *
     * @param trajs       K ≥ 1 trajectories with the same rows, dimension, start and interval
     * @param columnNames one name per component (not "trajectory" or "t"), or {@code null} for {@code x1, …, xd}
     * @throws IllegalArgumentException for another extension, unequal trajectories, unusable names, or more values than
     *                                  one array can hold (2³¹ − 9)
     */
    public static void writeEnsemble(Path file, java.util.List<Trajectory> trajs, String[] columnNames) throws IOException {
        Objects.requireNonNull(file, "file");
        Format format = formatOf(file);
        if (trajs.isEmpty()) {
            throw new IllegalArgumentException("cannot write an ensemble of 0 trajectories to '" + file + "'");
        }
        Trajectory first = trajs.get(0);
        int d = first.dimension(), rows = first.rows(), k = trajs.size();
        for (int i = 1; i < k; i++) {
            Trajectory t = trajs.get(i);
            if (t.dimension() != d || t.rows() != rows || t.time(0) != first.time(0) || t.interval() != first.interval()) {
                throw new IllegalArgumentException("trajectory " + i + " of the ensemble differs from trajectory 0 in its "
                        + "rows, dimension or times; an ensemble file needs them equal");
            }
        }
        String[] names = columnNames != null ? columnNames : defaultNames(d);
        if (names.length != d) {
            throw new IllegalArgumentException(names.length + " column names given for trajectories of dimension " + d
                    + "; exactly one name per component is required");
        }
        int cols = 2 + d;
        long size = (long) k * rows * cols;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("an ensemble of " + k + " trajectories × " + rows + " rows × " + cols
                    + " columns = " + size + " values does not fit one file array (at most 2147483639); record fewer rows "
                    + "(--every) or fewer trajectories");
        }
        double[] table = new double[(int) size];
        java.util.function.LongToDoubleFunction times = gridTimes(first.time(0), first.interval(), 1);
        for (int i = 0; i < k; i++) {
            double[] values = trajs.get(i).values();
            for (int r = 0; r < rows; r++) {
                int o = (i * rows + r) * cols;
                table[o] = i;
                table[o + 1] = times.applyAsDouble(r);
                System.arraycopy(values, r * d, table, o + 2, d);
            }
        }
        if (format == Format.NPY) {
            Npy.write(file, table, k * rows, cols);
        } else {
            String[] header = new String[cols];
            header[0] = "trajectory";
            header[1] = "t";
            System.arraycopy(names, 0, header, 2, d);
            if (new HashSet<>(java.util.Arrays.asList(header)).size() != cols) {
                throw new IllegalArgumentException("column names " + java.util.Arrays.toString(names) + " repeat each other or "
                        + "\"trajectory\" or \"t\"; names must be distinct");
            }
            Csv.write(file, header, table, cols, 1);   // the index as 0, 1, …, not 0.0, 1.0, …
        }
    }

    /**
     * The times {@code t0 + r·every·dt} of rows r = 0, 1, … as the doubles nearest to the decimal values a reader
     * expects: with dt = 0.01, row 920 is 9.2, not the 9.200000000000001 that 920 × 0.01 gives in binary. The product is
     * formed exactly, as the integer {@code r·every·m} over {@code 10^p} for dt's shortest decimal {@code m·10^−p}, and
     * rounded once; where that does not apply (more than 22 decimals, or beyond 2^53) it is the plain product.
     *
     * @param t0    time of row 0 (added after rounding; 0 for a simulation)
     * @param dt    the step of the grid
     * @param every steps per row
     */
    public static java.util.function.LongToDoubleFunction gridTimes(double t0, double dt, long every) {
        double interval = every * dt;
        java.math.BigDecimal step;
        try {
            step = new java.math.BigDecimal(Double.toString(dt)).multiply(java.math.BigDecimal.valueOf(every))
                    .stripTrailingZeros();
        } catch (NumberFormatException | ArithmeticException e) {
            return r -> t0 + r * interval;
        }
        int p = step.scale();
        java.math.BigInteger m = step.unscaledValue();
        if (p <= 0 || p > 22 || m.signum() <= 0 || m.bitLength() > 53) {
            return r -> t0 + r * interval;
        }
        long unit = m.longValueExact();
        double pow = Math.pow(10, p);   // exact: 10^p is a double for p ≤ 22
        long limit = (1L << 53) / unit;
        return r -> r <= limit ? t0 + (r * unit) / pow : t0 + r * interval;
    }

    private static String[] defaultNames(int d) {
        String[] names = new String[d];
        for (int k = 0; k < d; k++) names[k] = "x" + (k + 1);
        return names;
    }

    /**
     * Reads a trajectory written by {@link #write} or by another tool in the same layout. The times must be finite and
     * equally spaced with a positive step (to within a relative 10<sup>-6</sup> of the step); the interval is chosen,
     * when possible, so that {@link Trajectory#time(int)} reproduces every stored time exactly, and among such values
     * the one with the shortest decimal form (so a step of 0.1 reads back as 0.1 even after a large t0).
     *
     * @param file a {@code .npy} or {@code .csv} file
     * @return the trajectory
     * @throws IllegalArgumentException for another extension
     * @throws DataFormatException      naming the file, the row and the time when the layout or spacing is wrong
     * @throws IOException              if reading fails
     */
    public static Trajectory read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        Format format = formatOf(file);
        String src = String.valueOf(file.getFileName());
        double[] table;
        int rows;
        int cols;
        if (format == Format.NPY) {
            Npy.NpyArray a = Npy.read(file);
            if (a.ndim() != 2) {
                throw new DataFormatException(src + ": array of shape " + java.util.Arrays.toString(a.shape())
                        + " is not a trajectory; allowed is a 2-D array (rows, 1 + d) with the time in column 0");
            }
            table = a.data();
            rows = a.rows();
            cols = a.cols();
        } else {
            Csv.CsvTable t = Csv.read(file);
            table = t.data();
            rows = t.rows();
            cols = t.cols();
        }
        if (cols < 2) {
            throw new DataFormatException(src + ": " + cols + " column(s) is not a trajectory; allowed are a time column"
                    + " followed by at least one component");
        }
        if (rows < 2) {
            throw new DataFormatException(src + ": " + rows + " row(s); at least 2 are needed to determine the time step");
        }
        int d = cols - 1;
        double[] times = new double[rows];
        double[] values = new double[rows * d];
        for (int r = 0; r < rows; r++) {
            times[r] = table[r * cols];
            if (!Double.isFinite(times[r])) {
                throw new DataFormatException(src + ": row " + (r + 1) + ": time " + times[r] + " is not allowed;"
                        + " times must be finite");
            }
            System.arraycopy(table, r * cols + 1, values, r * d, d);
        }
        double interval = interval(src, times);
        return new Trajectory(times[0], interval, d, values);
    }

    /**
     * The time step of equally spaced {@code times}: preferably a double {@code h} with {@code t0 + r·h == t[r]} for
     * every row (true for files written by {@link #write}), the shortest decimal such one if there is one near the
     * mean step, otherwise the mean step itself, provided every time lies within the tolerance of the grid.
     */
    private static double interval(String src, double[] times) {
        int last = times.length - 1;
        double t0 = times[0];
        double estimate = (times[last] - t0) / last;
        if (!(estimate > 0) || !Double.isFinite(estimate)) {
            throw new DataFormatException(src + ": times run from " + t0 + " to " + times[last] + "; allowed are"
                    + " increasing, equally spaced times");
        }
        // When t0 is large compared with the step, many doubles reproduce the stored times exactly and the mean step
        // is only one of them; the shortest decimal among them is the step a person (or a config file) chose.
        for (int digits = 1; digits <= 17; digits++) {
            double h = new BigDecimal(estimate).round(new MathContext(digits)).doubleValue();
            if (h > 0 && reproduces(times, h)) {
                return h;
            }
        }
        // Otherwise walk outwards from the estimate: the first exact candidate is the closest one to the mean step.
        double up = estimate;
        double down = estimate;
        for (int i = 0; i <= ULP_SEARCH; i++) {
            if (reproduces(times, up)) {
                return up;
            }
            if (reproduces(times, down)) {
                return down;
            }
            up = Math.nextUp(up);
            down = Math.nextDown(down);
        }
        double tolerance = SPACING_TOLERANCE * estimate;
        for (int r = 1; r < times.length; r++) {
            double expected = t0 + r * estimate;
            if (!(Math.abs(times[r] - expected) <= tolerance)) {
                throw new DataFormatException(src + ": row " + (r + 1) + ": time " + times[r] + " breaks the equal"
                        + " spacing (expected " + expected + " for step " + estimate + "); allowed are equally spaced"
                        + " times, within a relative " + SPACING_TOLERANCE + " of the step");
            }
        }
        return estimate;
    }

    private static boolean reproduces(double[] times, double h) {
        double t0 = times[0];
        for (int r = 1; r < times.length; r++) {
            if (t0 + r * h != times[r]) {
                return false;
            }
        }
        return true;
    }

    private static Format formatOf(Path file) {
        Path name = file.getFileName();
        String s = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        if (s.endsWith(".npy")) {
            return Format.NPY;
        }
        if (s.endsWith(".csv")) {
            return Format.CSV;
        }
        int dot = s.lastIndexOf('.');
        String ext = dot < 0 ? "name, which has no extension" : "extension '" + s.substring(dot) + "'";
        throw new IllegalArgumentException("cannot tell the format of trajectory file '" + file + "' from its " + ext
                + "; " + ALLOWED_EXTENSIONS);
    }
}
