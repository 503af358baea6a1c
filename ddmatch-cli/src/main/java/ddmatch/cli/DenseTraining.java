package ddmatch.cli;

import ddmatch.fit.ConstrainedMatcher;
import ddmatch.fit.Constraints;
import ddmatch.fit.DenseTrainingResult;
import ddmatch.fit.FullRankConfig;
import ddmatch.fit.FullRankMatcher;
import ddmatch.fit.SparseConfig;
import ddmatch.fit.SparseMatcher;
import ddmatch.io.ModelFiles;
import java.io.PrintWriter;
import java.util.Map;

/**
 * The dense connectivities, saved as dense models: {@code full-rank} (random bulk J0 plus a full ridge fit,
 * {@link FullRankMatcher}), {@code dale-dense} (sign-constrained J by projected gradient, {@link ConstrainedMatcher})
 * and {@code sparse} (masked J fitted row by row, {@link SparseMatcher}).
 */
final class DenseTraining {
    private DenseTraining() {}

    /**
     * Validates the options of {@code kind}, trains, saves and prints the summary.
     *
     * @param run          the validated target, settings and output
     * @param kind         FULL_RANK, DALE_DENSE or SPARSE
     * @param connectivity the settings of each kind
     * @return the exit code
     */
    static int run(TrainRun run, ConnectivityOptions.Kind kind, ConnectivityOptions connectivity) throws Exception {
        int neurons = run.cfg().neurons();
        DenseTrainingResult result;
        SparseMatcher.Result sparseResult = null;
        String how;
        switch (kind) {
            case FULL_RANK -> {
                FullRankConfig bulk = connectivity.fullRank();
                ModelFiles.checkWritable(run.output());
                result = FullRankMatcher.train(run.sde(), run.cfg(), bulk, TerminalProgress.forTerminal(false));
                how = String.format("full rank, g0 = %g, p = %g", connectivity.bulkGain, connectivity.bulkSparsity);
            }
            case DALE_DENSE -> {
                Constraints c = connectivity.daleDense();
                ModelFiles.checkWritable(run.output());
                result = ConstrainedMatcher.train(run.sde(), run.cfg(), c, TerminalProgress.forTerminal(false));
                how = String.format("Dale's law, %d excitatory of %d, %d iterations", c.excitatoryCount(neurons), neurons,
                        connectivity.iterations);
            }
            case SPARSE -> {
                ConnectivityOptions.Sparse sp = connectivity.sparse(neurons, run.sde().dimension(), run.cfg().seed());
                SparseConfig sc = sp.config();
                ModelFiles.checkWritable(run.output());
                sparseResult = SparseMatcher.train(run.sde(), run.cfg(), sc, sp.mask(), TerminalProgress.forTerminal(false));
                result = sparseResult.dense();
                how = String.format("sparse, p = %g, realised density %.4f%s", connectivity.connectionProbability,
                        sparseResult.density(), sc.bounded() ? String.format(", |J_ij| ≤ %g", connectivity.weightBound) : "");
            }
            default -> throw new IllegalArgumentException("kind = " + kind + " is not a dense connectivity; "
                    + "allowed are FULL_RANK, DALE_DENSE and SPARSE");
        }
        Map<String, Object> training = sparseResult != null ? ModelFiles.trainingMetadata(sparseResult)
                : ModelFiles.trainingMetadata(result);
        training.put("connectivity", kind.id);
        if (kind == ConnectivityOptions.Kind.FULL_RANK) {
            training.put("bulkGain", connectivity.bulkGain);
            training.put("bulkSparsity", connectivity.bulkSparsity);
        } else if (kind == ConnectivityOptions.Kind.DALE_DENSE) {
            training.put("excitatoryFraction", connectivity.excitatory);
        }
        training.putAll(run.specMetadata());
        String systemName = run.systemName();
        ModelFiles.saveDense(new ModelFiles.SavedDenseModel(result.network(), systemName, run.allParameters(), training),
                run.output());
        PrintWriter out = run.out();
        out.printf("trained %s (%s): N = %d, d = %d, m = %d, τ = %g%n", systemName, how, neurons, run.sde().dimension(),
                run.sde().noiseDimension(), run.cfg().tau());
        out.printf("  λ = %.3e; training drift error %.3e, transverse drift %.3e on %d samples; %.2f s%n", result.lambda(),
                result.trainingError(), result.transverseError(), result.samples(), result.seconds());
        if (sparseResult != null) {
            out.printf("  mask seed %d, density %.4f, fewest allowed columns in a row %d; unbounded fit: loss %.4e, "
                    + "max|J_ij| %.4g%n", sparseResult.maskSeed(), sparseResult.density(), sparseResult.minimumRowColumns(),
                    sparseResult.unboundedLoss(), sparseResult.unboundedMaxWeight());
        }
        double[] loss = result.lossCurve();
        if (loss.length > 0) {
            out.printf("  loss %.4e after 1 iteration, %.4e after %d%n", loss[0], loss[loss.length - 1], loss.length);
        }
        run.written();
        return ExitCodes.OK;
    }
}
