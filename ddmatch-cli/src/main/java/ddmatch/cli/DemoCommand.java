package ddmatch.cli;

import ddmatch.check.Check;
import ddmatch.check.EndToEndChecks;
import ddmatch.check.SystemReport;
import ddmatch.solve.ProgressListener;
import ddmatch.report.CheckReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ddmatch demo}: trains networks for Lorenz (deterministic and noisy), the double well and the rotating OU
 * process, simulates each full network next to its target and prints one table of checks, PASS or FAIL per row.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Train and check the reference systems end to end and print a table of checks (about 6 s on 2 cores"
                + " once built): Lorenz (λmax vs Wolf et al. 1985, D_stsp and the return map of z's maxima vs the target's"
                + " noise floor), noisy Lorenz (diffusion), double well (residence times vs the target SDE), rotating OU"
                + " (entropy production vs θ²). Exit status 0 only if every check passes."})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    ThreadsOption threadsOption;

    @Option(names = "--seed", defaultValue = "1", description = "seed of every network and simulation (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--quiet", description = "no progress output")
    boolean quiet;

    @Option(names = {"-o", "--output"}, defaultValue = "ddmatch-demo", paramLabel = "DIR",
            description = "directory for report.html and results.json (default: ${DEFAULT-VALUE})")
    Path output;

    @Option(names = "--no-report", description = "print the table only; write no files")
    boolean noReport;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProgressListener progress = ProgressListener.NONE;
        List<SystemReport> reports = new ArrayList<>();
        long start = System.nanoTime();
        status(err, "lorenz: training N = 500 and simulating the full network");
        reports.add(EndToEndChecks.lorenz(new EndToEndChecks.LorenzPlan(500, seed, 500.0, 500.0, 3), 0.05, progress));
        status(err, "lorenz-noisy: training N = 300, diffusion from 10^5 increments");
        reports.add(EndToEndChecks.noisyLorenz(300, seed, 2.0, 1000.0, progress));
        status(err, "double well: training N = 300, residence times over 2·10^4 time units");
        reports.add(EndToEndChecks.doubleWell(300, seed, 0.7, 2.0e4, progress));
        status(err, "rotating OU: training N = 200, entropy production over 2·10^4 time units");
        reports.add(EndToEndChecks.ou(200, seed, 2.0, 2.0e4, progress));
        double total = (System.nanoTime() - start) * 1e-9;
        print(out, reports);
        long failed = reports.stream().flatMap(r -> r.checks().stream()).filter(c -> !c.pass()).count();
        out.printf("%n%d checks, %d failed; %.1f s in all.%n", reports.stream().mapToInt(r -> r.checks().size()).sum(), failed, total);
        out.println("λ: ridge regularisation chosen by GCV, relative to the mean eigenvalue of the Gram matrix. Drift error: held-out,");
        out.println("‖P·drift − f̃‖/rms‖f̃‖ (mean). D_stsp: 30 bins per dimension, Laplace α = 1e-5, KL(target ‖ network), mean over 3 starts.");
        if (!noReport) {
            CheckReport.write(output, "ddmatch demo", "ddmatch demo --seed " + seed, seed, reports);
            out.println("Report: " + output.resolve("report.html") + " (numbers in " + output.resolve("results.json") + ")");
        }
        out.flush();
        return failed == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private void status(PrintWriter err, String message) {
        if (!quiet) {
            err.println("… " + message);
            err.flush();
        }
    }

    static void print(PrintWriter out, List<SystemReport> reports) {
        // The first column as wide as the longest label ("double-well σ=0.7" is 17), so that the table stays aligned.
        int width = 16;
        for (SystemReport r : reports) width = Math.max(width, r.label().length());
        String fmt = "%-" + width + "s %5s %9s %10s  %-24s %11s %11s  %-22s %-9s %s%n";
        out.printf(fmt, "system", "N", "λ/scale", "drift err", "check", "network", "reference", "reference from", "criterion", "result");
        for (SystemReport r : reports) {
            boolean first = true;
            for (Check c : r.checks()) {
                out.printf(fmt, first ? r.label() : "", first ? String.valueOf(r.training().network().neurons()) : "",
                        first ? String.format("%.1e", r.training().ridge().lambda() / r.training().ridge().lambdaScale()) : "",
                        first ? String.format("%.2e", r.drift().mean()) : "",
                        c.quantity(), num(c.network()), num(c.reference()), c.source(), c.criterion(), c.pass() ? "PASS" : "FAIL");
                first = false;
            }
        }
    }

    private static String num(double v) {
        double a = Math.abs(v);
        return a != 0 && (a < 1e-3 || a >= 1e5) ? String.format("%.3e", v) : String.format("%.4f", v);
    }
}
