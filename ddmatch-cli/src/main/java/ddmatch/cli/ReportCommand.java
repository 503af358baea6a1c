package ddmatch.cli;

import ddmatch.report.ScenarioReport;
import ddmatch.scenario.RunRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ddmatch report RUN_DIR}: regenerates report.html and figures/*.svg from a run directory's results.json. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Regenerate report.html and figures/*.svg of a 'ddmatch reproduce' run directory from its results.json.")
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "run directory written by 'ddmatch reproduce'")
    Path dir;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Path json = dir.resolve("results.json");
        if (!Files.isRegularFile(json)) {
            err.println("ddmatch report: " + json + " does not exist; give a directory written by 'ddmatch reproduce'");
            err.flush();
            return ExitCodes.USAGE;
        }
        RunRecord run;
        try {
            run = ReproduceCommand.JSON.readValue(json.toFile(), RunRecord.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            // The demo's results.json is the usual mix-up: say so instead of quoting the JSON binder.
            boolean demo = Files.readString(json).contains("\"command\" : \"ddmatch demo");
            err.println("ddmatch report: " + json + " is not a results.json of 'ddmatch reproduce'" + (demo
                    ? " but the demo's, whose report.html 'ddmatch demo' writes itself (run it again to rewrite it)"
                    : " (" + firstLine(e.getOriginalMessage()) + ")"));
            err.flush();
            return ExitCodes.USAGE;
        }
        ScenarioReport.write(dir, run);
        spec.commandLine().getOut().println("Report: " + dir.resolve("report.html"));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private static String firstLine(String s) {
        return s == null ? "unreadable" : s.lines().findFirst().orElse(s);
    }
}
