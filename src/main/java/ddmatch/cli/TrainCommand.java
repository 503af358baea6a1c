package ddmatch.cli;

import ddmatch.fit.ConstrainedMatcher;
import ddmatch.fit.Constraints;
import ddmatch.fit.DenseTrainingResult;
import ddmatch.fit.DriftMatcher;
import ddmatch.fit.FullRankConfig;
import ddmatch.fit.FullRankMatcher;
import ddmatch.fit.MatchConfig;
import ddmatch.fit.SamplingConfig;
import ddmatch.fit.TrainingResult;
import ddmatch.io.ModelFiles;
import ddmatch.io.SystemSpecs;
import ddmatch.rnn.Activation;
import ddmatch.sde.Sde;
import ddmatch.sde.SystemCatalog;
import ddmatch.sde.user.UserSystem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ddmatch train SYSTEM}: fits a network in closed form and saves it as a model directory. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a rate network that carries SYSTEM's drift and diffusion (closed-form ridge fit, λ by GCV) "
                + "and save it as a model directory.")
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SYSTEM", description = "a catalog system (see: ddmatch systems) or a system spec file (.yaml, .yml or .json)")
    String system;

    @Option(names = {"-n", "--neurons"}, defaultValue = "1000", description = "number of neurons N (default: ${DEFAULT-VALUE})")
    int neurons;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the embedding and the samples (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "model directory to write")
    Path output;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE", description = "override a system parameter (repeatable)")
    Map<String, Double> params = new LinkedHashMap<>();

    @Option(names = "--tau", defaultValue = "1.0", description = "neural time constant τ in the system's time units (default: ${DEFAULT-VALUE})")
    double tau;

    @Option(names = "--tonic-std", defaultValue = "2.0", description = "std σ_b of the tonic input b ⟂ U (default: ${DEFAULT-VALUE})")
    double tonicStd;

    @Option(names = "--samples", defaultValue = "5000", description = "training points M (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--jitter", defaultValue = "0.1", description = "jitter of the samples in standardised units (default: ${DEFAULT-VALUE})")
    double jitter;

    @Option(names = "--box-fraction", defaultValue = "0.0",
            description = "fraction of samples uniform in the trajectory's bounding box (default: ${DEFAULT-VALUE}; 0.2 suits multistable 1-D/2-D systems)")
    double boxFraction;

    @Option(names = "--lambda", description = "fixed ridge regularisation (default: chosen by generalised cross-validation)")
    Double lambda;

    @Option(names = "--activation", defaultValue = "tanh", description = "φ: tanh, softplus or linear (default: ${DEFAULT-VALUE})")
    String activation;

    @Option(names = "--connectivity", defaultValue = "factored",
            description = "factored (J = U W, closed form), full-rank (J = J0 + dJ: random bulk plus a full ridge fit) or "
                    + "dale (sign-constrained dense J by accelerated projected gradient) (default: ${DEFAULT-VALUE})")
    String connectivity;

    @Option(names = "--bulk-gain", defaultValue = "0.5",
            description = "full-rank: gain g0 of the random bulk J0, entries of variance g0^2/N (default: ${DEFAULT-VALUE})")
    double bulkGain;

    @Option(names = "--bulk-sparsity", defaultValue = "1.0",
            description = "full-rank: connection probability p of J0, in (0, 1] (default: ${DEFAULT-VALUE}, dense)")
    double bulkSparsity;

    @Option(names = "--excitatory", defaultValue = "0.8",
            description = "dale: fraction of excitatory units (default: ${DEFAULT-VALUE})")
    double excitatory;

    @Option(names = "--iterations", defaultValue = "2000",
            description = "dale: projected-gradient iterations (default: ${DEFAULT-VALUE})")
    int iterations;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        // Everything is validated before anything is written.
        Sde sde = SystemSpecs.resolve(system, params);
        Map<String, Object> specMetadata = SystemSpecs.specMetadata(system);
        SamplingConfig sampling = new SamplingConfig(samples, 0.1, 20.0, jitter, boxFraction);
        MatchConfig cfg = new MatchConfig(neurons, tau, Activation.byId(activation), tonicStd, sampling,
                lambda == null ? Double.NaN : lambda, seed);
        if (neurons < sde.dimension()) {
            throw new IllegalArgumentException("--neurons = " + neurons + " is not allowed for system '" + system
                    + "' of dimension " + sde.dimension() + "; N must be ≥ " + sde.dimension());
        }
        if (!connectivity.equals("factored")) {
            return trainDense(out, sde, specMetadata, cfg);
        }
        ModelFiles.checkWritable(output);
        TrainingResult result = DriftMatcher.train(sde, cfg, TerminalProgress.forTerminal(false));
        Map<String, Double> allParams = new LinkedHashMap<>(sde instanceof UserSystem u ? u.parameters()
                : SystemCatalog.get(system).defaults());
        allParams.putAll(params);
        // A spec file's path and checksum go with the model, so that 'simulate' can find the target's initial state.
        Map<String, Object> training = ModelFiles.trainingMetadata(result);
        training.putAll(specMetadata);
        String systemName = sde instanceof UserSystem ? sde.name() : system;
        ModelFiles.save(new ModelFiles.SavedModel(result.network(), systemName, allParams, training), output);
        out.printf("trained %s: N = %d, d = %d, m = %d, τ = %g%n", systemName, neurons, sde.dimension(), sde.noiseDimension(), tau);
        out.printf("  λ = %.3e (%.1e × trace scale, by %s%s), %s form, %s%n", result.ridge().lambda(),
                result.ridge().lambda() / result.ridge().lambdaScale(), Double.isNaN(cfg.lambda()) ? "GCV" : "hand",
                result.ridge().atGridEdge() ? ", AT THE EDGE OF THE GRID" : "", result.ridge().form().name().toLowerCase(),
                result.ridge().factorization());
        out.printf("  training drift error %.3e on %d samples; %.2f s%n", result.trainingError(), result.samples(), result.seconds());
        out.printf("  model written to %s%n", output);
        out.flush();
        return ExitCodes.OK;
    }

    private Integer trainDense(PrintWriter out, Sde sde, Map<String, Object> specMetadata, MatchConfig cfg) throws Exception {
        DenseTrainingResult result;
        String how;
        switch (connectivity) {
            case "full-rank" -> {
                FullRankConfig bulk = new FullRankConfig(bulkGain, bulkSparsity);
                ModelFiles.checkWritable(output);
                result = FullRankMatcher.train(sde, cfg, bulk, TerminalProgress.forTerminal(false));
                how = String.format("full rank, g0 = %g, p = %g", bulkGain, bulkSparsity);
            }
            case "dale" -> {
                Constraints c = Constraints.dale(excitatory).withIterations(iterations);
                ModelFiles.checkWritable(output);
                result = ConstrainedMatcher.train(sde, cfg, c, TerminalProgress.forTerminal(false));
                how = String.format("Dale's law, %d excitatory of %d, %d iterations", c.excitatoryCount(neurons), neurons,
                        iterations);
            }
            default -> throw new IllegalArgumentException("--connectivity = '" + connectivity
                    + "' is not allowed; choose factored, full-rank or dale");
        }
        Map<String, Double> allParams = new LinkedHashMap<>(sde instanceof UserSystem u ? u.parameters()
                : SystemCatalog.get(system).defaults());
        allParams.putAll(params);
        Map<String, Object> training = ModelFiles.trainingMetadata(result);
        training.put("connectivity", connectivity);
        if (connectivity.equals("full-rank")) {
            training.put("bulkGain", bulkGain);
            training.put("bulkSparsity", bulkSparsity);
        } else {
            training.put("excitatoryFraction", excitatory);
        }
        training.putAll(specMetadata);
        String systemName = sde instanceof UserSystem ? sde.name() : system;
        ModelFiles.saveDense(new ModelFiles.SavedDenseModel(result.network(), systemName, allParams, training), output);
        out.printf("trained %s (%s): N = %d, d = %d, m = %d, τ = %g%n", systemName, how, neurons, sde.dimension(),
                sde.noiseDimension(), tau);
        out.printf("  λ = %.3e; training drift error %.3e, transverse drift %.3e on %d samples; %.2f s%n", result.lambda(),
                result.trainingError(), result.transverseError(), result.samples(), result.seconds());
        double[] loss = result.lossCurve();
        if (loss.length > 0) {
            out.printf("  loss %.4e after 1 iteration, %.4e after %d%n", loss[0], loss[loss.length - 1], loss.length);
        }
        out.printf("  model written to %s%n", output);
        out.flush();
        return ExitCodes.OK;
    }
}
