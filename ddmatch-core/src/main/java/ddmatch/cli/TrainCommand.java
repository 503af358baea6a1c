package ddmatch.cli;

import ddmatch.fit.DataConfig;
import ddmatch.fit.DataDrivenMatcher;
import ddmatch.check.AutoTuner;
import ddmatch.fit.ConstrainedMatcher;
import ddmatch.fit.DaleMatcher;
import ddmatch.fit.Constraints;
import ddmatch.fit.DenseTrainingResult;
import ddmatch.fit.DriftMatcher;
import ddmatch.fit.FullRankConfig;
import ddmatch.fit.FullRankMatcher;
import ddmatch.fit.MatchConfig;
import ddmatch.fit.SamplingConfig;
import ddmatch.fit.SparseConfig;
import ddmatch.fit.SparseMatcher;
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
import java.util.List;
import java.util.ArrayList;
import ddmatch.fit.Sampler;
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

    @picocli.CommandLine.Mixin
    ThreadsOption threadsOption;

    @Parameters(paramLabel = "SYSTEM", arity = "0..1",
            description = "a catalog system (see: ddmatch systems) or a system spec file (.yaml, .yml or .json); optional with --data")
    String system;

    @picocli.CommandLine.Mixin
    InitialStateOption initialState = new InitialStateOption();

    @Option(names = "--data", paramLabel = "FILE",
            description = "train on this trajectory (.npy or .csv: time column then one column per dimension, regular sampling; "
                    + "default: none, train on SYSTEM's equations)")
    Path data;

    @Option(names = "--dt-data", paramLabel = "DT",
            description = "time between rows of --data in the system's time units (default: the step of its time column)")
    Double dtData;

    @Option(names = "--bins", defaultValue = "0", paramLabel = "B",
            description = "bins per dimension for averaging the data's increments (default: 100, 60, 40 for d = 1, 2, 3; 20 above)")
    int bins;

    @Option(names = "--noise", defaultValue = "constant", paramLabel = "MODEL",
            description = "diffusion model fitted to --data: constant or state-dependent (default: ${DEFAULT-VALUE})")
    String noise;

    @Option(names = {"-n", "--neurons"}, defaultValue = "1000", paramLabel = "N|auto",
            description = "number of neurons N, or 'auto': the smallest N = 25, 50, 100, … whose auto-tuned held-out drift "
                    + "error meets --drift-error (default: ${DEFAULT-VALUE})")
    String neuronsText;

    /** N as a number (set from --neurons in call(); for 'auto', the N found). */
    int neurons;

    @Option(names = "--drift-error", defaultValue = "1e-3", paramLabel = "E",
            description = "held-out drift error target of --neurons auto: mean ‖P·drift − f̃‖ / rms‖f̃‖, dimensionless "
                    + "(default: ${DEFAULT-VALUE})")
    double driftError;

    @Option(names = "--max-neurons", defaultValue = "1600", paramLabel = "N",
            description = "largest N tried by --neurons auto (default: ${DEFAULT-VALUE})")
    int maxNeurons;

    @Option(names = "--auto-tune",
            description = "choose σ_b ∈ {0.5, 1, 2, 3} and jitter ∈ {0.05, 0.1, 0.2} (λ by GCV) by held-out drift error, "
                    + "validated by simulating the full network from 3 starts × 1000 time units against the target "
                    + "(moments ±25%%, mean D_stsp ≤ 1.25× its noise floor, λmax ±10%% if chaotic); when every candidate "
                    + "fails, the embedding is redrawn up to 8 times; prints every simulated candidate and records all in "
                    + "the model (default: off; implied by --neurons auto)")
    boolean autoTune;

    @Option(names = "--sampler", defaultValue = "trajectory", paramLabel = "KIND",
            description = "training points: trajectory, box, lhs, grid (d ≤ 3) or mixture (default: ${DEFAULT-VALUE})")
    String sampler;

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

    @Option(names = "--samples", defaultValue = "5000", paramLabel = "M",
            description = "training points M (≥ 10; default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--jitter", defaultValue = "0.1", paramLabel = "J",
            description = "std of the Gaussian jitter added to trajectory samples, in standardised units (one std of each "
                    + "coordinate; default: ${DEFAULT-VALUE})")
    double jitter;

    @Option(names = "--box-fraction", defaultValue = "0.0", paramLabel = "F",
            description = "fraction of samples uniform in the trajectory's bounding box (default: ${DEFAULT-VALUE}; 0.2 suits multistable 1-D/2-D systems)")
    double boxFraction;

    @Option(names = "--lambda", paramLabel = "LAMBDA",
            description = "fixed ridge regularisation λ ≥ 0 in absolute units (the printed trace scale tr(ΦᵀΦ)/N puts it in "
                    + "context; default: chosen by generalised cross-validation over 1e-16 … 1 × the trace scale)")
    Double lambda;

    @Option(names = "--activation", defaultValue = "tanh", paramLabel = "PHI",
            description = "φ: tanh, softplus or linear (default: ${DEFAULT-VALUE})")
    String activation;

    @Option(names = "--connectivity", defaultValue = "factored", paramLabel = "KIND",
            description = "factored (J = U W, closed form), full-rank (J = J0 + dJ: random bulk plus a full ridge fit), "
                    + "sparse (dense J with a random mask, each entry allowed with probability --connection-probability, "
                    + "fitted row by row in closed form with off-manifold samples, optionally |J_ij| <= --weight-bound), "
                    + "dale (Dale's law on a low-rank J = U W + 1 w0^T, by ADMM with second-order-cone projections; "
                    + "holds its manifold) or dale-dense (sign-constrained dense J by accelerated projected gradient; "
                    + "NOT transversely stable) (default: ${DEFAULT-VALUE})")
    String connectivity;

    @Option(names = "--bulk-gain", defaultValue = "0.5", paramLabel = "G0",
            description = "full-rank: gain g0 ≥ 0 of the random bulk J0, dimensionless, entries of variance g0^2/N (default: "
                    + "${DEFAULT-VALUE}; the manifold is lost at large g0 when --samples < N: see README)")
    double bulkGain;

    @Option(names = "--bulk-sparsity", defaultValue = "1.0", paramLabel = "P",
            description = "full-rank: connection probability p of J0, in (0, 1]; kept entries are scaled by 1/√p so the "
                    + "variance stays g0^2/N; recorded in the model as bulkSparsity (default: ${DEFAULT-VALUE}, dense)")
    double bulkSparsity;

    @Option(names = "--connection-probability", defaultValue = "0.5", paramLabel = "P",
            description = "sparse: probability p in (0, 1] that an entry J_ij is allowed (seeded mask; the realised density "
                    + "and the mask seed are recorded in the model); every row needs at least 2(d + 1) allowed columns, "
                    + "and the simulated network holds its manifold only for p·N large enough (see README) "
                    + "(default: ${DEFAULT-VALUE})")
    double connectionProbability;

    @Option(names = "--weight-bound", paramLabel = "B",
            description = "sparse: bound B > 0 on every |J_ij|, dimensionless like J, enforced exactly by accelerated "
                    + "projected gradient (--iterations) warm-started from the unbounded fit; the loss curve is recorded "
                    + "(default: none)")
    Double weightBound;

    @Option(names = "--transverse-scale", defaultValue = "0.05", paramLabel = "SIGMA",
            description = "sparse: std σ_ξ ≥ 0 per unit of the off-manifold offsets of the twin samples that teach J to "
                    + "pull the state back to the manifold, in units of the neurons' input x; 0 for none "
                    + "(default: ${DEFAULT-VALUE})")
    double transverseScale;

    @Option(names = "--excitatory", defaultValue = "0.8", paramLabel = "FRACTION",
            description = "dale, dale-dense: fraction of excitatory units, in (0, 1] (default: ${DEFAULT-VALUE})")
    double excitatory;

    @Option(names = "--iterations", defaultValue = "2000", paramLabel = "K",
            description = "dale: at most K ADMM iterations (it stops earlier once the primal and dual residuals meet their "
                    + "tolerances); dale-dense, and sparse with --weight-bound: projected-gradient iterations "
                    + "(default: ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--balance-weight", defaultValue = "100", paramLabel = "OMEGA",
            description = "dale: weight ω of the population-mean (E/I balance) rows in the loss, > 0; larger keeps the "
                    + "population mean closer to its set point at some cost in drift error (default: ${DEFAULT-VALUE})")
    double balanceWeight;

    @Option(names = "--balance-jitter", defaultValue = "auto", paramLabel = "SIGMA|auto",
            description = "dale: standard deviation σ_Z ≥ 0, in standardised latent units (1 = the target's own standard "
                    + "deviation), of the Gaussian jitter added to the latent state of the E/I-balance samples, so that the "
                    + "balance holds where runs of a noisy target go beyond the sampled trajectory; auto = the target's "
                    + "noise-driven spread √(tr(G̃G̃ᵀ)/(2 d κ)), κ its mean contraction rate, capped at 1 (0 without noise) "
                    + "(default: ${DEFAULT-VALUE})")
    String balanceJitter;

    @Option(names = "--mean-gain", defaultValue = "0", paramLabel = "GAMMA",
            description = "dale: extra relaxation γ ≥ 0 of the population mean z0, which is fitted to relax at rate "
                    + "(1 + γ)/τ (default: ${DEFAULT-VALUE})")
    double meanGain;

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
        boolean autoNeurons = "auto".equalsIgnoreCase(neuronsText.trim());
        if (autoNeurons) {
            neurons = Math.max(25, sde.dimension());
            if (!(driftError > 0) || !Double.isFinite(driftError)) {
                throw new IllegalArgumentException("--drift-error = " + driftError + " is not allowed; it must be finite and > 0");
            }
            if (maxNeurons < neurons) {
                throw new IllegalArgumentException("--max-neurons = " + maxNeurons + " is not allowed; it must be ≥ " + neurons);
            }
        } else {
            try {
                neurons = Integer.parseInt(neuronsText.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--neurons = '" + neuronsText + "' is not allowed; give a whole number ≥ "
                        + sde.dimension() + " or 'auto'");
            }
        }
        SamplingConfig.Kind kind = switch (sampler.toLowerCase(java.util.Locale.ROOT)) {
            case "trajectory" -> SamplingConfig.Kind.TRAJECTORY;
            case "box" -> SamplingConfig.Kind.BOX;
            case "lhs" -> SamplingConfig.Kind.LHS;
            case "grid" -> SamplingConfig.Kind.GRID;
            case "mixture" -> SamplingConfig.Kind.MIXTURE;
            default -> throw new IllegalArgumentException("--sampler = '" + sampler
                    + "' is not allowed; give trajectory, box, lhs, grid or mixture");
        };
        if (kind == SamplingConfig.Kind.GRID && sde.dimension() > 3) {
            throw new IllegalArgumentException("--sampler = grid is not allowed for system '" + system + "' of dimension "
                    + sde.dimension() + "; a grid is for d ≤ 3 (use lhs, box or mixture)");
        }
        int kFolds = switch (lambdaSelection.toLowerCase(java.util.Locale.ROOT)) {
            case "gcv" -> 0;
            case "kfold" -> folds;
            default -> throw new IllegalArgumentException("--lambda-selection = '" + lambdaSelection
                    + "' is not allowed; give gcv or kfold");
        };
        if (kFolds != 0 && (folds < 2 || folds > samples / 2)) {
            throw new IllegalArgumentException("--folds = " + folds + " is not allowed with --samples = " + samples
                    + "; it must be in [2, samples/2]");
        }
        SamplingConfig sampling = new SamplingConfig(samples, 0.1, 20.0, jitter, boxFraction, kind);
        MatchConfig cfg = new MatchConfig(neurons, tau, Activation.byId(activation), tonicStd, sampling,
                lambda == null ? Double.NaN : lambda, seed);
        if (neurons < sde.dimension()) {
            throw new IllegalArgumentException("--neurons = " + neurons + " is not allowed for system '" + system
                    + "' of dimension " + sde.dimension() + "; N must be ≥ " + sde.dimension());
        }
        if (weightBound != null && !connectivity.equals("sparse")) {
            throw new IllegalArgumentException("--weight-bound is not allowed with --connectivity " + connectivity
                    + "; it applies to sparse only (a bounded dense J: --connectivity sparse --connection-probability 1)");
        }
        if (connectivity.equals("dale")) {
            return trainDale(out, sde, specMetadata, cfg);
        }
        if (!connectivity.equals("factored")) {
            return trainDense(out, sde, specMetadata, cfg);
        }
        ModelFiles.checkWritable(output);
        TrainingResult result;
        AutoTuner.Result tuned = null;
        if (autoNeurons || autoTune) {
            AutoTuner.Plan plan = AutoTuner.Plan.defaults(sde.noiseType() == ddmatch.sde.NoiseType.NONE && sde.hasJacobian());
            AutoTuner.Observer observer = autoTuneProgress(spec.commandLine().getErr());
            tuned = autoNeurons
                    ? AutoTuner.smallestNetwork(sde, cfg, plan, driftError, neurons, maxNeurons,
                            TerminalProgress.forTerminal(false), observer)
                    : AutoTuner.tune(sde, cfg, plan, TerminalProgress.forTerminal(false), observer);
            result = tuned.best();
            neurons = result.config().neurons();
        } else {
            result = DriftMatcher.train(sde, cfg, kFolds, TerminalProgress.forTerminal(false));
        }
        Map<String, Double> allParams = new LinkedHashMap<>(sde instanceof UserSystem u ? u.parameters()
                : SystemCatalog.get(system).defaults());
        allParams.putAll(params);
        // A spec file's path and checksum go with the model, so that 'simulate' can find the target's initial state.
        Map<String, Object> training = ModelFiles.trainingMetadata(result);
        training.putAll(specMetadata);
        // Non-default choices only, so that default runs keep writing the same files as before.
        if (kind != SamplingConfig.Kind.TRAJECTORY) {
            training.put("sampler", kind.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (kFolds != 0 && tuned == null && lambda == null) {
            training.put("lambdaSelection", "kfold");
            training.put("folds", kFolds);
        }
        if (tuned != null) {
            training.put("autoTuned", true);
            training.put("autoTuneValidated", tuned.validated());
            training.put("heldOutDriftError", tuned.chosen().driftError());
            training.put("autoTuneBaseSeed", seed);
            training.put("autoTuneLambdaFactor", tuned.chosen().lambdaFactor());
            // Every candidate fitted and why it was rejected, so that the model records how it was chosen.
            List<AutoTuner.Candidate> cs = tuned.candidates();
            training.put("autoTuneCandidates", cs.size());
            for (int i = 0; i < cs.size(); i++) {
                training.put(String.format("autoTuneCandidate%03d", i + 1), cs.get(i).summary());
            }
        }
        String systemName = sde instanceof UserSystem ? sde.name() : system;
        ModelFiles.save(new ModelFiles.SavedModel(result.network(), systemName, allParams, training), output);
        out.printf("trained %s: N = %d, d = %d, m = %d, τ = %g%n", systemName, neurons, sde.dimension(), sde.noiseDimension(), tau);
        out.printf("  λ = %.3e (%.1e × trace scale, by %s%s), %s form, %s%n", result.ridge().lambda(),
                result.ridge().lambda() / result.ridge().lambdaScale(), Double.isNaN(cfg.lambda()) ? "GCV" : "hand",
                ridgeNote(result.ridge()), result.ridge().form().name().toLowerCase(),
                result.ridge().factorization());
        out.printf("  training drift error %.3e on %d samples; %.2f s (Gram product: %s)%n", result.trainingError(), result.samples(),
                result.seconds(), ddmatch.fit.NativeBlas.describe());
        if (tuned != null) {
            printAutoTune(out, tuned);
            if (autoNeurons && tuned.chosen().driftError() > driftError) {
                out.printf("  warning: no N ≤ %d met --drift-error %g; the largest tried is saved%n", maxNeurons, driftError);
            }
        }
        if (lambdaCurve != null) {
            ddmatch.fit.LambdaCurve c = result.ridge().curve();
            StringBuilder csv = new StringBuilder("lambda,score\n");
            for (int i = 0; i < c.lambdas().length; i++) {
                csv.append(c.lambdas()[i]).append(',').append(c.scores()[i]).append('\n');
            }
            ddmatch.io.AtomicFiles.writeString(lambdaCurve, csv.toString());
            out.printf("  λ curve (%s) written to %s%n", c.criterion().name().toLowerCase(java.util.Locale.ROOT), lambdaCurve);
        }
        out.printf("  model written to %s%n", output);
        out.flush();
        return ExitCodes.OK;
    }

    /** One stderr line per simulated candidate, so that a long search shows where it is. */
    /** The λ line's note on where GCV's choice sits: at the rounding floor (working precision) or the grid's upper edge. */
    static String ridgeNote(ddmatch.fit.RidgeSolution ridge) {
        if (ridge.atRoundingFloor()) {
            return String.format(", at the rounding floor n·u·e_max = %.1e × scale", ridge.roundingFloor() / ridge.lambdaScale());
        }
        return ridge.atGridEdge() ? ", AT THE UPPER EDGE OF THE GRID" : "";
    }

    private static AutoTuner.Observer autoTuneProgress(PrintWriter err) {
        return new AutoTuner.Observer() {
            @Override public void validated(AutoTuner.Candidate c) {
                err.println("ddmatch train: auto-tune: " + c.summary());
                err.flush();
            }
        };
    }

    /** The choice and a table of the simulated candidates (the others were ranked out by held-out drift error). */
    private static void printAutoTune(PrintWriter out, AutoTuner.Result tuned) {
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

    /** {@code --data}: Kramers–Moyal fit to a trajectory; SYSTEM, if given, is recorded as the data's origin. */
    private Integer trainOnData() throws Exception {
        try {
            neurons = Integer.parseInt(neuronsText.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--neurons = '" + neuronsText + "' is not allowed with --data; give a whole number");
        }
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
                ridgeNote(result.ridge()), result.samples());
        out.printf("  model written to %s%n", output);
        out.flush();
        List<String> warnings = new ArrayList<>(Warnings.ofRidge(result.ridge(), Double.isNaN(cfg.lambda())));
        warnings.add(Warnings.ofNetworkStep(result.network(), result.network().defaultTimeStep(), Sampler.schemeFor(result.network())));
        Warnings.print(spec.commandLine().getErr(), "train", warnings);
        return ExitCodes.OK;
    }

    /** {@code --connectivity dale}: low-rank Dale network ({@link DaleMatcher}), saved as a factored model with W0.npy. */
    private Integer trainDale(PrintWriter out, Sde sde, Map<String, Object> specMetadata, MatchConfig cfg) throws Exception {
        if (!(excitatory > 0 && excitatory <= 1)) {
            throw new IllegalArgumentException("--excitatory = " + excitatory + " is not allowed; it must be in (0, 1]");
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("--iterations = " + iterations + " is not allowed; it must be ≥ 1");
        }
        if (!(balanceWeight > 0) || !Double.isFinite(balanceWeight)) {
            throw new IllegalArgumentException("--balance-weight = " + balanceWeight + " is not allowed; it must be finite and > 0");
        }
        if (!(meanGain >= 0) || !Double.isFinite(meanGain)) {
            throw new IllegalArgumentException("--mean-gain = " + meanGain + " is not allowed; it must be finite and ≥ 0");
        }
        double sigmaZ = Double.NaN;
        if (!balanceJitter.equals("auto")) {
            try {
                sigmaZ = Double.parseDouble(balanceJitter);
            } catch (NumberFormatException e) {
                sigmaZ = -1;
            }
            if (!(sigmaZ >= 0) || !Double.isFinite(sigmaZ)) {
                throw new IllegalArgumentException("--balance-jitter = " + balanceJitter
                        + " is not allowed; it must be 'auto' or a finite number ≥ 0");
            }
        }
        DaleMatcher.Settings settings = DaleMatcher.Settings.of(excitatory).withIterations(iterations)
                .withBalanceWeight(balanceWeight).withBalanceJitter(sigmaZ).withMeanGain(meanGain);
        ModelFiles.checkWritable(output);
        DaleMatcher.Result result = DaleMatcher.train(sde, cfg, settings, TerminalProgress.forTerminal(false));
        Map<String, Double> allParams = new LinkedHashMap<>(sde instanceof UserSystem u ? u.parameters()
                : SystemCatalog.get(system).defaults());
        allParams.putAll(params);
        Map<String, Object> training = ModelFiles.trainingMetadata(result);
        training.putAll(specMetadata);
        String systemName = sde instanceof UserSystem ? sde.name() : system;
        ModelFiles.save(new ModelFiles.SavedModel(result.network(), systemName, allParams, training), output);
        out.printf("trained %s (Dale's law, %d excitatory of %d, J = U W + 1 w0^T): N = %d, d = %d, m = %d, τ = %g%n",
                systemName, settings.excitatoryCount(neurons), neurons, neurons, sde.dimension(), sde.noiseDimension(), tau);
        out.printf("  λ = %.3e; training drift error %.3e, balance error %.3e on %d samples (latent jitter σ_Z = %.3g, %s); %.2f s%n",
                result.lambda(), result.trainingError(), result.balanceError(), cfg.sampling().samples(),
                result.balanceJitter(), Double.isNaN(sigmaZ) ? "auto" : "given", result.seconds());
        double[] loss = result.lossCurve();
        out.printf("  loss %.4e after %d iteration(s), %.4e after %d (%s; every column sign-exact: cone slope κ = %.4f)%n",
                loss[0], result.lossIteration(0), loss[loss.length - 1], result.iterations(),
                result.converged() ? "converged" : "iteration cap reached, not converged", result.coneSlope());
        out.printf("  model written to %s%n", output);
        out.flush();
        List<String> warnings = new ArrayList<>();
        warnings.add(Warnings.ofNetworkStep(result.network(), result.network().defaultTimeStep(), Sampler.schemeFor(result.network())));
        Warnings.print(spec.commandLine().getErr(), "train", warnings);
        return ExitCodes.OK;
    }

    /**
     * The sparse settings from the options, validated before anything is written: p, B, σ_ξ, the iteration count, and
     * the mask itself (every row needs {@link SparseMatcher#minimumColumns} allowed columns).
     */
    private SparseConfig sparseConfig(Sde sde, MatchConfig cfg) {
        if (!(connectionProbability > 0 && connectionProbability <= 1)) {
            throw new IllegalArgumentException("--connection-probability = " + connectionProbability
                    + " is not allowed; it must be in (0, 1]");
        }
        if (weightBound != null && !(weightBound > 0)) {
            throw new IllegalArgumentException("--weight-bound = " + weightBound + " is not allowed; it must be > 0");
        }
        if (!(transverseScale >= 0) || !Double.isFinite(transverseScale)) {
            throw new IllegalArgumentException("--transverse-scale = " + transverseScale
                    + " is not allowed; it must be finite and ≥ 0");
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("--iterations = " + iterations + " is not allowed; it must be ≥ 1");
        }
        int need = SparseMatcher.minimumColumns(sde.dimension());
        int fewest = SparseMatcher.minimumRowColumns(SparseMatcher.mask(neurons, connectionProbability,
                SparseMatcher.maskSeed(cfg.seed())), neurons);
        if (fewest < need) {
            throw new IllegalArgumentException(String.format("--connection-probability = %s is too small for --neurons = %d: "
                    + "a row of the mask has %d allowed columns and each needs at least %d (2(d + 1), d = %d); "
                    + "raise p or N", connectionProbability, neurons, fewest, need, sde.dimension()));
        }
        SparseConfig sc = SparseConfig.of(connectionProbability).withTransverseScale(transverseScale).withIterations(iterations);
        return weightBound == null ? sc : sc.withWeightBound(weightBound);
    }

    private Integer trainDense(PrintWriter out, Sde sde, Map<String, Object> specMetadata, MatchConfig cfg) throws Exception {
        DenseTrainingResult result;
        SparseMatcher.Result sparseResult = null;
        String how;
        switch (connectivity) {
            case "full-rank" -> {
                FullRankConfig bulk = new FullRankConfig(bulkGain, bulkSparsity);
                ModelFiles.checkWritable(output);
                result = FullRankMatcher.train(sde, cfg, bulk, TerminalProgress.forTerminal(false));
                how = String.format("full rank, g0 = %g, p = %g", bulkGain, bulkSparsity);
            }
            case "dale-dense" -> {
                Constraints c = Constraints.dale(excitatory).withIterations(iterations);
                ModelFiles.checkWritable(output);
                result = ConstrainedMatcher.train(sde, cfg, c, TerminalProgress.forTerminal(false));
                how = String.format("Dale's law, %d excitatory of %d, %d iterations", c.excitatoryCount(neurons), neurons,
                        iterations);
            }
            case "sparse" -> {
                SparseConfig sc = sparseConfig(sde, cfg);
                ModelFiles.checkWritable(output);
                sparseResult = SparseMatcher.train(sde, cfg, sc, TerminalProgress.forTerminal(false));
                result = sparseResult.dense();
                how = String.format("sparse, p = %g, realised density %.4f%s", connectionProbability,
                        sparseResult.density(), sc.bounded() ? String.format(", |J_ij| ≤ %g", weightBound) : "");
            }
            default -> throw new IllegalArgumentException("--connectivity = '" + connectivity
                    + "' is not allowed; choose factored, full-rank, sparse, dale or dale-dense");
        }
        Map<String, Double> allParams = new LinkedHashMap<>(sde instanceof UserSystem u ? u.parameters()
                : SystemCatalog.get(system).defaults());
        allParams.putAll(params);
        Map<String, Object> training = sparseResult != null ? ModelFiles.trainingMetadata(sparseResult)
                : ModelFiles.trainingMetadata(result);
        training.put("connectivity", connectivity);
        if (connectivity.equals("full-rank")) {
            training.put("bulkGain", bulkGain);
            training.put("bulkSparsity", bulkSparsity);
        } else if (connectivity.equals("dale-dense")) {
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
        if (sparseResult != null) {
            out.printf("  mask seed %d, density %.4f, fewest allowed columns in a row %d; unbounded fit: loss %.4e, "
                    + "max|J_ij| %.4g%n", sparseResult.maskSeed(), sparseResult.density(), sparseResult.minimumRowColumns(),
                    sparseResult.unboundedLoss(), sparseResult.unboundedMaxWeight());
        }
        if (loss.length > 0) {
            out.printf("  loss %.4e after 1 iteration, %.4e after %d%n", loss[0], loss[loss.length - 1], loss.length);
        }
        out.printf("  model written to %s%n", output);
        out.flush();
        return ExitCodes.OK;
    }
}
