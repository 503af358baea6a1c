package ddmatch.cli;

import ddmatch.fit.DriftMatcher;
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
import java.util.List;
import java.util.ArrayList;
import ddmatch.fit.Sampler;
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

    @picocli.CommandLine.Mixin
    ThreadsOption threadsOption;

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
        List<String> warnings = new ArrayList<>(Warnings.ofRidge(result.ridge(), Double.isNaN(cfg.lambda())));
        warnings.add(Warnings.ofTargetStep(sde, sde.defaultTimeStep(), Sampler.schemeFor(sde)));
        warnings.add(Warnings.ofNetworkStep(result.network(), result.network().defaultTimeStep(), Sampler.schemeFor(result.network())));
        Warnings.print(spec.commandLine().getErr(), "train", warnings);
        return ExitCodes.OK;
    }
}
