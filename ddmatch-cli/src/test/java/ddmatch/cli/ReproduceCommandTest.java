package ddmatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReproduceCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();

    /** results.json without its wall-clock fields. */
    static JsonNode numbers(Path dir) throws Exception {
        JsonNode root = JSON.readTree(dir.resolve("results.json").toFile());
        ((ObjectNode) root).remove("seconds");
        ((ObjectNode) root).remove("command");
        for (JsonNode s : root.get("scenarios")) ((ObjectNode) s).remove("seconds");
        return root;
    }

    @Test
    void sameSeedGivesIdenticalNumbersAndTheReportIsRegeneratedFromTheNumbersAlone(@TempDir Path tmp) throws Exception {
        Path a = tmp.resolve("a"), b = tmp.resolve("b");
        // Two sizes run side by side with 2 threads and one after the other with 1: the numbers must not depend on it.
        String[] args = {"reproduce", "chaotic", "--quick", "--quiet", "--system", "lorenz", "--sizes", "60,80", "--seed", "5"};
        CliTest.Run ra, rb;
        try {
            ra = CliTest.run(concat(args, "--threads", "2", "-o", a.toString()));
            rb = CliTest.run(concat(args, "--threads", "1", "-o", b.toString()));
        } finally {
            ddmatch.solve.Parallelism.setThreads(0);
        }
        assertThat(ra.code()).as(ra.out() + ra.err()).isIn(0, 1);
        assertThat(rb.code()).isEqualTo(ra.code());
        JsonNode na = numbers(a);
        assertThat(na.get("seed").asLong()).isEqualTo(5);
        assertThat(na.get("versions").get("ddmatch").asText()).isEqualTo(Ddmatch.VERSION);
        assertThat(JSON.readTree(a.resolve("results.json").toFile()).get("command").asText())
                .isEqualTo("ddmatch reproduce chaotic --quick --quiet --system lorenz --sizes 60,80 --seed 5 --threads 2 -o " + a);
        assertThat(numbers(b)).isEqualTo(na);
        // 4 figures, each also as SVG.
        try (var files = Files.list(a.resolve("figures"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".svg")).count()).isEqualTo(4);
        }
        // `report` rewrites report.html from results.json: byte-identical to the page written by `reproduce`.
        String html = Files.readString(a.resolve("report.html"));
        Files.delete(a.resolve("report.html"));
        CliTest.Run rr = CliTest.run("report", a.toString());
        assertThat(rr.code()).as(rr.err()).isEqualTo(0);
        assertThat(Files.readString(a.resolve("report.html"))).isEqualTo(html);
        renders(a.resolve("report.html"), 4, tmp);
    }

    @Test
    void unknownScenarioOrSystemAndMissingRunDirectoryAreUsageErrors(@TempDir Path tmp) {
        CliTest.Run r = CliTest.run("reproduce", "nonsense", "-o", tmp.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("nonsense").contains("episodic");
        assertThat(CliTest.run("reproduce", "chaotic", "--system", "nosuchflow", "-o", tmp.toString()).code()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliTest.run("report", tmp.resolve("missing").toString()).code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aHeatmapSurvivesTheRoundTripThroughResultsJson() throws Exception {
        ddmatch.scenario.Plot p = new ddmatch.scenario.Plot("hm", "t", "x", "y", false,
                List.of(ddmatch.scenario.Plot.Series.heatmap("rate", new double[] {0.5, 1}, new double[] {1, 2, 3}, new double[] {0, 0.1, 0.2, 0.3, 0.4, 1})));
        ddmatch.scenario.ScenarioResult r = new ddmatch.scenario.ScenarioResult("memory", "t", "s", java.util.Map.of(), List.of(), List.of(p),
                List.of(), List.of(), 0.0);
        ddmatch.scenario.RunRecord run = new ddmatch.scenario.RunRecord("c", 1, true, java.util.Map.of(), List.of(r), 0.0);
        ddmatch.scenario.RunRecord back = ReproduceCommand.JSON.readValue(ReproduceCommand.JSON.writeValueAsString(run), ddmatch.scenario.RunRecord.class);
        ddmatch.scenario.Plot.Series s = back.scenarios().get(0).plots().get(0).series().get(0);
        assertThat(s.style()).isEqualTo(ddmatch.scenario.Plot.Style.HEATMAP);
        assertThat(s.z()).containsExactly(0, 0.1, 0.2, 0.3, 0.4, 1);
        assertThat(s.y()).containsExactly(1, 2, 3);
        // A series written before heatmaps existed (no "z") still reads, with no z values.
        String old = "{\"name\":\"l\",\"style\":\"LINE\",\"x\":[0,1],\"y\":[1,2]}";
        assertThat(ReproduceCommand.JSON.readValue(old, ddmatch.scenario.Plot.Series.class).z()).isEmpty();
    }

    /** Opens the page in headless Chromium: every figure drawn, no console error (skipped without Chromium). */
    static void renders(Path page, int figures, Path tmp) throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        assumeTrue(Files.isExecutable(chromium), "Chromium is not installed; browser check skipped");
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + tmp.resolve("profile"), "--enable-logging=stderr", "--v=0",
                "--virtual-time-budget=30000", "--window-size=1200,1600", "--dump-dom", page.toUri().toString()));
        Process p = new ProcessBuilder(cmd).redirectError(tmp.resolve("stderr.txt").toFile()).start();
        String dom = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(dom).contains("data-plots-ready=\"" + figures + "\"");
        // Each figure drew its traces as SVG paths (no WebGL needed).
        assertThat(dom.split("class=\"main-svg\"").length - 1).isGreaterThanOrEqualTo(figures);
        assertThat(dom).contains("class=\"scatterlayer");
        List<String> errors = Files.readString(tmp.resolve("stderr.txt")).lines().filter(l -> l.contains("CONSOLE") && l.contains("ERROR")).toList();
        assertThat(errors).isEmpty();
    }

    private static String[] concat(String[] a, String... b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
