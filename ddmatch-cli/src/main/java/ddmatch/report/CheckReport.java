package ddmatch.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ddmatch.check.Check;
import ddmatch.check.EndToEndChecks;
import ddmatch.check.SystemReport;
import ddmatch.io.AtomicFiles;
import ddmatch.solve.Trajectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report of a set of end-to-end checks ({@code ddmatch demo}): one HTML page with the table of checks and, per
 * system, the figures its checks rest on (target and network side by side), plus {@code results.json} with every
 * number of the table and how the run was made.
 */
public final class CheckReport {
    private CheckReport() {}

    /** Builds the HTML page. */
    public static HtmlReport html(String title, String command, List<SystemReport> reports) {
        HtmlReport page = new HtmlReport(title);
        long total = reports.stream().mapToLong(r -> r.checks().size()).sum();
        List<String> failed = new ArrayList<>();
        for (SystemReport r : reports) {
            for (Check c : r.checks()) {
                if (!c.pass()) failed.add(r.label() + ": " + c.quantity());
            }
        }
        page.verdict(total + " checks, " + failed.size() + " failed" + (failed.isEmpty() ? "" : " (" + String.join("; ", failed) + ")")
                + ". A check passes if the network's value meets its criterion against the reference; a FAIL makes ddmatch demo exit "
                + "with status 1.", failed.isEmpty());
        page.text("Command: " + command + ". Each network was trained in closed form and simulated in full (all N neurons); "
                + "every check compares it with an analytic value, a published value or the target's own simulation.");
        List<List<String>> rows = new ArrayList<>();
        for (SystemReport r : reports) {
            for (Check c : r.checks()) {
                rows.add(List.of(r.label(), String.valueOf(r.training().network().neurons()), c.quantity(), fmt(c.network()),
                        fmt(c.reference()), c.source(), c.criterion(), c.pass() ? "PASS" : "FAIL"));
            }
        }
        page.table("Checks", List.of("system", "N", "check", "network", "reference", "reference from", "criterion", "result"), rows);
        // Two kinds of row test the tools rather than the network; say so, or they read as network results.
        boolean selfChecks = reports.stream().flatMap(r -> r.checks().stream())
                .anyMatch(c -> c.quantity().equals("EPR analytic") || c.quantity().contains("(target, ddmatch)"));
        if (selfChecks) {
            page.text("Rows \"EPR analytic\" and \"λmax (target, ddmatch)\" check ddmatch's own estimators (the analytic EPR formula "
                    + "against θ², the Lyapunov estimator on the target itself against the published value), not the network.");
        }
        List<List<String>> fits = new ArrayList<>();
        for (SystemReport r : reports) {
            var ridge = r.training().ridge();
            fits.add(List.of(r.label(), String.valueOf(r.training().network().neurons()), String.valueOf(r.training().samples()),
                    String.format("%.3e", ridge.lambda()), String.format("%.1e", ridge.lambda() / ridge.lambdaScale()),
                    ridge.form().name().toLowerCase(), ridge.factorization(), String.format("%.3e", r.drift().mean()),
                    String.format("%.3e", r.drift().p95()), String.format("%.1f", r.seconds())));
        }
        page.table("Fits (λ by generalised cross-validation; held-out drift error ‖P·drift − f̃‖/rms‖f̃‖)",
                List.of("system", "N", "samples", "λ", "λ/scale", "form", "factorisation", "drift err mean", "drift err p95", "seconds"), fits);

        int n = 0;
        for (SystemReport r : reports) {
            page.section(r.label());
            Trajectory target = r.series().get("target");
            Trajectory network = r.series().get("network");
            if (network != null && network.dimension() == 3) {
                boolean noisy = r.label().contains("noisy");
                Figure f = new Figure("fig" + (n++), r.label() + ": " + (target != null ? "target and full network (readout)" : "full network (readout)")
                        + String.format(java.util.Locale.ROOT, ", %.0f time units", network.rows() * network.interval())
                        + (target == null ? "" : noisy ? ", independent noise" : ", same start"), "", "");
                if (target != null) {
                    f.line3d("target", target.component(0), target.component(1), target.component(2), new String[] {"x", "y", "z"});
                }
                f.line3d("network", network.component(0), network.component(1), network.component(2), new String[] {"x", "y", "z"});
                // Lorenz's wings lie on either side of the diagonal x = y: looked at across it they separate into the
                // butterfly (plotly's default view looks along them and overlaps them into a sliver).
                f.camera(1.6, -1.6, 0.5);
                page.figure(f);
                Trajectory same = r.series().get("target (same start as network)");
                if (same == null && !noisy) {
                    same = target;
                }
                if (same != null) {
                    Figure ts = new Figure("fig" + (n++), r.label() + ": x(t) from the same start (chaos separates them after a few Lyapunov times)",
                            "time", "x");
                    int shown = Math.min(same.rows(), Math.min(network.rows(), 3000));
                    ts.line("target", times(same, shown), head(same.component(0), shown), false).asReference();
                    ts.line("network", times(network, shown), head(network.component(0), shown), false);
                    page.figure(ts);
                }
                Trajectory mt = r.series().get(EndToEndChecks.Z_MAXIMA_TARGET);
                Trajectory mn = r.series().get(EndToEndChecks.Z_MAXIMA_NETWORK);
                if (mt != null && mn != null && mt.rows() > 1 && mn.rows() > 1) {
                    Figure rm = new Figure("fig" + (n++), r.label() + ": return map of z's successive maxima (Lorenz 1963, Fig. 4)",
                            "zₙ (maximum)", "zₙ₊₁ (next maximum)");
                    rm.line("target", head(mt.values(), mt.rows() - 1), tail(mt.values()), true).asReference();
                    rm.line("network", head(mn.values(), mn.rows() - 1), tail(mn.values()), true);
                    page.figure(rm);
                }
            } else if (network != null && network.dimension() == 1) {
                Figure f = new Figure("fig" + (n++), r.label() + ": z(t), target SDE and network readout (independent noise realisations)",
                        "time", "z");
                if (target != null) {
                    f.line("target", times(target, target.rows()), target.component(0), false);
                }
                f.line("network", times(network, network.rows()), network.component(0), false);
                page.figure(f);
            } else if (network != null && network.dimension() == 2) {
                Figure f = new Figure("fig" + (n++), r.label() + String.format(java.util.Locale.ROOT,
                        ": stationary samples (one every %.2g time units)%s", network.interval(), target != null ? ", target and network readout"
                                : ", network readout"), "z₁", "z₂");
                if (target != null) {
                    f.line("target", target.component(0), target.component(1), true).asReference();
                }
                f.line("network", network.component(0), network.component(1), true);
                // An isotropic cloud must look round.
                f.equalAspect();
                page.figure(f);
            }
            if (!r.samples().isEmpty()) {
                // Outlined bars: filled translucent ones mixed into an unexplained third colour where they overlapped.
                Figure h = new Figure("fig" + (n++), r.label() + ": residence-time distributions (outlined histograms, overlaid)",
                        "residence time (time units)", "probability density (1/time units)").logY();
                for (Map.Entry<String, double[]> e : r.samples().entrySet()) {
                    h.outlineHistogram(e.getKey(), e.getValue(), 40);
                }
                page.figure(h);
            }
            List<List<String>> own = new ArrayList<>();
            for (Check c : r.checks()) {
                own.add(List.of(c.quantity(), fmt(c.network()), fmt(c.reference()), c.source(), c.pass() ? "PASS" : "FAIL"));
            }
            page.table(r.label() + ": checks", List.of("check", "network", "reference", "reference from", "result"), own);
        }
        return page;
    }

