/**
 * File input and output for arrays of doubles: NumPy {@code .npy} files ({@link ddmatch.io.Npy}) so that trajectories
 * and weights can be exchanged with Python without conversion, plain comma-separated tables ({@link ddmatch.io.Csv})
 * for spreadsheets and quick inspection, trajectories in either format ({@link ddmatch.io.TrajectoryFiles}), trained
 * networks as checksummed model directories ({@link ddmatch.io.ModelFiles}), and {@link ddmatch.io.AtomicFiles}, through which every writer goes so that a
 * crash or an exception mid-write never leaves a half-written file under the final name; malformed input is reported
 * as a {@link ddmatch.io.DataFormatException} whose message names the source, what is wrong and what is allowed.
 */
package ddmatch.io;
