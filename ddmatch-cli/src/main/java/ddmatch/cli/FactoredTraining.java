package ddmatch.cli;

import ddmatch.check.AutoTuner;
import ddmatch.fit.DriftMatcher;
import ddmatch.linalg.NativeBlas;
import ddmatch.fit.SamplingConfig;
import ddmatch.fit.TrainingResult;
import ddmatch.io.ModelFiles;
import ddmatch.sde.NoiseType;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --connectivity factored} (the default): the closed-form ridge fit of J = U W ({@link DriftMatcher}), or with
 * {@code --auto-tune} / {@code --neurons auto} the tuned fit of {@link AutoTuner}; saved as a factored model.
 */
final class FactoredTraining {
    private FactoredTraining() {}

    /**
     * Trains, saves and prints the summary.
     *
     * @param run     the validated target, settings and output
     * @param size    the network-size options (auto N, auto-tune)
     * @param lambda  the λ options (the curve file)
     * @param kind    the sampler kind, recorded when not the default trajectory sampler
     * @param kFolds  folds of k-fold λ selection, 0 for GCV
     * @return the exit code
     */
    static int run(TrainRun run, TrainSizeOptions size, TrainLambdaOptions lambda, SamplingConfig.Kind kind, int kFolds)
            throws Exception {
        PrintWriter out = run.out();
        ModelFiles.checkWritable(run.output());
        TrainingResult result;
        AutoTuner.Result tuned = null;
        boolean autoNeurons = size.auto();
        if (size.tuned()) {
            AutoTuner.Plan plan = AutoTuner.Plan.defaults(run.sde().noiseType() == NoiseType.NONE && run.sde().hasJacobian());
            AutoTuner.Observer observer = progress(run.err());
            tuned = autoNeurons
                    ? AutoTuner.smallestNetwork(run.sde(), run.cfg(), plan, size.driftError, run.cfg().neurons(),
                            size.maxNeurons, TerminalProgress.forTerminal(false), observer)
                    : AutoTuner.tune(run.sde(), run.cfg(), plan, TerminalProgress.forTerminal(false), observer);
            result = tuned.best();
        } else {
            result = DriftMatcher.train(run.sde(), run.cfg(), kFolds, TerminalProgress.forTerminal(false));
        }
        // The auto-tuner may have chosen another N.
        int neurons = tuned != null ? result.config().neurons() : run.cfg().neurons();
        // A spec file's path and checksum go with the model, so that 'simulate' can find the target's initial state.
        Map<String, Object> training = ModelFiles.trainingMetadata(result);
        training.putAll(run.specMetadata());
        // Non-default choices only, so that default runs keep writing the same files as before.
        if (kind != SamplingConfig.Kind.TRAJECTORY) {
            training.put("sampler", kind.name().toLowerCase(Locale.ROOT));
        }
        if (kFolds != 0 && tuned == null && lambda.lambda == null) {
            training.put("lambdaSelection", "kfold");
            training.put("folds", kFolds);
        }
        if (tuned != null) {
            record(training, tuned, run.cfg().seed());
        }
        String systemName = run.systemName();
        ModelFiles.save(new ModelFiles.SavedModel(result.network(), systemName, run.allParameters(), training), run.output());
        out.printf("trained %s: N = %d, d = %d, m = %d, τ = %g%n", systemName, neurons, run.sde().dimension(),
                run.sde().noiseDimension(), run.cfg().tau());
        out.printf("  λ = %.3e (%.1e × trace scale, by %s%s), %s form, %s%n", result.ridge().lambda(),
                result.ridge().lambda() / result.ridge().lambdaScale(),
                switch (result.ridge().curve().criterion()) {   // what the fit did, not what was asked
                    case GIVEN -> "hand";
                    case K_FOLD -> kFolds + "-fold CV";
                    case GCV -> "GCV";
                },
                TrainCommand.ridgeNote(result.ridge()), result.ridge().form().name().toLowerCase(),
                result.ridge().factorization());
        out.printf("  training drift error %.3e on %d samples; %.2f s (Gram product: %s)%n", result.trainingError(),
                result.samples(), result.seconds(), NativeBlas.describe());
        if (tuned != null) {
            print(out, tuned);
            if (autoNeurons && tuned.chosen().driftError() > size.driftError) {
                out.printf("  warning: no N ≤ %d met --drift-error %g; the largest tried is saved%n", size.maxNeurons,
                        size.driftError);
            }
        }
        lambda.writeCurve(out, result.ridge());
        List<String> warnings = new ArrayList<>(Warnings.ofRidge(result.ridge(),
                result.ridge().curve().criterion() != ddmatch.fit.LambdaCurve.Criterion.GIVEN));
        warnings.add(Warnings.ofTrainingError(result.trainingError()));
        warnings.add(Warnings.ofNetworkStep(result.network(), result.network().defaultTimeStep(),
                ddmatch.fit.Sampler.schemeFor(result.network())));
        warnings.add(Warnings.ofTargetStep(run.sde(), run.sde().defaultTimeStep(), ddmatch.fit.Sampler.schemeFor(run.sde())));
        Warnings.print(run.err(), "train", warnings);
        run.written();
        return ExitCodes.OK;
    }

