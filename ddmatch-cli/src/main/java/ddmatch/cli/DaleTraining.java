package ddmatch.cli;

import ddmatch.fit.DaleMatcher;
import ddmatch.fit.Sampler;
import ddmatch.io.ModelFiles;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.Map;

/**
 * {@code --connectivity dale}: the low-rank Dale network J = U W + 1 w0ᵀ fitted by ADMM ({@link DaleMatcher}), saved
 * as a factored model with W0.npy.
 */
final class DaleTraining {
    private DaleTraining() {}

    /**
     * Validates the Dale options, trains, saves and prints the summary and the time-step warning.
     *
     * @param run          the validated target, settings and output
     * @param connectivity the Dale settings (E fraction, iterations, balance weight and jitter, mean gain)
     * @return the exit code
     */
    static int run(TrainRun run, ConnectivityOptions connectivity) throws Exception {
        DaleMatcher.Settings settings = connectivity.dale();
        ModelFiles.checkWritable(run.output());
        DaleMatcher.Result result = DaleMatcher.train(run.sde(), run.cfg(), settings, TerminalProgress.forTerminal(false));
        Map<String, Object> training = ModelFiles.trainingMetadata(result);
        training.putAll(run.specMetadata());
        String systemName = run.systemName();
        ModelFiles.save(new ModelFiles.SavedModel(result.network(), systemName, run.allParameters(), training), run.output());
        int neurons = run.cfg().neurons();
        PrintWriter out = run.out();
        out.printf("trained %s (Dale's law, %d excitatory of %d, J = U W + 1 w0^T): N = %d, d = %d, m = %d, τ = %g%n",
                systemName, settings.excitatoryCount(neurons), neurons, neurons, run.sde().dimension(),
                run.sde().noiseDimension(), run.cfg().tau());
        out.printf("  λ = %.3e; training drift error %.3e, balance error %.3e on %d samples (latent jitter σ_Z = %.3g, %s); %.2f s%n",
                result.lambda(), result.trainingError(), result.balanceError(), run.cfg().sampling().samples(),
                result.balanceJitter(), connectivity.balanceJitterAuto() ? "auto" : "given", result.seconds());
        double[] loss = result.lossCurve();
        out.printf("  loss %.4e after %d iteration(s), %.4e after %d (%s; every column sign-exact: cone slope κ = %.4f)%n",
                loss[0], result.lossIteration(0), loss[loss.length - 1], result.iterations(),
                result.converged() ? "converged" : "iteration cap reached, not converged", result.coneSlope());
        run.written();
        Warnings.print(run.err(), "train", Collections.singletonList(Warnings.ofNetworkStep(result.network(),
                result.network().defaultTimeStep(), Sampler.schemeFor(result.network()))));
        return ExitCodes.OK;
    }
}
