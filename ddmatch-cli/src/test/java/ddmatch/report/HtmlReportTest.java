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
        assertThat(html).doesNotContain("<script").doesNotContain("Loading the").doesNotContain(HtmlReport.plotlyPacked().substring(0, 200));
        assertThat(html.length()).isLessThan(10_000);
        assertThat(sample().html()).contains("Loading the interactive plots").contains("<script");
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

    @Test
    void everyFigureCarriesOneStaticSvgInItsContainerThatTheScriptHidesOnlyWhenPlotlyDraws() {
        HtmlReport report = sample();
        String html = report.html();
        java.util.Map<String, String> containers = containers(html);
        assertThat(containers.keySet()).containsExactly("lines", "helix", "hist");
        for (String inner : containers.values()) {
            assertThat(inner.split("<svg class=\"static\"", -1).length - 1).isEqualTo(1);
            assertThat(inner).endsWith("</svg>\n");
        }
        // Inline SVG needs no namespace: the page names no URL (see the self-containment test).
        assertThat(containers.get("helix")).contains("camera at (1.25, 1.25, 1.25)");
        // Screen: hidden only under a figure plotly drew; print: the static renderings only, each kept on one page.
        assertThat(html).contains(".fig.plotted>svg.static{display:none}")
                .contains("@media print{").contains(".fig>:not(svg.static){display:none!important}").contains("break-inside:avoid");
        // The status line is empty until the script runs; without scripts a noscript note says what the reader sees.
        assertThat(html).contains("<p id=\"status\"></p>").contains("<noscript><p class=\"note\">Scripts are off");
    }

    @Test
    void aPageOfEmptyFiguresStaysWellFormed() throws Exception {
        HtmlReport report = new HtmlReport("empty")
                .figure(new Figure("none", "no traces", "x", "y"))
                .figure(new Figure("zero", "no points", "x", "y").line("a", new double[0], new double[0], false).logY())
                .figure(new Figure("nan", "only gaps", "x", "y").scatter("a", new double[] {Double.NaN}, new double[] {Double.NaN}, true))
                .figure(new Figure("hist", "no values", "x", "density").histogram("h", new double[0], 10).outlineHistogram("o", new double[0], 10))
                .figure(new Figure("scene", "no points in 3-D", "", "").line3d("l", new double[0], new double[0], new double[0],
                        new String[] {"x", "y", "z"}))
                .figure(new Figure("grid", "no cells", "x", "y").heatmap("h", new double[0], new double[0], new double[0]))
                .figure(new Figure("cats", "no bars", "x", "y").bars("b", new String[0], new double[0]));
        java.util.Map<String, String> containers = containers(report.html());
        assertThat(containers).hasSize(report.figureCount());
        javax.xml.parsers.DocumentBuilder xml = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder();
        for (java.util.Map.Entry<String, String> e : containers.entrySet()) {
            String svg = e.getValue();
            assertThat(svg).as(e.getKey()).doesNotContain("NaN").doesNotContain("Infinity");
            var doc = xml.parse(new org.xml.sax.InputSource(new java.io.StringReader(svg)));
            assertThat(doc.getDocumentElement().getAttribute("class")).isEqualTo("static");
            assertThat(doc.getDocumentElement().getAttribute("viewBox")).startsWith("0 0 " + HtmlReport.STATIC_WIDTH + " ");
        }
    }

    /** Figure id → what its container holds. */
    static java.util.Map<String, String> containers(String html) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        var m = java.util.regex.Pattern.compile("<div class=\"fig\" id=\"([^\"]+)\">(.*?)</div>", java.util.regex.Pattern.DOTALL).matcher(html);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    /**
     * Opens the page in headless Chromium as a user would: every figure must be drawn (the page marks
     * {@code data-plots-ready} with their number), its static rendering hidden under it, and the console must stay free
     * of errors. Skipped where no Chromium is installed ({@code apt-get install chromium}); {@code .ci/run} installs it
     * where it can.
     */
    @Test
    void pageRendersEveryFigureInHeadlessChromium(@TempDir Path dir) throws Exception {
        HtmlReport report = sample();
        String dom = dumpDom(report, dir, List.of());
        assertThat(dom).contains("data-plots-ready=\"" + report.figureCount() + "\"").contains("data-static-figures=\"0\"");
        String log = Files.readString(dir.resolve("stderr.txt"));
        List<String> consoleErrors = log.lines().filter(l -> l.contains("CONSOLE") && l.contains("ERROR")).toList();
        assertThat(consoleErrors).isEmpty();
        // Plotly draws an SVG main layer for 2-D plots and a GL scene for 3-D ones.
        assertThat(dom).contains("main-svg");
        for (String id : List.of("lines", "helix", "hist")) {
            assertThat(figureClass(dom, id)).contains("plotted");
        }
    }

    /**
     * Without WebGL (as on some remote desktops and locked-down browsers) plotly would show a notice where the 3-D
     * figure should be: the page keeps that figure's static rendering and says so, and draws the others.
     */
    @Test
    void withoutWebGlThe3dFigureKeepsItsStaticRendering(@TempDir Path dir) throws Exception {
        HtmlReport report = sample();
        String dom = dumpDom(report, dir, List.of("--disable-3d-apis"));
        assertThat(dom).contains("data-plots-ready=\"2\"").contains("data-static-figures=\"1\"")
                .contains("1 of 3 figures are shown as static images (this browser has no WebGL for 3-D plots)");
        assertThat(figureClass(dom, "helix")).isEqualTo("fig");
        assertThat(figureClass(dom, "lines")).contains("plotted");
    }

    /**
     * A figure whose plotting fails after plotly has begun to draw (here an error thrown once it has drawn, injected
     * into a copy of the page's script) is shown by its static rendering, with nothing of plotly's left in its
     * container; the other figures are drawn.
     */
    @Test
    void aFigureWhosePlottingFailsKeepsItsStaticRendering(@TempDir Path dir) throws Exception {
        HtmlReport report = sample();
        String call = "await Plotly.newPlot(el, fig.data, fig.layout, {responsive: true, displayModeBar: 'hover'});";
        String html = report.html();
        assertThat(html).contains(call);
        Path page = dir.resolve("failing.html");
        Files.writeString(page, html.replace(call, call + " if (id === 'lines') throw new Error('injected');"));
        String dom = dumpDom(page, dir, List.of());
        assertThat(dom).contains("data-plots-ready=\"2\"").contains("data-static-figures=\"1\"")
                .contains("1 of 3 figures are shown as static images (they could not be drawn interactively)");
        // (plotly's purge leaves its marker class js-plotly-plot on the element; only "plotted" hides the static one.)
        assertThat(figureClass(dom, "lines")).doesNotContain("plotted");
        var m = java.util.regex.Pattern.compile("<div class=\"[^\"]*\" id=\"lines\">(.*?)</div>", java.util.regex.Pattern.DOTALL).matcher(dom);
        assertThat(m.find()).isTrue();
        String inner = m.group(1);
        assertThat(inner).startsWith("<svg class=\"static\"").doesNotContain("main-svg").doesNotContain("plot-container");
        assertThat(figureClass(dom, "hist")).contains("plotted");
    }

    /**
     * With JavaScript off (a profile whose content settings block scripts, as a locked-down browser's would) the page
     * shows every figure's static rendering: the screenshot has the traces' colours where the figures are, which a
     * page of blank figure areas would not.
     */
    @Test
    void withScriptsOffTheStaticFiguresAreVisible(@TempDir Path dir) throws Exception {
        Path chromium = chromium();
        Path profile = dir.resolve("profile");
        Files.createDirectories(profile.resolve("Default"));
        Files.writeString(profile.resolve("Default").resolve("Preferences"), "{\"profile\":{\"default_content_setting_values\":{\"javascript\":2}}}");
        Path page = dir.resolve("report.html");
        HtmlReport report = sample();
        report.write(page);
        Path png = dir.resolve("shot.png");
        run(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--window-size=1200,2400", "--screenshot=" + png, page.toUri().toString()), dir);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertThat(image).as("screenshot").isNotNull();
        // Pixels of the first trace colour (none elsewhere on the page): blue (sin, the helix; about 1500), and orange
        // ones of the cos markers, translucent on white (red high, blue low).
        assertThat(pixelsNear(image, Figure.PALETTE[0])).isGreaterThan(800);
        int orange = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y), r = p >> 16 & 255, g = p >> 8 & 255, b = p & 255;
                if (r > 230 && g > 100 && g < 200 && b < 120) orange++;
            }
        }
        assertThat(orange).isGreaterThan(300);
        // The same profile's DOM: no script ran, the noscript note and the three static figures are there.
        String dom = run(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--user-data-dir=" + profile, "--dump-dom", page.toUri().toString()), dir);
        assertThat(dom).doesNotContain("data-plots-ready").contains("Scripts are off");
        assertThat(dom.split("<svg class=\"static\"", -1).length - 1).isEqualTo(report.figureCount());
    }

    private static int pixelsNear(java.awt.image.BufferedImage image, String colour) {
        int r = Integer.parseInt(colour.substring(1, 3), 16), g = Integer.parseInt(colour.substring(3, 5), 16),
                b = Integer.parseInt(colour.substring(5, 7), 16);
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if (Math.abs((p >> 16 & 255) - r) + Math.abs((p >> 8 & 255) - g) + Math.abs((p & 255) - b) < 40) n++;
            }
        }
        return n;
    }

    /** The class attribute of figure {@code id}'s container in a dumped DOM. */
    private static String figureClass(String dom, String id) {
        var m = java.util.regex.Pattern.compile("<div class=\"([^\"]*)\" id=\"" + id + "\"").matcher(dom);
        assertThat(m.find()).as("container of %s", id).isTrue();
        return m.group(1);
    }

    private static Path chromium() {
        Path chromium = Path.of("/usr/bin/chromium");
        assumeTrue(Files.isExecutable(chromium), "Chromium is not installed (apt-get install chromium); browser check skipped");
        return chromium;
    }

    /** The page written to {@code dir}, opened with scripts, its DOM after the plots are drawn; stderr in stderr.txt. */
    private static String dumpDom(HtmlReport report, Path dir, List<String> extra) throws Exception {
        Path page = dir.resolve("report.html");
        report.write(page);
        return dumpDom(page, dir, extra);
    }

    private static String dumpDom(Path page, Path dir, List<String> extra) throws Exception {
        Path chromium = chromium();
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + dir.resolve("profile"), "--enable-logging=stderr", "--v=0",
                "--virtual-time-budget=30000", "--window-size=1200,1600"));
        cmd.addAll(extra);
        cmd.addAll(List.of("--dump-dom", page.toUri().toString()));
        return run(cmd, dir);
    }

    private static String run(List<String> cmd, Path dir) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("stderr.txt").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
