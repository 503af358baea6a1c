package ddmatch.cli;

import ddmatch.fit.LambdaCurve;
import ddmatch.fit.RidgeSolution;
import ddmatch.io.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The ridge-regularisation options of {@code ddmatch train}: a fixed λ, or how λ is selected (generalised
 * cross-validation, Golub, Heath &amp; Wahba 1979, or k-fold cross-validation over contiguous blocks), and where the
 * selection curve is written.
 */
final class TrainLambdaOptions {
    @Option(names = "--lambda", paramLabel = "LAMBDA",
            description = "fixed ridge regularisation λ ≥ 0 in absolute units (the printed trace scale tr(ΦᵀΦ)/N puts it in "
                    + "context; default: chosen by generalised cross-validation over 1e-16 … 1 × the trace scale)")
    Double lambda;

    @Option(names = "--lambda-selection", defaultValue = "gcv", paramLabel = "HOW",
            description = "how λ is chosen when --lambda is not given: gcv or kfold (default: ${DEFAULT-VALUE})")
    String lambdaSelection;

    @Option(names = "--folds", defaultValue = "5", paramLabel = "K",
            description = "folds of --lambda-selection kfold, contiguous blocks of samples (default: ${DEFAULT-VALUE})")
    int folds;

    @Option(names = "--lambda-curve", paramLabel = "FILE",
            description = "write the λ-selection curve (lambda, score; NaN where not evaluated: below the rounding floor"
                    + " n·u·e_max or skipped by the coarse-to-fine search) to a CSV file (default: none)")
    Path lambdaCurve;

    /** λ for {@link ddmatch.fit.MatchConfig}: the given value, or NaN for "select it". */
    double fixedOrNaN() {
        if (lambda != null && !(lambda >= 0 && Double.isFinite(lambda))) {
            // NaN is how the library spells "select λ": refuse it here rather than silently switch to GCV.
            throw new IllegalArgumentException("--lambda = " + lambda + " is not allowed; it must be finite and ≥ 0 (omit"
                    + " --lambda to select λ by --lambda-selection)");
        }
        return lambda == null ? Double.NaN : lambda;
    }

    /** The number of folds of k-fold selection with {@code samples} samples, checked to lie in [2, samples/2]; 0 for GCV. */
    int kFolds(int samples) {
        int k = switch (lambdaSelection.toLowerCase(Locale.ROOT)) {
            case "gcv" -> 0;
            case "kfold" -> folds;
            default -> throw new IllegalArgumentException("--lambda-selection = '" + lambdaSelection
                    + "' is not allowed; give gcv or kfold");
        };
        if (lambdaSelection.equalsIgnoreCase("kfold") && (folds < 2 || folds > samples / 2)) {
            throw new IllegalArgumentException("--folds = " + folds + " is not allowed with --samples = " + samples
                    + "; it must be in [2, samples/2]");
        }
        return k;
    }

    /** With {@code --lambda-curve}: writes the selection curve as CSV (lambda, score) and says so on {@code out}. */
    void writeCurve(PrintWriter out, RidgeSolution ridge) throws IOException {
        if (lambdaCurve == null) {
            return;
        }
        LambdaCurve c = ridge.curve();
        StringBuilder csv = new StringBuilder("lambda,score\n");
        for (int i = 0; i < c.lambdas().length; i++) {
            csv.append(c.lambdas()[i]).append(',').append(c.scores()[i]).append('\n');
        }
        AtomicFiles.writeString(lambdaCurve, csv.toString());
        out.printf("  λ curve (%s) written to %s%n", c.criterion().name().toLowerCase(Locale.ROOT), lambdaCurve);
    }
}
