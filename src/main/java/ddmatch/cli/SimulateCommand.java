package ddmatch.cli;

import ddmatch.fit.Sampler;
import ddmatch.io.ModelFiles;
import ddmatch.io.SystemSpecs;
import ddmatch.io.TrajectoryFiles;
import ddmatch.rnn.RateNetwork;
import ddmatch.sde.Sde;
import ddmatch.solve.GaussianIncrements;
import ddmatch.solve.Integrator;
import ddmatch.solve.SaveAt;
import ddmatch.solve.Trajectory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ddmatch simulate MODEL}: simulates all N neurons of a saved network and writes its readout. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulate a trained network in full (all N neurons; Euler–Maruyama, or RK4 when it has no noise) "
                + "from the target's initial state and write the readout z(t) to FILE (.npy or .csv, time in the first column).")
final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    ThreadsOption threadsOption;

    @Parameters(paramLabel = "MODEL", description = "a model directory written by 'ddmatch train'")
    Path model;

    @Option(names = {"-t", "--time"}, required = true, description = "simulated time T, in the system's time units (> 0)")
    double time;

    @Option(names = "--dt", description = "time step (> 0; default: the system's default step)")
    Double dt;

    @Option(names = "--every", defaultValue = "1", description = "record every k-th step (default: ${DEFAULT-VALUE})")
    int every;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the noise (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "trajectory file, .npy or .csv")
    Path output;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!(time > 0) || !Double.isFinite(time)) {
            throw new IllegalArgumentException("--time = " + time + " is not allowed; it must be finite and > 0");
        }
        if (dt != null && (!(dt > 0) || !Double.isFinite(dt))) {
            throw new IllegalArgumentException("--dt = " + dt + " is not allowed; it must be finite and > 0");
        }
        if (every < 1) {
            throw new IllegalArgumentException("--every = " + every + " is not allowed; it must be ≥ 1");
        }
        TrajectoryFiles.checkExtension(output);
        ModelFiles.SavedModel saved = ModelFiles.load(model);
        RateNetwork net = saved.network();
        double step = dt == null ? net.defaultTimeStep() : dt;
        long steps = Math.round(time / step);
        if (steps < every) {
            throw new IllegalArgumentException("--time = " + time + " with dt = " + step + " and --every = " + every
                    + " records nothing; increase --time");
        }
        Sde target = SystemSpecs.savedTarget(saved, note -> spec.commandLine().getErr().println("ddmatch simulate: note: " + note))
                .orElse(null);
        double[] x0 = target != null ? net.stateFor(target.initialState()) : net.initialState();
        Integrator integrator = new Integrator(Sampler.schemeFor(net), Double.POSITIVE_INFINITY, TerminalProgress.forTerminal(false));
        Trajectory traj = integrator.solve(net, x0, 0.0, step, steps, new GaussianIncrements(net.noiseDimension(), seed),
                new SaveAt(every, true), net.readoutObservable());
        String[] names = new String[net.latentDimension()];
        for (int i = 0; i < names.length; i++) {
            names[i] = "z" + i;
        }
        TrajectoryFiles.write(output, traj, names);
        out.printf("simulated %s (N = %d) for T = %g with dt = %g (%d steps, %s); wrote %d rows to %s%n", saved.system(),
                net.neurons(), time, step, steps, Sampler.schemeFor(net).name(), traj.rows(), output);
        out.flush();
        return ExitCodes.OK;
    }
}
