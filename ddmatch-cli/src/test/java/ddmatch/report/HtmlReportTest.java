package ddmatch.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    static HtmlReport sample() {
        double[] t = new double[200];
        double[] x = new double[200];
        double[] y = new double[200];
        double[] z = new double[200];
        for (int i = 0; i < t.length; i++) {
            t[i] = 0.05 * i;
            x[i] = Math.sin(t[i]);
            y[i] = Math.cos(t[i]);
            z[i] = t[i];
        }
        return new HtmlReport("test <report> & \"quotes\"")
                .text("a < b")
                .table("numbers", List.of("name", "value", "result"), List.of(List.of("a", "1", "PASS"), List.of("b", "2", "FAIL")))
                .figure(new Figure("lines", "sine", "t", "x").line("sin", t, x, false).line("cos", t, y, true))
                .figure(new Figure("helix", "helix", "", "").line3d("helix", x, y, z, new String[] {"x", "y", "z"}))
                .figure(new Figure("hist", "histogram", "x", "density").histogram("sin", x, 20).logY());
    }

    @Test
    void bundledPlotlyMatchesTheDeclaredVersionAndPagesAreSelfContained() {
        assertThat(HtmlReport.class.getResource(HtmlReport.PLOTLY_RESOURCE)).as("plotly.js %s on the class path", HtmlReport.PLOTLY_VERSION).isNotNull();
        String html = sample().html();
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("<script src");
        assertThat(html).contains("test &lt;report&gt; &amp; &quot;quotes&quot;").contains("a &lt; b");
        assertThat(html).contains("<td class=\"pass\">PASS</td>").contains("<td class=\"fail\">FAIL</td>");
        // gzip + base64 keeps the 11 MB library to a few MB.
        assertThat(html.length()).isBetween(1_000_000, 6_000_000);
    }

    @Test
    void aPageWithoutFiguresCarriesNoPlotlyAndNoLoadingLine() {
        String html = new HtmlReport("tables only").table("t", List.of("a"), List.of(List.of("1"))).html();
        assertThat(html).doesNotContain("<script").doesNotContain("Loading the plots").doesNotContain(HtmlReport.plotlyPacked().substring(0, 200));
        assertThat(html.length()).isLessThan(10_000);
        assertThat(sample().html()).contains("Loading the plots").contains("<script");
    }

    @Test
    void theVerdictComesFirstAndShortCellsDoNotWrap() {
        String html = new HtmlReport("v").text("first paragraph").table("t", List.of("claim", "value"),
                List.of(List.of("a long statement of what is claimed, which may wrap", "2.686e-05"))).verdict("3 checks, 1 failed", false).html();
        assertThat(html.indexOf("class=\"verdict bad\"")).isPositive().isLessThan(html.indexOf("first paragraph"));
        assertThat(html).contains("<td class=\"n\">2.686e-05</td>").contains("<td>a long statement of what is claimed, which may wrap</td>");
        assertThat(html).contains("<div class=\"tw\"><table>");
    }

    @Test
    void badTablesAndDuplicateFigureIdsAreRefused() {
        HtmlReport r = new HtmlReport("x");
        assertThatThrownBy(() -> r.table("t", List.of("a", "b"), List.of(List.of("1")))).hasMessageContaining("1 cells").hasMessageContaining("2 columns");
        r.figure(new Figure("f", "f", "x", "y"));
        assertThatThrownBy(() -> r.figure(new Figure("f", "g", "x", "y"))).hasMessageContaining("'f' is used twice");
        assertThatThrownBy(() -> new Figure("1bad id", "t", "x", "y")).hasMessageContaining("1bad id");
    }

    /**
     * Opens the page in headless Chromium as a user would: every figure must be drawn (the page marks
     * {@code data-plots-ready} with their number) and the console must stay free of errors. Skipped where no Chromium
     * is installed ({@code apt-get install chromium}); {@code .ci/run} installs it where it can.
     */
    @Test
    void pageRendersEveryFigureInHeadlessChromium(@TempDir Path dir) throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        assumeTrue(Files.isExecutable(chromium), "Chromium is not installed (apt-get install chromium); browser check skipped");
        Path page = dir.resolve("report.html");
        HtmlReport report = sample();
        report.write(page);
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + dir.resolve("profile"), "--enable-logging=stderr", "--v=0",
                "--virtual-time-budget=30000", "--window-size=1200,1600", "--dump-dom", page.toUri().toString()));
        Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("stderr.txt").toFile()).start();
        String dom = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(dom).contains("data-plots-ready=\"" + report.figureCount() + "\"");
        String log = Files.readString(dir.resolve("stderr.txt"));
        List<String> consoleErrors = log.lines().filter(l -> l.contains("CONSOLE") && l.contains("ERROR")).toList();
        assertThat(consoleErrors).isEmpty();
        // Plotly draws an SVG main layer for 2-D plots and a GL scene for 3-D ones.
        assertThat(dom).contains("main-svg");
    }
}
