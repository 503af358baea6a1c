package ddmatch.report;

import ddmatch.io.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * A self-contained HTML page of sections, each with text, tables and {@link Figure}s. The plotly.js library (from the
 * {@code org.webjars.npm:plotly.js-dist} webjar, MIT licence) is embedded gzip-compressed and base64-encoded, and
 * unpacked in the browser with the standard {@code DecompressionStream}, so the page needs no network and stays a few
 * megabytes instead of eleven. Written atomically.
 *
 * <p>Every figure's container also holds the figure's static SVG rendering ({@link Figure#chart}, drawn by
 * {@link SvgPlot}), inline, so that the figure is there where plotly.js is not: scripts disabled (mail clients,
 * locked-down viewers), no WebGL for a 3-D scene, or a failing plot. The script hides it only once plotly.js is about
 * to draw that figure, and shows it again if drawing fails. Printed, the page shows the static renderings of all
 * figures: plotly's WebGL canvases print blank and its SVG keeps the screen's width, while the static SVG scales to the
 * paper and is kept on one page.
 */
public final class HtmlReport {
    /** The plotly.js version bundled; must match the webjar version in the build file (a test checks it). */
    public static final String PLOTLY_VERSION = "3.3.1";
    static final String PLOTLY_RESOURCE = "/META-INF/resources/webjars/plotly.js-dist/" + PLOTLY_VERSION + "/plotly.js";

    private static volatile String plotlyPacked;

    private final String title;
    /** The page's parts in order; a figure's is drawn when the page is, so that it shows the figure as it is then. */
    private final List<Supplier<String>> body = new ArrayList<>();
    private final List<Figure> figures = new ArrayList<>();
    private String verdict;

    public HtmlReport(String title) {
        this.title = title;
    }

    /**
     * The page's verdict, shown in a box under the title: green if {@code ok}, red otherwise. One per page; a second
     * call replaces the first.
     */
    public HtmlReport verdict(String text, boolean ok) {
        verdict = "<p class=\"verdict " + (ok ? "ok" : "bad") + "\">" + escape(text) + "</p>";
        return this;
    }

    /** Starts a section with a heading. */
    public HtmlReport section(String heading) {
        String part = "<h2>" + escape(heading) + "</h2>";
        body.add(() -> part);
        return this;
    }

    /** A paragraph of plain text (escaped). */
    public HtmlReport text(String paragraph) {
        String part = "<p>" + escape(paragraph) + "</p>";
        body.add(() -> part);
        return this;
    }

    /** Cells up to this long (numbers, intervals, "N = 400") are kept on one line; longer ones are prose and may wrap. */
    private static final int NOWRAP_CELL = 28;

    /**
     * A table; cells are plain text; a cell equal to PASS or FAIL is coloured. Short cells never wrap (a browser would
     * break "2.686e-05" after the '-'); the table scrolls sideways instead when the window is narrow.
     */
    public HtmlReport table(String caption, List<String> headers, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder("<div class=\"tw\"><table><caption>").append(escape(caption)).append("</caption><thead><tr>");
        for (String h : headers) {
            sb.append("<th>").append(escape(h)).append("</th>");
        }
        sb.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("table '" + caption + "': a row has " + row.size() + " cells but there are "
                        + headers.size() + " columns");
            }
            sb.append("<tr>");
            for (String c : row) {
                String cls = "PASS".equals(c) ? " class=\"pass\"" : "FAIL".equals(c) ? " class=\"fail\""
                        : c.length() <= NOWRAP_CELL ? " class=\"n\"" : "";
                sb.append("<td").append(cls).append(">").append(escape(c)).append("</td>");
            }
            sb.append("</tr>");
        }
        String part = sb.append("</tbody></table></div>").toString();
        body.add(() -> part);
        return this;
    }

    /** The width of the figures' static renderings (pixels of their viewBox; they shrink with a narrower page). */
    static final int STATIC_WIDTH = 900;

    /**
     * An interactive figure, with its static rendering in its container (see the class comment); inline SVG in HTML
     * needs no namespace declaration, so the page names no URL.
     */
    public HtmlReport figure(Figure f) {
        for (Figure g : figures) {
            if (g.id().equals(f.id())) {
                throw new IllegalArgumentException("figure id '" + f.id() + "' is used twice in report '" + title + "'");
            }
        }
        figures.add(f);
        body.add(() -> "<div class=\"fig\" id=\"" + f.id() + "\">"
                + SvgPlot.renderInline(f.chart(), STATIC_WIDTH, f.height()) + "</div>");
        return this;
    }

    /** Number of figures added. */
    public int figureCount() {
        return figures.size();
    }

    /** The whole page. */
    public String html() {
        StringBuilder sb = new StringBuilder(4 << 20);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(title))
                .append("</title>\n<style>")
                .append("body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}")
                .append("table{border-collapse:collapse;margin:1em 0;font-size:14px}caption{text-align:left;font-weight:600;padding:4px 0}")
                .append("th,td{border:1px solid #ccc;padding:3px 8px;text-align:right}th{background:#f3f3f3}")
                .append("td.pass{color:#11772b;font-weight:600;white-space:nowrap}td.fail{color:#b00020;font-weight:700;white-space:nowrap}")
                .append("td.n{white-space:nowrap}.tw{overflow-x:auto;max-width:100%}.tw table{margin:0.5em 0}")
                .append(".verdict{padding:0.6em 1em;border-radius:4px;font-weight:600}")
                .append(".verdict.ok{background:#e6f4ea;border:1px solid #11772b}.verdict.bad{background:#fce8ea;border:1px solid #b00020}")
                .append(".fig{margin:1em 0}.fig.plotted{min-height:440px}#status,.note{color:#666}")
                // The static rendering: as wide as the page allows up to its own width; hidden once plotly draws.
                .append(".fig>svg.static{display:block;width:100%;max-width:").append(STATIC_WIDTH).append("px;height:auto}")
                .append(".fig.plotted>svg.static{display:none}")
                // Printed: the static renderings only, each kept whole on a page (see the class comment).
                .append("@media print{body{max-width:none;margin:0;padding:0}#status,.note{display:none}h2{break-after:avoid}")
                .append(".tw{overflow:visible}.fig{min-height:0;break-inside:avoid;page-break-inside:avoid}")
                .append(".fig>:not(svg.static){display:none!important}.fig>svg.static{display:block!important;max-width:100%}}")
                .append("</style></head><body>\n");
        sb.append("<h1>").append(escape(title)).append("</h1>\n");
        if (verdict != null) {
            sb.append(verdict).append('\n');
        }
        // A page without figures needs neither the 2.6 MB library nor a status line. The line is empty until the script
        // fills it: without scripts it would say "Loading" for ever; the noscript note says what the reader sees instead.
        if (!figures.isEmpty()) {
            sb.append("<p id=\"status\"></p>\n<noscript><p class=\"note\">Scripts are off: the figures are static images "
                    + "(zooming, panning and turning 3-D plots need JavaScript).</p></noscript>\n");
        }
        for (Supplier<String> b : body) {
            sb.append(b.get()).append('\n');
        }
        if (figures.isEmpty()) {
            return sb.append("</body></html>\n").toString();
        }
        sb.append("<script>\nconst figures = {");
        for (int i = 0; i < figures.size(); i++) {
            Figure f = figures.get(i);
            sb.append(i == 0 ? "" : ",\n").append('"').append(f.id()).append("\": ").append(f.json().replace("</", "<\\/"));
        }
        sb.append("};\n");
        sb.append("const plotlyGz = \"").append(plotlyPacked()).append("\";\n");
        sb.append("""
                (async () => {
                  const status = document.getElementById('status');
                  const ids = Object.keys(figures);
                  const kept = [];
                  status.textContent = 'Loading the interactive plots…';
                  try {
                    const bytes = Uint8Array.from(atob(plotlyGz), c => c.charCodeAt(0));
                    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
                    const source = await new Response(stream).text();
                    const script = document.createElement('script');
                    script.textContent = source;
                    document.head.appendChild(script);
                    // Without WebGL plotly draws no 3-D scene (it shows a notice instead) and no scattergl trace, and says
                    // nothing: the static rendering stays for a 3-D figure, and 2-D WebGL traces are drawn as SVG ones.
                    let webgl = false;
                    try {
                      const canvas = document.createElement('canvas');
                      webgl = !!(canvas.getContext('webgl') || canvas.getContext('experimental-webgl'));
                    } catch (e) { }
                    for (const [id, fig] of Object.entries(figures)) {
                      const el = document.getElementById(id);
                      if (!webgl) {
                        if (fig.data.some(t => t.type === 'scatter3d')) { kept.push(id); continue; }
                        for (const t of fig.data) if (t.type === 'scattergl') t.type = 'scatter';
                      }
                      el.classList.add('plotted');
                      try {
                        // The mode bar only on hover: always shown, it covers the end of the title in narrow windows.
                        await Plotly.newPlot(el, fig.data, fig.layout, {responsive: true, displayModeBar: 'hover'});
                      } catch (e) {
                        // Whatever plotly drew goes, and the static rendering is shown again.
                        try { Plotly.purge(el); } catch (ignored) { }
                        for (const child of [...el.children]) if (!child.classList.contains('static')) child.remove();
                        el.classList.remove('plotted');
                        kept.push(id);
                        console.warn('figure ' + id + ' is shown as a static image: ' + e);
                      }
                    }
                    status.textContent = kept.length === 0 ? '' : kept.length + ' of ' + ids.length + ' figures are shown as static images ('
                        + (webgl ? 'they could not be drawn interactively' : 'this browser has no WebGL for 3-D plots') + ').';
                    document.body.dataset.plotsReady = String(ids.length - kept.length);
                  } catch (e) {
                    status.textContent = 'The interactive plots could not be drawn (' + e + '); the figures are static images.';
                    console.error(e);
                  }
                  document.body.dataset.staticFigures = String(document.querySelectorAll('.fig:not(.plotted)').length);
                })();
                </script>
                </body></html>
                """);
        return sb.toString();
    }

    /** Writes the page atomically. */
    public void write(Path file) throws IOException {
        AtomicFiles.writeString(file, html());
    }

    /** plotly.js, gzip-compressed and base64-encoded, computed once per JVM. */
    static String plotlyPacked() {
        String p = plotlyPacked;
        if (p == null) {
            try (InputStream in = HtmlReport.class.getResourceAsStream(PLOTLY_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("plotly.js " + PLOTLY_VERSION + " is missing from the class path ("
                            + PLOTLY_RESOURCE + "); the build must include the plotly.js-dist webjar");
                }
                ByteArrayOutputStream bos = new ByteArrayOutputStream(3 << 20);
                try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
                    in.transferTo(gz);
                }
                p = Base64.getEncoder().encodeToString(bos.toByteArray());
                plotlyPacked = p;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return p;
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** For tests: the UTF-8 size of the page. */
    int size() {
        return html().getBytes(StandardCharsets.UTF_8).length;
    }
}