    /** Writes {@code report.html} and {@code results.json} into {@code dir} (created if needed), each atomically. */
    public static void write(Path dir, String title, String command, long seed, List<SystemReport> reports) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        html(title, command, reports).write(dir.resolve("report.html"));
        AtomicFiles.writeString(dir.resolve("results.json"), json(command, seed, reports));
    }

    /** Every number of the checks and fits, with the command, seed and versions. */
    public static String json(String command, long seed, List<SystemReport> reports) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("command", command);
        root.put("seed", seed);
        root.put("java", Runtime.version().toString());
        ArrayNode systems = root.putArray("systems");
        for (SystemReport r : reports) {
            ObjectNode s = systems.addObject();
            s.put("label", r.label());
            s.put("neurons", r.training().network().neurons());
            s.put("samples", r.training().samples());
            s.put("lambda", r.training().ridge().lambda());
            s.put("lambdaRelative", r.training().ridge().lambda() / r.training().ridge().lambdaScale());
            s.put("driftErrorMean", r.drift().mean());
            s.put("driftErrorP95", r.drift().p95());
            s.put("pass", r.pass());
            ArrayNode checks = s.putArray("checks");
            for (Check c : r.checks()) {
                ObjectNode o = checks.addObject();
                o.put("quantity", c.quantity());
                putNumber(o, "network", c.network());
                putNumber(o, "reference", c.reference());
                o.put("source", c.source());
                o.put("criterion", c.criterion());
                o.put("pass", c.pass());
            }
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putNumber(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.put(key, String.valueOf(v));
        }
    }

    private static double[] times(Trajectory t, int rows) {
        double[] x = new double[rows];
        for (int i = 0; i < rows; i++) {
            x[i] = t.time(i);
        }
        return x;
    }

    static double[] head(double[] v, int n) {
        return java.util.Arrays.copyOf(v, n);
    }

    /** All but the first value: the successors mₙ₊₁ beside {@code head(v, length − 1)}'s mₙ. */
    static double[] tail(double[] v) {
        return java.util.Arrays.copyOfRange(v, 1, v.length);
    }

    static String fmt(double v) {
        double a = Math.abs(v);
        return a != 0 && (a < 1e-3 || a >= 1e5) ? String.format("%.3e", v) : String.format("%.4f", v);
    }
}
