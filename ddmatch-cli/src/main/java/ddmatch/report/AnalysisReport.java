package ddmatch.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The page of {@code ddmatch analyze}: every metric group as a table of its numbers, and the figures that show what
 * the numbers summarise — the return maps of successive maxima (network over target), the Lyapunov exponents of the
 * full network, of its flow on the manifold and of the target, the forecasts' valid times, and the spectrum of J.
 * Built from the same map of groups that is written to {@code analysis.json}, so it shows nothing the JSON lacks.
 */
public final class AnalysisReport {
    private AnalysisReport() {}

    /** Arrays longer than this are summarised in the tables (length, first values); the JSON has them whole. */
    private static final int SHOWN = 6;

    /**
     * @param title   the page title, e.g. "analysis of models/lorenz"
     * @param summary one line under the title (system, N, d, time, seed)
     * @param groups  metric group → quantity → value, as {@code ModelAnalysis.run} returns
     */
    public static HtmlReport html(String title, String summary, Map<String, Map<String, Object>> groups) {
        HtmlReport page = new HtmlReport(title);
        page.text(summary);
        int n = 0;
        for (Map.Entry<String, Map<String, Object>> group : groups.entrySet()) {
            String name = group.getKey();
            Map<String, Object> values = group.getValue();
            page.section(name);
            List<List<String>> rows = new ArrayList<>();
            for (Map.Entry<String, Object> e : values.entrySet()) {
                if (!(e.getValue() instanceof List<?>)) {
                    rows.add(List.of(e.getKey(), cell(e.getValue())));
                }
            }
            if (!rows.isEmpty()) {
                page.table(name, List.of("quantity", "value"), rows);
            }
            for (Map.Entry<String, Object> e : values.entrySet()) {
                if (e.getValue() instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> first) {
                    // Columns of long arrays (the return maps' maxima) are drawn in the figures, not listed.
                    List<Object> keys = new ArrayList<>();
                    for (Map.Entry<?, ?> k : first.entrySet()) {
                        if (!(k.getValue() instanceof double[] a && a.length > SHOWN)) {
                            keys.add(k.getKey());
                        }
                    }
                    List<String> headers = keys.stream().map(String::valueOf).toList();
                    List<List<String>> table = new ArrayList<>();
                    for (Object item : list) {
                        List<String> row = new ArrayList<>();
                        for (Object k : keys) {
                            row.add(cell(((Map<?, ?>) item).get(k)));
                        }
                        table.add(row);
                    }
                    page.table(name + ": " + e.getKey(), headers, table);
                }
            }
            n = figures(page, name, values, n);
        }
        return page;
    }

    /** The figures of one group, numbered from {@code n}; returns the next number. */
    private static int figures(HtmlReport page, String group, Map<String, Object> values, int n) {
        switch (group) {
            case "returnMap" -> {
                if (values.get("components") instanceof List<?> components) {
                    for (Object o : components) {
                        Map<?, ?> c = (Map<?, ?>) o;
                        if (c.get("targetMaxima") instanceof double[] t && c.get("networkMaxima") instanceof double[] m
                                && t.length > 1 && m.length > 1) {
                            Figure f = new Figure("fig" + n++, "return map of the maxima of component " + c.get("component")
                                    + " (Lorenz 1963, Fig. 4)", "mₙ", "mₙ₊₁");
                            f.scatter("target", CheckReport.head(t, t.length - 1), CheckReport.tail(t), true).asReference();
                            f.scatter("network", CheckReport.head(m, m.length - 1), CheckReport.tail(m), true);
                            page.figure(f);
                        }
                    }
                }
            }
            case "lyapunov" -> {
                Figure f = new Figure("fig" + n, "Lyapunov exponents (leading first)", "index", "exponent (1/time unit)");
                boolean any = false;
                for (String key : List.of("target", "networkOnManifold", "network")) {
                    if (values.get(key) instanceof double[] e && e.length > 0) {
                        f.lineMarkers(key, indices(e.length), e);
                        any = true;
                    }
                }
                if (any) {
                    page.figure(f);
                    n++;
                }
            }
            case "forecast" -> {
                if (values.get("validTimes") instanceof double[] times && times.length > 1) {
                    Figure f = new Figure("fig" + n++, "valid prediction time of each forecast (the horizon = still valid)",
                            "valid time (time units)", "forecasts");
                    f.histogram("network", times, Math.min(20, times.length));
                    page.figure(f);
                }
            }
            case "connectivity" -> {
                if (values.get("eigenReal") instanceof double[] re && values.get("eigenImag") instanceof double[] im
                        && re.length == im.length && re.length > 0) {
                    Figure f = new Figure("fig" + n++, "eigenvalues of J", "Re λ", "Im λ");
                    f.scatter("J", re, im, true);
                    page.figure(f);
                }
            }
            default -> { }
        }
        return n;
    }

    private static String cell(Object v) {
        if (v instanceof Double x) {
            return CheckReport.fmt(x);
        }
        if (v instanceof double[] a) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < Math.min(a.length, SHOWN); i++) {
                sb.append(i == 0 ? "" : ", ").append(CheckReport.fmt(a[i]));
            }
            return sb.append(a.length > SHOWN ? ", … (" + a.length + " values)]" : "]").toString();
        }
        if (v instanceof int[] a) {
            return java.util.Arrays.toString(a);
        }
        return String.valueOf(v);
    }

    private static double[] indices(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        return x;
    }
}