    /** Every candidate fitted and why it was rejected, so that the model records how it was chosen. */
    private static void record(Map<String, Object> training, AutoTuner.Result tuned, long baseSeed) {
        training.put("autoTuned", true);
        training.put("autoTuneValidated", tuned.validated());
        training.put("heldOutDriftError", tuned.chosen().driftError());
        training.put("autoTuneBaseSeed", baseSeed);
        training.put("autoTuneLambdaFactor", tuned.chosen().lambdaFactor());
        List<AutoTuner.Candidate> cs = tuned.candidates();
        training.put("autoTuneCandidates", cs.size());
        for (int i = 0; i < cs.size(); i++) {
            training.put(String.format("autoTuneCandidate%03d", i + 1), cs.get(i).summary());
        }
    }

    /** One stderr line per simulated candidate, so that a long search shows where it is. */
    private static AutoTuner.Observer progress(PrintWriter err) {
        return new AutoTuner.Observer() {
            @Override public void validated(AutoTuner.Candidate c) {
                err.println("ddmatch train: auto-tune: " + c.summary());
                err.flush();
            }
        };
    }

    /** The choice and a table of the simulated candidates (the others were ranked out by held-out drift error). */
    private static void print(PrintWriter out, AutoTuner.Result tuned) {
        AutoTuner.Candidate c = tuned.chosen();
        out.printf("  auto-tuned: σ_b = %.3g, jitter = %.3g, λ = %.3e (%s); held-out drift error %.3e; simulation check %s%n",
                c.tonicStd(), c.jitter(), c.lambda(), c.lambdaFactor() == 1 ? "GCV" : c.lambdaFactor() + " × GCV",
                c.driftError(), tuned.validated() ? "passed" : "FAILED for every candidate tried (closest: " + c.reason() + ")");
        out.printf("  %d candidates fitted in %.0f s; simulated (target λmax %.4g, mean D_stsp floor %.4g):%n",
                tuned.candidates().size(), tuned.seconds(), tuned.referenceLyapunov(), tuned.referenceFloor());
        out.printf("    %5s %20s %5s %6s %6s %10s %10s %9s %8s  %s%n", "round", "seed", "σ_b", "jitter", "λ×", "λ",
                "drift err", "D/floor", "λmax", "verdict");
        for (AutoTuner.Candidate k : tuned.candidates()) {
            if (k.status() != AutoTuner.Status.NOT_RUN) {
                out.printf("    %5d %20d %5.3g %6.3g %6.3g %10.3e %10.3e %9.3g %8.4g  %s%n", k.round(), k.seed(), k.tonicStd(),
                        k.jitter(), k.lambdaFactor(), k.lambda(), k.driftError(), k.divergenceRatio(), k.lyapunov(),
                        k.status() == AutoTuner.Status.PASSED ? "passed" : k.reason());
            }
        }
    }
}
