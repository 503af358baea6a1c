package ddmatch.cli;

import ddmatch.fit.DataDrivenMatcher;
import ddmatch.fit.MatchConfig;
import ddmatch.fit.RidgeSolution;
import ddmatch.fit.SamplingConfig;
import ddmatch.io.SystemSpecs;
import ddmatch.rnn.Activation;
import ddmatch.sde.Sde;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ddmatch train SYSTEM}: fits a network in closed form and saves it as a model directory; {@code ddmatch train
 * --data FILE}: fits it to a sampled trajectory alone ({@link DataDrivenMatcher}), recording the data file's name and
 * SHA-256 in the model. The options come in groups (mixins that validate themselves); this class validates them in a
 * fixed order, before anything is written, and hands over to one class per training path: {@link FactoredTraining},
 * {@link DaleTraining}, {@link DenseTraining} (full-rank, dale-dense, sparse) and {@link DataTraining}.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a rate network that carries SYSTEM's drift and diffusion (closed-form ridge fit, λ by GCV) "
                + "and save it as a model directory. With --data, train on a sampled trajectory instead "
                + "(Kramers–Moyal increments); SYSTEM is then optional and only names where the data came from.")
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ThreadsOption threadsOption;

    @Parameters(paramLabel = "SYSTEM", arity = "0..1",
            description = "a catalog system (see: ddmatch systems) or a system spec file (.yaml, .yml or .json); optional with --data")
    String system;

    @Mixin
    InitialStateOption initialState = new InitialStateOption();

    @Mixin
    TrainDataOptions dataOptions = new TrainDataOptions();

    @Mixin
    TrainSizeOptions sizeOptions = new TrainSizeOptions();

    @Mixin
    TrainSamplingOptions samplingOptions = new TrainSamplingOptions();

    @Mixin
    TrainLambdaOptions lambdaOptions = new TrainLambdaOptions();

    @Mixin
    ConnectivityOptions connectivityOptions = new ConnectivityOptions();

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "seed of the embedding and the samples (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "model directory to write (required; replaced only if it is a ddmatch model)")
    Path output;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
            description = "override a system parameter, in the system's own units (repeatable; default: the system's values, "
                    + "see: ddmatch systems show SYSTEM)")
    Map<String, Double> params = new LinkedHashMap<>();

    @Option(names = "--tau", defaultValue = "1.0", paramLabel = "TAU",
            description = "neural time constant τ in the system's time units (default: ${DEFAULT-VALUE})")
    double tau;

    @Option(names = "--tonic-std", defaultValue = "2.0", paramLabel = "SIGMA_B",
            description = "std σ_b of the tonic input b ⟂ U, in units of the neurons' input x (default: ${DEFAULT-VALUE})")
    double tonicStd;

    @Option(names = "--activation", defaultValue = "tanh", paramLabel = "PHI",
            description = "φ: tanh, softplus or linear (default: ${DEFAULT-VALUE})")
    String activation;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        if (dataOptions.given()) {
            int neurons = sizeOptions.forData();
            return DataTraining.run(dataOptions, neurons, system, params,
                    n -> matchConfig(n, samplingOptions.forData()), output, out, err);
        }
        if (system == null) {
            throw new IllegalArgumentException("SYSTEM is missing; give a catalog system or spec file, or --data FILE");
        }
        dataOptions.checkAbsent();
        // Everything is validated before anything is written.
        Sde sde = initialState.apply(SystemSpecs.resolve(system, params));
        Map<String, Object> specMetadata = SystemSpecs.specMetadata(system);
        int d = sde.dimension();
        int neurons = sizeOptions.initial(d);
        SamplingConfig.Kind kind = samplingOptions.kind(system, d);
        int kFolds = lambdaOptions.kFolds(samplingOptions.samples);
        MatchConfig cfg = matchConfig(neurons, samplingOptions.config(kind));
        checkTrainingSteps(sde, cfg.sampling());
        TrainSizeOptions.checkAtLeast(neurons, d, "system '" + system + "'");
        connectivityOptions.checkWeightBoundUse();
        TrainRun run = new TrainRun(sde, system, params, specMetadata, cfg, output, out, err);
        return switch (connectivityOptions.kind()) {
            case FACTORED -> FactoredTraining.run(run, sizeOptions, lambdaOptions, kind, kFolds);
            case DALE -> DaleTraining.run(run, connectivityOptions);
            case FULL_RANK, DALE_DENSE, SPARSE -> DenseTraining.run(run, connectivityOptions.kind(), connectivityOptions);
        };
    }

    /** More steps than this for the target's training run (hours of integration) mean a dt that is far too small. */
    static final double MAX_TRAINING_STEPS = 1e10;

    /**
     * Refuses a time step with which the target's training run (transient, then one sample per interval) could never
     * finish: a spec with dt: 1e-300 looped silently until killed.
     */
    static void checkTrainingSteps(Sde sde, ddmatch.fit.SamplingConfig sampling) {
        double dt = sde.defaultTimeStep();
        double time = sampling.transientTime() + (double) sampling.samples() * Math.max(sampling.interval(), dt);
        double steps = time / dt;
        if (!(steps <= MAX_TRAINING_STEPS)) {
            throw new IllegalArgumentException(String.format("the time step dt = %s of system '%s' needs %.3g steps for"
                    + " the training run (transient %g + %d samples × %g time units); at most %.0e are allowed: give the"
                    + " system a larger dt", dt, sde.name(), steps, sampling.transientTime(), sampling.samples(),
                    sampling.interval(), MAX_TRAINING_STEPS));
        }
    }

    /** The fit settings from the network options (N, τ, φ, σ_b, λ, seed) and the given sampling. */
    private MatchConfig matchConfig(int neurons, SamplingConfig sampling) {
        return new MatchConfig(neurons, tau, Activation.byId(activation), tonicStd, sampling, lambdaOptions.fixedOrNaN(), seed);
    }

    /** The λ line's note on where GCV's choice sits: at the rounding floor (working precision) or the grid's upper edge. */
    static String ridgeNote(RidgeSolution ridge) {
        if (ridge.atRoundingFloor()) {
            return String.format(", at the rounding floor n·u·e_max = %.1e × scale", ridge.roundingFloor() / ridge.lambdaScale());
        }
        return ridge.atGridEdge() ? ", AT THE UPPER EDGE OF THE GRID" : "";
    }
}
