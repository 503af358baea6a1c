package ddmatch.cli;

import ddmatch.fit.DataConfig;
import ddmatch.fit.DataDrivenMatcher;
import ddmatch.fit.DriftMatcher;
import ddmatch.fit.MatchConfig;
import ddmatch.fit.SamplingConfig;
import ddmatch.fit.TrainingResult;
import ddmatch.io.ModelFiles;
import ddmatch.io.SystemSpecs;
import ddmatch.io.TrajectoryFiles;
import ddmatch.rnn.Activation;
import ddmatch.sde.Sde;
import ddmatch.sde.SystemCatalog;
import ddmatch.sde.user.UserSystem;
import ddmatch.solve.Trajectory;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
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

/**
 * {@code ddmatch train SYSTEM}: fits a network in closed form and saves it as a model directory; {@code ddmatch train
 * --data FILE}: fits it to a sampled trajectory alone ({@link DataDrivenMatcher}), recording the data file's name and
 * SHA-256 in the model.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a rate network that carries SYSTEM's drift and diffusion (closed-form ridge fit, λ by GCV) "
                + "and save it as a model directory. With --data, train on a sampled trajectory instead "
                + "(Kramers–Moyal increments); SYSTEM is then optional and only names where the data came from.")
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SYSTEM", arity = "0..1",
            description = "a catalog system (see: ddmatch systems) or a system spec file (.yaml, .yml or .json); optional with --data")
    String system;

    @picocli.CommandLine.Mixin
    InitialStateOption initialState = new InitialStateOption();

    @Option(names = "--data", paramLabel = "FILE",
            description = "train on this trajectory (.npy or .csv: time column then one column per dimension, regular sampling)")
    Path data;

    @Option(names = "--dt-data", paramLabel = "DT",
            description = "time between rows of --data in the system's time units (default: the step of its time column)")
    Double dtData;

    @Option(names = "--bins", defaultValue = "0",
            description = "bins per dimension for averaging the data's increments (default: 100, 60, 40 for d = 1, 2, 3; 20 above)")
    int bins;

    @Option(names = "--noise", defaultValue = "constant",
            description = "diffusion model fitted to --data: constant or state-dependent (default: ${DEFAULT-VALUE})")
    String noise;

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
        if (data != null) {
            return trainOnData();
        }
        if (system == null) {
            throw new IllegalArgumentException("SYSTEM is missing; give a catalog system or spec file, or --data FILE");
        }
        if (dtData != null) {
            throw new IllegalArgumentException("--dt-data = " + dtData + " is only allowed with --data");
        }
        PrintWriter out = spec.commandLine().getOut();
        // Everything is validated before anything is written.
        Sde sde = initialState.apply(SystemSpecs.resolve(system, params));
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
        return ExitCodes.OK;
    }

    /** {@code --data}: Kramers–Moyal fit to a trajectory; SYSTEM, if given, is recorded as the data's origin. */
    private Integer trainOnData() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        TrajectoryFiles.checkExtension(data);
        DataConfig.NoiseModel model = switch (noise) {
            case "constant" -> DataConfig.NoiseModel.CONSTANT;
            case "state-dependent" -> DataConfig.NoiseModel.STATE_DEPENDENT;
            default -> throw new IllegalArgumentException("--noise = " + noise
                    + " is not allowed; allowed are constant and state-dependent");
        };
        if (dtData != null && (!(dtData > 0) || !Double.isFinite(dtData))) {
            throw new IllegalArgumentException("--dt-data = " + dtData + " is not allowed; it must be finite and > 0");
        }
        Sde origin = system == null ? null : SystemSpecs.resolve(system, params);
        Trajectory traj = TrajectoryFiles.read(data);
        double dt = dtData != null ? dtData : traj.interval();
        DataConfig dcfg = new DataConfig(dt, bins, model);
        if (origin != null && origin.dimension() != traj.dimension()) {
            throw new IllegalArgumentException("--data has " + traj.dimension() + " components but system '" + system
                    + "' has dimension " + origin.dimension() + "; they must agree");
        }
        if (neurons < traj.dimension()) {
            throw new IllegalArgumentException("--neurons = " + neurons + " is not allowed for data of dimension "
                    + traj.dimension() + "; N must be ≥ " + traj.dimension());
        }
        SamplingConfig sampling = new SamplingConfig(samples, 0.1, 20.0, jitter, boxFraction);
        MatchConfig cfg = new MatchConfig(neurons, tau, Activation.byId(activation), tonicStd, sampling,
                lambda == null ? Double.NaN : lambda, seed);
        ModelFiles.checkWritable(output);
        String dataName = String.valueOf(data.getFileName());
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(data)));
        String systemName = origin == null ? "data:" + dataName : origin instanceof UserSystem ? origin.name() : system;
        DataDrivenMatcher.DataTrainingResult r = DataDrivenMatcher.train(traj, origin == null ? "data" : origin.name(), cfg,
                dcfg, TerminalProgress.forTerminal(false));
        TrainingResult result = r.training();
        Map<String, Object> training = ModelFiles.trainingMetadata(result);
        // Sampling settings do not apply to a data fit; its own settings and the data's identity replace them.
        training.keySet().removeAll(java.util.List.of("jitter", "sampleInterval", "transientTime", "boxFraction"));
        training.put("dataDriven", true);
        training.put("dataFile", data.toAbsolutePath().normalize().toString());
        training.put("dataSha256", sha);
        training.put("dataRows", r.dataRows());
        training.put("dataInterval", dt);
        training.put("bins", dcfg.bins(traj.dimension()));
        training.put("noiseModel", noise);
        Map<String, Double> allParams = new LinkedHashMap<>();
        if (origin != null) {
            training.putAll(SystemSpecs.specMetadata(system));
            allParams.putAll(origin instanceof UserSystem u ? u.parameters() : SystemCatalog.get(system).defaults());
            allParams.putAll(params);
        }
        ModelFiles.save(new ModelFiles.SavedModel(result.network(), systemName, allParams, training), output);
        out.printf("trained on %s (%d rows, Δt = %g): N = %d, d = %d, τ = %g, %s noise%n", dataName, r.dataRows(), dt,
                neurons, traj.dimension(), tau, noise);
        out.printf("  λ = %.3e (%.1e × trace scale, by %s%s) on %d occupied bins%n", result.ridge().lambda(),
                result.ridge().lambda() / result.ridge().lambdaScale(), Double.isNaN(cfg.lambda()) ? "GCV" : "hand",
                result.ridge().atGridEdge() ? ", AT THE EDGE OF THE GRID" : "", result.samples());
        out.printf("  model written to %s%n", output);
        out.flush();
        return ExitCodes.OK;
    }
}
