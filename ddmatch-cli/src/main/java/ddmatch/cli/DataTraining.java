package ddmatch.cli;

import ddmatch.fit.DataConfig;
import ddmatch.fit.DataDrivenMatcher;
import ddmatch.fit.MatchConfig;
import ddmatch.fit.Sampler;
import ddmatch.fit.TrainingResult;
import ddmatch.io.ModelFiles;
import ddmatch.io.SystemSpecs;
import ddmatch.io.TrajectoryFiles;
import ddmatch.sde.Sde;
import ddmatch.solve.Trajectory;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * {@code ddmatch train --data FILE}: the Kramers–Moyal fit to a sampled trajectory ({@link DataDrivenMatcher}); SYSTEM,
 * if given, is recorded as the data's origin, and the data file's name and SHA-256 go with the model.
 */
final class DataTraining {
    private DataTraining() {}

    /**
     * Validates the data options and the file, trains, saves and prints the summary and warnings.
     *
     * @param data    the data options
     * @param neurons N
     * @param system  SYSTEM as given, or null when the data's origin is not named
     * @param params  the {@code --param} overrides of SYSTEM
     * @param config  the fit settings for a given N (built after the data's dimension is checked)
     * @param output  the model directory to write
     * @param out     the summary's stream
     * @param err     the warnings' stream
     * @return the exit code
     */
    static int run(TrainDataOptions data, int neurons, String system, Map<String, Double> params,
                   IntFunction<MatchConfig> config, Path output, PrintWriter out, PrintWriter err) throws Exception {
        Path file = data.data;
        TrajectoryFiles.checkExtension(file);
        DataConfig.NoiseModel model = data.noiseModel();
        data.checkInterval();
        Sde origin = system == null ? null : SystemSpecs.resolve(system, params);
        Trajectory traj = TrajectoryFiles.read(file);
        double dt = data.interval(traj.interval());
        DataConfig dcfg = new DataConfig(dt, data.bins, model);
        if (origin != null && origin.dimension() != traj.dimension()) {
            throw new IllegalArgumentException("--data has " + traj.dimension() + " components but system '" + system
                    + "' has dimension " + origin.dimension() + "; they must agree");
        }
        TrainSizeOptions.checkAtLeast(neurons, traj.dimension(), "data");
        MatchConfig cfg = config.apply(neurons);
        ModelFiles.checkWritable(output);
        String dataName = String.valueOf(file.getFileName());
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        String systemName = origin == null ? "data:" + dataName : TrainRun.systemName(origin, system);
        DataDrivenMatcher.DataTrainingResult r = DataDrivenMatcher.train(traj, origin == null ? "data" : origin.name(), cfg,
                dcfg, TerminalProgress.forTerminal(false));
        TrainingResult result = r.training();
        Map<String, Object> training = ModelFiles.trainingMetadata(result);
        // Sampling settings do not apply to a data fit; its own settings and the data's identity replace them.
        training.keySet().removeAll(List.of("jitter", "sampleInterval", "transientTime", "boxFraction"));
        training.put("dataDriven", true);
        training.put("dataFile", file.toAbsolutePath().normalize().toString());
        training.put("dataSha256", sha);
        training.put("dataRows", r.dataRows());
        training.put("dataInterval", dt);
        training.put("bins", dcfg.bins(traj.dimension()));
        training.put("noiseModel", data.noise);
        Map<String, Double> allParams = new LinkedHashMap<>();
        if (origin != null) {
            training.putAll(SystemSpecs.specMetadata(system));
            allParams.putAll(TrainRun.allParameters(origin, system, params));
        }
        ModelFiles.save(new ModelFiles.SavedModel(result.network(), systemName, allParams, training), output);
        out.printf("trained on %s (%d rows, Δt = %g): N = %d, d = %d, τ = %g, %s noise%n", dataName, r.dataRows(), dt,
                neurons, traj.dimension(), cfg.tau(), data.noise);
        out.printf("  λ = %.3e (%.1e × trace scale, by %s%s) on %d occupied bins%n", result.ridge().lambda(),
                result.ridge().lambda() / result.ridge().lambdaScale(), Double.isNaN(cfg.lambda()) ? "GCV" : "hand",
                TrainCommand.ridgeNote(result.ridge()), result.samples());
        out.printf("  training drift error %.3e (against the binned drift estimates); %.2f s%n", result.trainingError(),
                result.seconds());
        TrainRun.written(out, output);
        List<String> warnings = new ArrayList<>(Warnings.ofRidge(result.ridge(), Double.isNaN(cfg.lambda())));
        warnings.add(Warnings.ofNetworkStep(result.network(), result.network().defaultTimeStep(), Sampler.schemeFor(result.network())));
        Warnings.print(err, "train", warnings);
        return ExitCodes.OK;
    }
}
