package ddmatch.sde.user;

import java.util.List;

/** The diffusion matrix {@code G} of a user system, in one of the forms a spec may give. */
public sealed interface Diffusion {

    /** No noise: an ordinary differential equation ({@code m = 0}). */
    record None() implements Diffusion {}

    /** {@code G = g·I} (d × d) for one expression {@code g}. */
    record Scalar(Expr g) implements Diffusion {}

    /** {@code G = diag(g_1, …, g_d)}, one expression per state variable. */
    record Diagonal(List<Expr> entries) implements Diffusion {
        /** Copies the list. */
        public Diagonal {
            entries = List.copyOf(entries);
        }
    }

    /**
     * A general {@code rows × cols} matrix, one expression per entry.
     *
     * @param rows    number of rows (the state dimension d)
     * @param cols    number of columns (the noise dimension m, ≥ 1)
     * @param entries row-major, {@code rows·cols} expressions
     */
    record Matrix(int rows, int cols, List<Expr> entries) implements Diffusion {
        /** Checks the shape. */
        public Matrix {
            entries = List.copyOf(entries);
            if (rows < 1 || cols < 1 || (long) rows * cols != entries.size()) {
                throw new IllegalArgumentException("diffusion matrix " + rows + " × " + cols + " with " + entries.size()
                        + " entries is not allowed; rows and cols must be ≥ 1 and there must be rows·cols entries");
            }
        }
    }
}
