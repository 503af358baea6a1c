package ddmatch.cli;

import ddmatch.fit.Sampler;
import ddmatch.io.AtomicFiles;
import ddmatch.io.ModelFiles;
import ddmatch.io.SimulationCheckpoint;
import ddmatch.io.SystemSpecs;
import ddmatch.io.TrajectoryFiles;
import ddmatch.io.TrajectoryStream;
import ddmatch.rnn.RateNetwork;
import ddmatch.sde.Sde;
import ddmatch.solve.Ensemble;
import ddmatch.solve.GaussianIncrements;
import ddmatch.solve.Integrator;
import ddmatch.solve.SaveAt;
import ddmatch.solve.Scheme;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ddmatch simulate MODEL}: simulates all N neurons of a saved network and streams its readout to a file, with
 * optional checkpoints from which an interrupted run continues bit-identically ({@code --resume}).
 *
 * <p>Rows are streamed to a partial file next to the output ({@link TrajectoryStream}); the output appears only when the
 * run completes. On SIGINT/SIGTERM a shutdown hook asks the run to stop at its next control point (every
 * {@link Integrator#CONTROL_EVERY} steps), which writes a final checkpoint if {@code --checkpoint} was given and otherwise
 * deletes the partial file; the hook waits for that before the JVM exits.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulate a trained network in full (all N neurons; Euler–Maruyama, or RK4 when it has no noise) "
                + "from the target's initial state and write the readout z(t) to FILE (.npy or .csv, time in the first column). "
                + "Rows are streamed to disk; FILE appears only when the run is complete. --trajectories K writes K "
                + "independent runs, run side by side.")
final class SimulateCommand implements Callable<Integer> {
    /** How long the shutdown hook waits for the run to write its final checkpoint. */
    private static final long HOOK_WAIT_SECONDS = 20;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    ThreadsOption threadsOption;

    @Parameters(paramLabel = "MODEL", arity = "0..1", description = "a model directory written by 'ddmatch train' (not with --resume)")
    Path model;

    @Option(names = {"-t", "--time"}, description = "simulated time T, in the system's time units (> 0; required unless --resume)")
    Double time;

    @Option(names = "--dt", description = "time step (> 0; default: the system's default step)")
    Double dt;

    @Option(names = "--every", defaultValue = "1", description = "record every k-th step (default: ${DEFAULT-VALUE})")
    int every;

    @picocli.CommandLine.Mixin
    InitialStateOption initialState = new InitialStateOption();

    @Option(names = "--seed", defaultValue = "1", description = "seed of the noise (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "trajectory file, .npy or .csv (required unless --resume)")
    Path output;

    @Option(names = "--trajectories", paramLabel = "K", defaultValue = "1",
            description = "independent trajectories from the same start (≥ 1; default: ${DEFAULT-VALUE}). With K > 1, "
                    + "trajectory k draws its noise from a seed derived from --seed and k (as 'ddmatch ensemble'), they run "
                    + "on --threads threads with the same results for any number, and FILE holds them one after another, "
                    + "each row led by k: columns trajectory, t, z… (.npy: (K·rows) × (2 + d)). Not with --checkpoint "
                    + "or --resume.")
    int trajectories;

    @Option(names = "--inputs", paramLabel = "SPEC",
            description = "input schedules for a network trained with inputs: a .yaml/.json file whose 'inputs' field maps "
                    + "each input name to a schedule as in a system spec (default: the target spec's schedules)")
    Path inputs;

    /** The network driven by the --inputs file's schedules, else by the target's, else (with a note) by u = 0. */
    private RateNetwork withInputs(RateNetwork net, Sde target) throws java.io.IOException {
        if (net.inputDimension() == 0) {
            return net;
        }
        java.util.Map<String, ddmatch.sde.input.InputSchedule> given = new java.util.LinkedHashMap<>();
        if (inputs != null) {
            given.putAll(SystemSpecs.loadInputs(inputs));
        } else if (target instanceof ddmatch.sde.InputDriven driven) {
            for (int k = 0; k < driven.inputDimension(); k++) {
                given.put(driven.inputNames().get(k), driven.schedules().get(k));
            }
        }
        java.util.List<ddmatch.sde.input.InputSchedule> schedules = new java.util.ArrayList<>();
        for (String name : net.inputNames()) {
            ddmatch.sde.input.InputSchedule s = given.get(name);
            if (s == null) {
                if (inputs != null) {
                    throw new IllegalArgumentException("--inputs = " + inputs + " has no schedule for input '" + name
                            + "'; the model's inputs are " + net.inputNames());
                }
                spec.commandLine().getErr().println("ddmatch simulate: note: no schedule for input '" + name + "'; using u = 0");
                s = new ddmatch.sde.input.Constant(0.0);
            }
            schedules.add(s);
        }
        if (inputs != null) {
            for (String name : given.keySet()) {
                if (!net.inputNames().contains(name)) {
                    throw new IllegalArgumentException("--inputs = " + inputs + " names input '" + name
                            + "', which the model does not have; its inputs are " + net.inputNames());
                }
            }
        }
        return net.withSchedules(schedules);
    }

    @Option(names = "--checkpoint", paramLabel = "CKPT",
            description = "write a resumable checkpoint to CKPT (atomically) every --checkpoint-every seconds and on interruption")
    Path checkpoint;

    @Option(names = "--checkpoint-every", paramLabel = "SECONDS", defaultValue = "600",
            description = "wall-clock seconds between checkpoints (> 0; default: ${DEFAULT-VALUE})")
    double checkpointEvery;

    @Option(names = "--resume", paramLabel = "CKPT",
            description = "continue the run saved in checkpoint CKPT; the result is bit-identical to an uninterrupted run")
    Path resume;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OptionChecks.finitePositive("--checkpoint-every", checkpointEvery);
        if (trajectories < 1) {
            throw new IllegalArgumentException("--trajectories = " + trajectories + " is not allowed; it must be ≥ 1");
        }
        if (trajectories > 1 && (checkpoint != null || resume != null)) {
            throw new IllegalArgumentException("--trajectories = " + trajectories + " is not allowed with "
                    + (resume != null ? "--resume" : "--checkpoint") + "; checkpoints hold one trajectory, so run K > 1 "
                    + "without them");
        }
        SimulationCheckpoint from = null;
        Path ckptFile = checkpoint;
        if (resume != null) {
            var parsed = spec.commandLine().getParseResult();
            if (model != null || time != null || output != null || dt != null || parsed.hasMatchedOption("--every")
                    || parsed.hasMatchedOption("--seed")) {
                throw new IllegalArgumentException("--resume " + resume + " takes the model, --time, --dt, --every, --seed"
                        + " and --output from the checkpoint; give none of them");
            }
            from = SimulationCheckpoint.read(resume);
            if (!parsed.hasMatchedOption("--checkpoint-every") && !Double.isNaN(from.checkpointEvery())) {
                // Keep the original run's period: falling back to the default 600 s would make a run started with
                // --checkpoint-every 60 lose up to ten minutes of work at its next interruption.
                checkpointEvery = from.checkpointEvery();
            }
            model = from.model();
            output = from.output();
            every = from.every();
            seed = from.seed();
            if (ckptFile == null) {
                ckptFile = resume;
            }
            if (!from.modelSha256().equals(SimulationCheckpoint.modelChecksum(model))) {
                throw new IllegalArgumentException("checkpoint " + resume + " was taken with a different model than the one"
                        + " now in " + model + " (model.json checksum differs); it cannot be resumed");
            }
        } else {
            if (model == null || output == null || time == null) {
                throw new IllegalArgumentException("MODEL, --time and --output are required (or --resume CKPT)");
            }
            OptionChecks.finitePositive("--time", time);
            if (dt != null) {
                OptionChecks.finitePositive("--dt", dt);
            }
            if (every < 1) {
                throw new IllegalArgumentException("--every = " + every + " is not allowed; it must be ≥ 1");
            }
        }
        TrajectoryFiles.checkExtension(output);
        if (from == null) {
            // Before the model is even loaded: a long run that cannot write its result (or its checkpoints) is lost.
            OutputLocation.requireWritable("--output", output);
        }
        if (checkpoint != null) {
            OutputLocation.requireWritable("--checkpoint", checkpoint);
        }
        // Factored (J = U W) or dense (J.npy: full-rank or Dale) models; both simulate through the Network interface.
        ModelFiles.SavedModel saved = null;
        ModelFiles.SavedDenseModel savedDense = null;
        ddmatch.rnn.Network loaded;
        if (ModelFiles.isDense(model)) {
            savedDense = ModelFiles.loadDense(model);
            loaded = savedDense.network();
        } else {
            saved = ModelFiles.load(model);
            loaded = saved.network();
        }
        String systemName = saved != null ? saved.system() : savedDense.system();
        if (inputs != null && !(loaded instanceof RateNetwork withIn && withIn.inputDimension() > 0)) {
            throw new IllegalArgumentException("--inputs = " + inputs + " is not allowed: model " + model
                    + " was trained without inputs");
        }
        double step = from != null ? from.dt() : dt == null ? loaded.defaultTimeStep() : dt;
        String dtName = dt != null ? "--dt = " + dt : "the model's time step dt = " + step;
        if (from == null && step > time) {
            // Math.round(time/dt) would give one step of length dt, i.e. a run longer than --time (twice, for dt = 2T).
            throw new IllegalArgumentException(dtName + " is larger than --time = " + time + "; the run would take one"
                    + " step of " + step + " and simulate past the requested time: give --dt ≤ --time");
        }
        if (from == null && !(time / step <= MAX_STEPS)) {
            throw new IllegalArgumentException("--time = " + time + " with " + dtName + " needs " + String.format("%.3g",
                    time / step) + " steps; at most 2^53 = " + MAX_STEPS + " are allowed (beyond, the step times k·dt are"
                    + " no longer distinct, and at 10^8 steps per second the run would take over 2 years): shorten --time"
                    + (dt != null ? " or increase --dt" : ""));
        }
        long steps = from != null ? from.steps() : Math.round(time / step);
        if (steps < every) {
            throw new IllegalArgumentException("--time = " + time + " with dt = " + step + " and --every = " + every
                    + " records nothing; increase --time");
        }
        {
            // The rows still to come against the free space where they go: a run that cannot fit is refused now rather
            // than after filling the disk (and --time 1e300 streamed 8.7 GB in ten minutes before anyone noticed).
            SaveAt saveAt = new SaveAt(every, true);
            long rowsLeft = saveAt.rows(steps) - (from != null ? from.rows() : 0);
            int columns = loaded.latentDimension() + 1;
            boolean npy = output.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".npy");
            // .npy: exact; .csv: a lower bound, "0.0," per value; ensembles add the index column.
            long perRow = npy ? 8L * (columns + (trajectories > 1 ? 1 : 0)) : 4L * (columns + (trajectories > 1 ? 1 : 0));
            double bytes = (double) rowsLeft * perRow * trajectories;
            OutputLocation.requireSpace("--output", output, bytes > Long.MAX_VALUE ? Long.MAX_VALUE : (long) bytes, npy,
                    "shorten --time or record fewer rows (--every)");
        }
        Scheme scheme = Sampler.schemeFor(loaded);
        Warnings.print(err, "simulate", java.util.Collections.singletonList(Warnings.ofNetworkStep(loaded, step, scheme)));
        java.util.function.Consumer<String> notes = note -> err.println("ddmatch simulate: note: " + note);
        Sde target = (saved != null ? SystemSpecs.savedTarget(saved, notes)
                : SystemSpecs.savedTarget(savedDense.system(), savedDense.systemParameters(), savedDense.training(), notes))
                .orElse(null);
        ddmatch.rnn.Network net = loaded instanceof RateNetwork factored ? withInputs(factored, target) : loaded;
        if (from != null && initialState.initial != null) {
            throw new IllegalArgumentException("--initial is not allowed with --resume: the checkpoint holds the state");
        }
        if (initialState.initial != null && target == null) {
            if (initialState.initial.length != net.latentDimension()) {
                throw new IllegalArgumentException("--initial has " + initialState.initial.length + " values but the model carries a "
                        + net.latentDimension() + "-dimensional system");
            }
        }
        double[] start = initialState.initial != null ? initialState.initial : target != null ? target.initialState() : null;
        if (start != null && target != null) {
            start = initialState.apply(target).initialState();
        }
        if (target != null) {
            // The network carries the target's dynamics, so a step the target's own linearisation cannot take is too
            // large for the network as well (README, Warnings): --dt 0.3 on Lorenz ran off the attractor unwarned.
            Warnings.print(err, "simulate", java.util.Collections.singletonList(
                    Warnings.ofTargetStep(initialState.apply(target), step, scheme)));
        }
        double[] x = from != null ? from.state() : start != null ? net.stateFor(start) : net.initialState();
        if (x.length != net.neurons()) {
            throw new IllegalArgumentException("checkpoint " + resume + " holds a state of length " + x.length
                    + " but the model has N = " + net.neurons());
        }
        // The original run's divergence bound, kept so that a resumed run stops exactly where it would have.
        double maxNorm = from != null ? from.maxNorm() : 1e6 * (1.0 + norm(x));
        // How far, in standard deviations of the training data, the readout may go before the run counts as diverged:
        // a network's state stays bounded (φ saturates), so the norm bound above never fires for a run that has left
        // the attractor for a spurious far-away orbit (Lorenz at --dt 0.3: z ≈ (−1030, 5172, 7115), 800σ out). Kept
        // from the checkpoint (NaN there: runs of earlier versions had no such bound) so that a resume stops alike.
        double readoutBound = from != null ? from.readoutBound() : READOUT_BOUND + 2 * latentNorm(net, x);
        String[] names = new String[net.latentDimension()];
        for (int i = 0; i < names.length; i++) {
            names[i] = "z" + i;
        }
        if (trajectories > 1) {
            return simulateEnsemble(net, scheme, x, step, steps, names, systemName, out);
        }
        GaussianIncrements noise = new GaussianIncrements(net.noiseDimension(), seed);
        if (from != null) {
            noise.restore(from.noise());
        }
        String modelSha = ckptFile != null ? SimulationCheckpoint.modelChecksum(model) : null;
        TrajectoryStream stream = from != null
                ? TrajectoryStream.resume(output, from.partial(), names, from.rows(), from.bytes())
                : TrajectoryStream.create(output, TrajectoryStream.partialFor(output), names);
        long firstStep = from != null ? from.step() : 0;
        // Row r's time from its step index, r·every·dt, as TrajectoryFiles.write writes it (so the streamed file equals
        // the in-memory writer's), rounded to the decimal grid: 9.2, not 9.200000000000001.
        java.util.function.LongToDoubleFunction times = TrajectoryFiles.gridTimes(0.0, step, every);
        double[] z = new double[net.latentDimension()];
        Integrator.Sink sink = (t, state) -> {
            net.readout(state, z);
            try {
                stream.append(times.applyAsDouble(stream.rows()), z);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        Runner runner = new Runner(stream, noise, ckptFile, modelSha, step, steps, maxNorm, readoutBound, net, scheme,
                systemName);
        if (from != null) {
            // The checkpoint we resumed from refers to the partial file (truncated to its length, so it stays valid):
            // from now on nothing may delete that file unless the checkpoint goes too.
            runner.lastFile = resume;
            runner.lastStep = from.step();
        }
        // Through AtomicFiles' one shutdown hook, which runs this before it deletes temporary files: the final
        // checkpoint's own temporary file must not be deleted by a cleanup running in parallel.
        AtomicFiles.Registration hook = AtomicFiles.beforeCleanup(runner::onShutdown);
        if (AtomicFiles.shuttingDown()) {
            runner.stopRequested = true;
        }
        boolean completed = false;
        try {
            Integrator integrator = new Integrator(scheme, maxNorm, TerminalProgress.forTerminal(false));
            double[] last = integrator.run(net, x, 0.0, step, firstStep, steps, noise, new SaveAt(every, true), sink, runner);
            runner.checkReadout(steps, steps * step, last);
            stream.commit();
            completed = true;
        } catch (CancellationException e) {
            String message;
            if (runner.resumable()) {
                stream.detach();
                message = e.getMessage() + "; nothing was written under " + output + "; " + runner.resumeHint(step);
            } else {
                stream.abort();
                message = e.getMessage() + "; nothing was written under " + output;
            }
            throw reportIfShuttingDown(runner, err, new CancellationException(message));
        } catch (UncheckedIOException | IOException e) {
            IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            boolean resumable = runner.resumable();
            if (resumable) {
                // A checkpoint on disk refers to the partial file: deleting it would make the checkpoint useless.
                stream.detach();
            } else {
                stream.abort();
            }
            if (io instanceof java.nio.channels.ClosedByInterruptException) {
                // Interrupted inside a write: the last checkpoint (if any) is intact, and resuming truncates past it.
                throw reportIfShuttingDown(runner, err, new CancellationException("simulation interrupted while writing;"
                        + " nothing was written under " + output + (resumable ? "; " + runner.resumeHint(step) : "")));
            }
            throw reportIfShuttingDown(runner, err, new IOException(describe(io) + " while writing " + output
                    + "; nothing was written under " + output + "; previous results are intact"
                    + (resumable ? "; the checkpoint " + runner.lastFile + " (t = " + runner.lastStep * step
                    + ") resumes the run once the cause is fixed: ddmatch simulate --resume " + runner.lastFile : ""), io));
        } catch (ddmatch.solve.DivergenceException e) {
            // Deterministic: a resumed run would diverge at the same step, so a checkpoint of this run is of no use.
            // Delete it first, then its partial file, so that no checkpoint is left pointing at a missing file.
            runner.deleteCheckpoints();
            stream.abort();
            throw reportIfShuttingDown(runner, err, e);
        } catch (RuntimeException | Error e) {
            if (runner.resumable()) {
                stream.detach();
            } else {
                stream.abort();
            }
            throw e;
        } finally {
            runner.done.countDown();
            hook.close();
        }
        if (completed && ckptFile != null) {
            // The run is complete; its checkpoint and partial file are of no further use.
            Files.deleteIfExists(ckptFile);
        }
        out.printf("simulated %s (N = %d) for T = %g with dt = %g (%d steps, %s%s); wrote %d rows to %s%n", systemName,
                net.neurons(), steps * step, step, steps, scheme.name(), from != null ? ", resumed at step " + firstStep : "",
                stream.rows(), output);
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * K trajectories through {@link Ensemble#solve}: in memory (the size checked first), then one atomic write. The
     * divergence bound is the single run's, 1e6·(1 + ‖x0‖); the first trajectory that crosses it fails the command and
     * nothing is written.
     */
    private int simulateEnsemble(ddmatch.rnn.Network net, Scheme scheme, double[] x0, double step, long steps,
                                 String[] names, String systemName, PrintWriter out) throws IOException {
        SaveAt saveAt = new SaveAt(every, true);
        long rows = saveAt.rows(steps);
        long values = trajectories * rows * (2L + names.length);
        if (values > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("--trajectories = " + trajectories + " × " + rows + " recorded rows × "
                    + (2 + names.length) + " columns = " + values + " values do not fit one file; record fewer rows "
                    + "(--every, --time) or fewer trajectories");
        }
        if (net.noiseDimension() == 0) {
            spec.commandLine().getErr().println("ddmatch simulate: note: model " + model + " has no noise, so its "
                    + trajectories + " trajectories from the same start are identical");
        }
        Ensemble ensemble = Ensemble.allProcessors();
        java.util.List<ddmatch.solve.Trajectory> runs = ensemble.solve(net, scheme, x0, 0.0, step, steps, saveAt,
                net.readoutObservable(), trajectories, seed, TerminalProgress.forTerminal(false));
        requireWithinReadoutBound(net, runs, READOUT_BOUND + 2 * latentNorm(net, x0), step, steps, systemName, scheme);
        TrajectoryFiles.writeEnsemble(output, runs, names);
        out.printf("simulated %s (N = %d), %d trajectories on %d threads, for T = %g with dt = %g (%d steps each, %s); "
                + "wrote %d rows to %s%n", systemName, net.neurons(), trajectories, ensemble.threads(), steps * step, step,
                steps, scheme.name(), trajectories * rows, output);
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * While the JVM shuts down it halts as soon as the hooks return, possibly before picocli's exception handler prints
     * anything: report here, while the hook still waits for us, and exit quietly.
     */
    private static Exception reportIfShuttingDown(Runner runner, PrintWriter err, Exception e) {
        if (!runner.stopRequested) {
            return e;
        }
        String prefix = e instanceof CancellationException ? "interrupted: " : e instanceof IOException ? "I/O error: " : "";
        err.println("ddmatch simulate: " + prefix + e.getMessage());
        err.flush();
        return new Failures.Reported(e.getMessage());
    }

    private static String describe(IOException e) {
        String m = String.valueOf(e.getMessage());
        return m.toLowerCase(java.util.Locale.ROOT).contains("no space left") ? "no space left on device" : "I/O error (" + e + ")";
    }

    /**
     * The single run's readout bound ({@link #READOUT_BOUND}) for an ensemble, checked on its recorded rows before
     * anything is written: a trajectory that has left the trained region for a spurious far-away orbit stops the
     * command with the trajectory, the time and the distance, as a single run would.
     */
    private static void requireWithinReadoutBound(ddmatch.rnn.Network net, java.util.List<ddmatch.solve.Trajectory> runs,
                                                  double bound, double dt, long steps, String systemName, Scheme scheme) {
        int d = net.latentDimension();
        double[] z = new double[d];
        double[] zt = new double[d];
        for (int k = 0; k < runs.size(); k++) {
            ddmatch.solve.Trajectory run = runs.get(k);
            for (int r = 0; r < run.rows(); r++) {
                System.arraycopy(run.values(), r * d, z, 0, d);
                net.standardization().toLatent(z, zt);
                double distance = norm(zt);
                if (!(distance <= bound)) {
                    double t = run.time(r);
                    throw new ddmatch.solve.DivergenceException(systemName, t, Math.round(t / dt), distance, bound, dt,
                            scheme.name(), String.format("trajectory %d's readout is %.3g standard deviations of the"
                                    + " training data from their mean, beyond the bound %.3g; it has left the region the"
                                    + " network was trained on", k, distance, bound), String.format("try a smaller --dt than %g", dt));
                }
            }
        }
    }

    /** Steps beyond which k·dt no longer tells the steps apart: a run that long could never finish anyway. */
    static final long MAX_STEPS = 1L << 53;

    /**
     * The readout bound, in standard deviations of the training data: trained regions lie within a few σ, the
     * spurious orbits of a too-large step hundreds out.
     */
    static final double READOUT_BOUND = 100;

    /** ‖z̃‖ = ‖(z − μ)/s‖ of the network state's readout: its distance from the training data's mean in their σ. */
    private static double latentNorm(ddmatch.rnn.Network net, double[] x) {
        return latentNorm(net, x, new double[net.latentDimension()]);
    }

    private static double latentNorm(ddmatch.rnn.Network net, double[] x, double[] work) {
        net.embedding().project(x, work);
        return norm(work);
    }

    private static double norm(double[] x) {
        double s = 0;
        for (double v : x) s += v * v;
        return Math.sqrt(s);
    }

    /** Checkpoints on a wall-clock schedule and stops the run when the JVM is shutting down. */
    private final class Runner implements Integrator.StepControl {
        final CountDownLatch done = new CountDownLatch(1);
        private final TrajectoryStream stream;
        private final GaussianIncrements noise;
        private final Path file;
        private final String modelSha;
        private final double dt;
        private final long steps;
        private final double maxNorm;
        private final double readoutBound;
        private final ddmatch.rnn.Network net;
        private final Scheme scheme;
        private final String systemName;
        private final double[] latent;
        private final long periodNanos;
        private long nextDue;
        volatile boolean stopRequested;
        /** The step of the newest checkpoint on disk that refers to the partial file, and that file; -1/null if none. */
        long lastStep = -1;
        Path lastFile;

        Runner(TrajectoryStream stream, GaussianIncrements noise, Path file, String modelSha, double dt, long steps, double maxNorm,
               double readoutBound, ddmatch.rnn.Network net, Scheme scheme, String systemName) {
            this.readoutBound = readoutBound;
            this.net = net;
            this.scheme = scheme;
            this.systemName = systemName;
            this.latent = new double[net.latentDimension()];
            this.stream = stream;
            this.noise = noise;
            this.file = file;
            this.modelSha = modelSha;
            this.dt = dt;
            this.steps = steps;
            this.maxNorm = maxNorm;
            this.periodNanos = (long) Math.min(checkpointEvery * 1e9, Long.MAX_VALUE / 4.0);
            this.nextDue = System.nanoTime() + periodNanos;
        }

        /** Stops the run when the readout is further than the bound from the training data's mean, in their σ. */
        void checkReadout(long step, double t, double[] x) {
            if (Double.isNaN(readoutBound)) {
                return;
            }
            double distance = latentNorm(net, x, latent);
            if (!(distance <= readoutBound)) {
                throw new ddmatch.solve.DivergenceException(systemName, t, step, distance, readoutBound, dt, scheme.name(),
                        String.format("the readout is %.3g standard deviations of the training data from their mean,"
                                + " beyond the bound %.3g; the run has left the region the network was trained on",
                                distance, readoutBound), String.format("try a smaller --dt than %g", dt));
            }
        }

        @Override
        public void poll(long step, double t, double[] x) {
            checkReadout(step, t, x);
            // Clear the interrupt flag while the final checkpoint is written: file channels are interruptible and would
            // close themselves under a pending interrupt. It is restored below.
            boolean interrupted = Thread.interrupted();
            boolean stop = stopRequested || interrupted;
            if (file != null && (stop || System.nanoTime() - nextDue >= 0)) {
                try {
                    long bytes = stream.sync();
                    new SimulationCheckpoint(model.toAbsolutePath(), modelSha, output.toAbsolutePath(), stream.partial(), dt,
                            steps, every, seed, maxNorm, step, stream.rows(), bytes, noise.state(), x, checkpointEvery,
                            readoutBound)
                            .write(file);
                    lastStep = step;
                    lastFile = file;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                nextDue = System.nanoTime() + periodNanos;
            }
            if (stop) {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                throw new CancellationException("simulation interrupted at t = " + t);
            }
        }

        boolean resumable() {
            return lastFile != null && lastStep >= 0;
        }

        String resumeHint(double dt) {
            return "resume with: ddmatch simulate --resume " + lastFile + " (checkpoint at t = " + lastStep * dt + ")";
        }

        /** Deletes the checkpoints of this run that refer to its partial file (the one written, the one resumed from). */
        void deleteCheckpoints() {
            for (Path p : new Path[] {file, lastFile, resume}) {
                if (p != null) {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException e) {
                        // Best effort: a stale checkpoint is refused on resume because its partial file is gone.
                    }
                }
            }
        }

        void onShutdown() {
            stopRequested = true;
            try {
                done.await(HOOK_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
