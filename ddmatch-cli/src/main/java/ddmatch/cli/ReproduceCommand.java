package ddmatch.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import ddmatch.io.AtomicFiles;
import ddmatch.report.ScenarioReport;
import ddmatch.scenario.Claim;
import ddmatch.solve.IndependentTasks;
import ddmatch.scenario.Plan;
import ddmatch.scenario.RunRecord;
import ddmatch.scenario.Scenario;
import ddmatch.scenario.ScenarioResult;
import ddmatch.sde.SystemCatalog;
import ddmatch.solve.ProgressListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ddmatch reproduce NAME|all}: runs the paper's scenarios and writes a run directory with {@code results.json}
 * (the exact command, seed, versions and every number), {@code report.html} and {@code figures/*.svg}.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = {"Run a scenario (or all) and write results.json, report.html and figures/*.svg to a run directory.",
                "Scenarios: chaotic, ou-limit-cycle, episodic, memory, decomposition; or all.",
                "--quick uses small networks and short runs (about 15 s for all on 2 cores; the full sizes about 2 minutes).",
                "Scenarios, and the chaotic scenario's flows and sizes, run side by side on --threads threads; the numbers do not depend on it."})
final class ReproduceCommand implements Callable<Integer> {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "scenario name or 'all'")
    String name;

    @Option(names = "--quick", description = "small networks and short runs (the CI sizes)")
    boolean quick;

    @Option(names = "--seed", defaultValue = "1", description = "seed of every network and simulation (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--system", split = ",", paramLabel = "FLOW",
            description = "catalog flows for the chaotic scenario (default: lorenz, rossler, thomas)")
    List<String> systems = new ArrayList<>();

    @Option(names = "--sizes", split = ",", paramLabel = "N",
            description = "network sizes for the chaotic scenario (default: 200,400 with --quick; 250,500,1000,2000,4000 otherwise)")
    List<Integer> sizes = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "run directory (default: runs/NAME)")
    Path output;

    @Option(names = "--quiet", description = "no progress output")
    boolean quiet;

    @picocli.CommandLine.Mixin
    ThreadsOption threadsOption;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Scenario> scenarios;
        try {
            scenarios = "all".equals(name) ? List.of(Scenario.values()) : List.of(Scenario.byId(name));
            for (String s : systems) {
                SystemCatalog.get(s);
            }
        } catch (IllegalArgumentException e) {
            err.println("ddmatch reproduce: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        Plan plan;
        try {
            plan = new Plan(seed, quick, systems, sizes);
        } catch (IllegalArgumentException e) {
            err.println("ddmatch reproduce: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        if ((!sizes.isEmpty() || !systems.isEmpty()) && !scenarios.contains(Scenario.CHAOTIC)) {
            // Say so rather than ignore them: only the chaotic scenario has flows and sizes to choose.
            err.println("ddmatch reproduce: note: --system and --sizes choose the chaotic scenario's flows and sizes; '"
                    + name + "' does not use them");
        }
        Path dir = output != null ? output : Path.of("runs", name);
        long start = System.nanoTime();
        if (!quiet) {
            err.println("… " + scenarios.stream().map(Scenario::id).collect(java.util.stream.Collectors.joining(", "))
                    + (quick ? " (quick)" : "") + " on " + ddmatch.solve.Parallelism.threads() + " thread(s)");
            err.flush();
        }
        // Scenarios (and the chaotic scenario's flows and sizes) run side by side; each draws from its own seeds, so
        // the numbers do not depend on the thread count or on which finishes first (IndependentTasks).
        List<java.util.concurrent.Callable<ScenarioResult>> tasks = new ArrayList<>();
        for (Scenario s : scenarios) {
            tasks.add(() -> {
                ScenarioResult r = s.run(plan, ProgressListener.NONE);
                if (!quiet) {
                    synchronized (err) {
                        err.printf(Locale.ROOT, "  %s: %.1f s%n", s.id(), r.seconds());
                        err.flush();
                    }
                }
                return r;
            });
        }
        List<ScenarioResult> results = IndependentTasks.run(tasks);
        String command = "ddmatch " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        RunRecord run = new RunRecord(command, seed, quick, versions(), results, (System.nanoTime() - start) * 1e-9);
        write(dir, run);
        int failed = 0;
        for (ScenarioResult r : results) {
            out.printf(Locale.ROOT, "%s (%.1f s)%n", r.name(), r.seconds());
            for (Claim c : r.claims()) {
                out.printf(Locale.ROOT, "  %-4s %-72s %12.5g  in [%.4g, %.4g]%n", c.holds() ? "PASS" : "FAIL", c.statement(), c.value(),
                        c.lower(), c.upper());
                failed += c.holds() ? 0 : 1;
            }
        }
        out.printf(Locale.ROOT, "%d claims failed; %.1f s in all. Report: %s%n", failed, run.seconds(), dir.resolve("report.html"));
        out.flush();
        return failed == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    static Map<String, String> versions() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("ddmatch", Ddmatch.VERSION);
        v.put("java", String.valueOf(Runtime.version()));
        v.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return v;
    }

    /** Writes results.json, report.html and the SVG figures. */
    static void write(Path dir, RunRecord run) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        AtomicFiles.writeString(dir.resolve("results.json"), JSON.writeValueAsString(run));
        ScenarioReport.write(dir, run);
    }
}
