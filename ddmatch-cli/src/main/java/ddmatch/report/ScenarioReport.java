package ddmatch.report;

import ddmatch.io.AtomicFiles;
import ddmatch.scenario.Claim;
import ddmatch.scenario.Plot;
import ddmatch.scenario.RunRecord;
import ddmatch.scenario.ScenarioResult;
import ddmatch.scenario.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report of a {@code ddmatch reproduce} run, drawn from its {@link RunRecord} alone (so that {@code ddmatch report}
 * can regenerate it from {@code results.json}): {@code report.html} with one section per scenario (summary, claims with
 * PASS/FAIL, tables, interactive figures, notes) and every figure also as {@code figures/ID.svg}.
 */
public final class ScenarioReport {
    private ScenarioReport() {}

    /** The interactive page. */
    public static HtmlReport html(RunRecord run) {
        HtmlReport r = new HtmlReport("ddmatch reproduce: " + String.join(", ", run.scenarios().stream().map(ScenarioResult::name).toList()));
        StringBuilder v = new StringBuilder();
        for (Map.Entry<String, String> e : run.versions().entrySet()) {
            v.append(v.length() == 0 ? "" : "; ").append(e.getKey()).append(' ').append(e.getValue());
        }
        long claims = run.scenarios().stream().mapToLong(s -> s.claims().size()).sum();
        long failed = run.scenarios().stream().flatMap(s -> s.claims().stream()).filter(c -> !c.holds()).count();
        r.verdict(String.format(Locale.ROOT, "%d claim%s, %d failed%s. A claim holds (PASS) if its measured value lies in the "
                        + "allowed range; a FAIL makes ddmatch reproduce exit with status 1.", claims, claims == 1 ? "" : "s", failed,
                failed == 0 ? "" : " (" + String.join(", ", run.scenarios().stream().filter(s -> !s.allClaimsHold()).map(ScenarioResult::name)
                        .toList()) + ")"), failed == 0);
        r.text("Command: " + run.command());
        r.text(String.format(Locale.ROOT, "Seed %d, %s sizes, %.1f s in all. Versions: %s.", run.seed(), run.quick() ? "quick (CI)" : "full",
                run.seconds(), v));
        for (ScenarioResult s : run.scenarios()) {
            r.section(s.title() + " (" + s.name() + ", " + String.format(Locale.ROOT, "%.1f s", s.seconds()) + ")");
            r.text(s.summary());
            if (!s.claims().isEmpty()) {
                List<List<String>> rows = new ArrayList<>();
                for (Claim c : s.claims()) {
                    rows.add(List.of(c.statement(), num(c.value()), allowed(c), c.basis(),
                            c.holds() ? "PASS" : "FAIL"));
                }
                r.table("Claims", List.of("claim", "measured", "allowed", "basis", "result"), rows);
            }
            for (Table t : s.tables()) {
                r.table(t.caption(), t.headers(), t.rows());
            }
            // The notes qualify the numbers (estimator bias, noise floors, what "n/a" means): under the tables, not
            // after all the figures.
            for (String n : s.notes()) {
                r.text(n);
            }
            for (Plot p : s.plots()) {
                r.figure(figure(p));
            }
        }
        return r;
    }

    /** The interactive figure of a plot. */
    public static Figure figure(Plot p) {
        Figure f = new Figure(p.id(), p.title(), p.xLabel(), p.yLabel());
        for (Plot.Series s : p.series()) {
            switch (s.style()) {
                case LINE -> f.scatter(s.name(), s.x(), s.y(), false);
                case MARKERS -> f.scatter(s.name(), s.x(), s.y(), true);
                case LINE_MARKERS -> f.lineMarkers(s.name(), s.x(), s.y());
                case SEGMENTS -> f.segments(s.name(), s.x(), s.y());
                case HISTOGRAM -> f.histogram(s.name(), s.x(), 40);
                case HEATMAP -> f.heatmap(s.name(), s.x(), s.y(), s.z());
                case GUIDE -> f.guide(s.name(), s.x(), s.y());
                case BAND -> f.band(s.name(), s.x(), s.y());
            }
            if (s.yError().length > 0) {
                f.errorY(s.yError());
            }
            // The scenarios name their reference series "target…" or "exact…"; a network that matches it would hide it
            // otherwise.
            if ((s.name().startsWith("target") || s.name().startsWith("exact"))
                    && (s.style() == Plot.Style.LINE || s.style() == Plot.Style.MARKERS || s.style() == Plot.Style.LINE_MARKERS
                    || s.style() == Plot.Style.SEGMENTS)) {
                f.asReference();
            }
        }
        if (p.logY()) {
            f.logY();
        }
        if (p.logX()) {
            f.logX();
            double[] ticks = pointTicks(p);
            if (ticks != null) {
                f.xTicks(ticks);
            }
        }
        return f;
    }

    /**
     * The x values of a plot's data points (its LINE, MARKERS and LINE_MARKERS series), distinct and in increasing
     * order, if there are 2 to 10 of them (e.g. the network sizes of a plot against N: ticks at the sizes measured read
     * better than decades on a log axis); else null.
     */
    static double[] pointTicks(Plot p) {
        java.util.TreeSet<Double> xs = new java.util.TreeSet<>();
        for (Plot.Series s : p.series()) {
            if (s.style() == Plot.Style.LINE || s.style() == Plot.Style.MARKERS || s.style() == Plot.Style.LINE_MARKERS) {
                for (double x : s.x()) {
                    if (Double.isFinite(x) && (!p.logX() || x > 0)) xs.add(x);
                }
            }
        }
        return xs.size() >= 2 && xs.size() <= 10 ? xs.stream().mapToDouble(Double::doubleValue).toArray() : null;
    }

    /** Writes {@code report.html} and {@code figures/ID.svg} into {@code dir}; returns the SVG files written. */
    public static List<Path> write(Path dir, RunRecord run) throws IOException {
        Files.createDirectories(dir.resolve("figures"));
        html(run).write(dir.resolve("report.html"));
        List<Path> svgs = new ArrayList<>();
        for (ScenarioResult s : run.scenarios()) {
            for (Plot p : s.plots()) {
                Path file = dir.resolve("figures").resolve(p.id() + ".svg");
                AtomicFiles.writeString(file, SvgPlot.render(p));
                svgs.add(file);
            }
        }
        return svgs;
    }

    /** The allowed range of a claim: "≤ x" or "≥ x" when one side is open, else "[a, b]". */
    static String allowed(Claim c) {
        if (c.lower() == Double.NEGATIVE_INFINITY && c.upper() == Double.POSITIVE_INFINITY) return "any";
        if (c.lower() == Double.NEGATIVE_INFINITY) return "≤ " + num(c.upper());
        if (c.upper() == Double.POSITIVE_INFINITY) return "≥ " + num(c.lower());
        return "[" + num(c.lower()) + ", " + num(c.upper()) + "]";
    }

    private static String num(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "−∞";
        if (v == 0) return "0";
        double a = Math.abs(v);
        return a != 0 && (a < 1e-3 || a >= 1e5) ? String.format(Locale.ROOT, "%.3e", v) : String.format(Locale.ROOT, "%.4g", v);
    }
}
