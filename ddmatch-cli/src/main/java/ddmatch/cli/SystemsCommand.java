package ddmatch.cli;

import ddmatch.sde.LyapunovReference;
import ddmatch.sde.Sde;
import ddmatch.sde.SystemCatalog;
import ddmatch.sde.SystemInfo;
import ddmatch.io.SystemSpecs;
import ddmatch.sde.user.UserSystem;
import java.nio.file.Path;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ddmatch systems [show] [NAME | SPEC]}: lists the catalog, or shows one system in full. */
@Command(name = "systems", description = "List the built-in systems, or show one system (equations, parameters, "
        + "initial state, time step, reference Lyapunov values, citation); NAME may also be a system spec file "
        + "(.yaml/.yml/.json).", mixinStandardHelpOptions = true)
final class SystemsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..2", paramLabel = "NAME", description = "a system to show in detail (also: show NAME)")
    List<String> words;

    @picocli.CommandLine.Option(names = "--dimension", paramLabel = "D",
            description = "list only the systems of dimension D (default: all)")
    Integer dimension;

    @picocli.CommandLine.Option(names = "--kind", paramLabel = "KIND", defaultValue = "all",
            description = "list only chaotic flows (those with a reference Lyapunov exponent), stochastic systems (noise on by "
                    + "default) or all (default: ${DEFAULT-VALUE})")
    String kind;

    @picocli.CommandLine.Option(names = "--grep", paramLabel = "TEXT",
            description = "list only the systems whose name or description contains TEXT (any case)")
    String grep;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<String> w = words == null ? List.of() : words;
        if (!w.isEmpty() && w.get(0).equals("show")) {
            w = w.subList(1, w.size());
        }
        if (w.size() > 1) {
            throw new IllegalArgumentException("systems takes one NAME (or 'show NAME'); got " + String.join(" ", words));
        }
        boolean filtered = dimension != null || !"all".equals(kind) || grep != null;
        if (!SystemCatalog.KINDS.contains(kind)) {
            throw new IllegalArgumentException("--kind = " + kind + " is not allowed; it must be all, chaotic or stochastic");
        }
        if (dimension != null && dimension < 1) {
            throw new IllegalArgumentException("--dimension = " + dimension + " is not allowed; it must be ≥ 1");
        }
        if (filtered && !w.isEmpty()) {
            throw new IllegalArgumentException("--dimension, --kind and --grep select from the list; they do not apply to showing "
                    + String.join(" ", words));
        }
        if (w.size() == 1 && SystemSpecs.isSpecPath(w.get(0))) {
            showSpec(out, w.get(0));
        } else if (w.isEmpty()) {
            list(out, dimension, kind, grep);
        } else {
            show(out, SystemCatalog.get(w.get(0)));
        }
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * The catalog as a table, or the part of it the filters select (null / "all": no filter): name, dimension, noise,
     * the reference largest Lyapunov exponent (chaotic flows) and the description.
     */
    private static void list(PrintWriter out, Integer dimension, String kind, String grep) {
        out.printf("%-21s %3s  %-18s %8s  %s%n", "NAME", "d", "NOISE", "λ_max", "DESCRIPTION");
        String needle = grep == null ? null : grep.toLowerCase(Locale.ROOT);
        java.util.Set<String> selected = new java.util.HashSet<>(SystemCatalog.select(kind, dimension));
        int shown = 0, all = 0;
        for (SystemCatalog.Entry e : SystemCatalog.entries()) {
            all++;
            Sde s = e.create(Map.of());
            LyapunovReference ref = e.info().lyapunov();
            boolean keep = selected.contains(e.name())
                    && (needle == null || (e.name() + " " + e.description()).toLowerCase(Locale.ROOT).contains(needle));
            if (!keep) {
                continue;
            }
            shown++;
            String noise = s.noiseType() == ddmatch.sde.NoiseType.NONE
                    ? "none (" + e.info().noiseParameter() + "=0)" : s.noiseType().name().toLowerCase(Locale.ROOT);
            String lambda = ref == null ? "—" : String.format(Locale.ROOT, "%.4g", ref.expected());
            out.printf("%-21s %3d  %-18s %8s  %s%n", e.name(), s.dimension(), noise, lambda, e.description());
        }
        out.println();
        if (shown < all) {
            out.println(shown + " of the " + all + " systems.");
        }
        out.println("Show one with: ddmatch systems NAME");
    }

    private static void show(PrintWriter out, SystemCatalog.Entry e) {
        Sde sde = e.create(Map.of());
        SystemInfo info = e.info();
        out.println(e.name() + ": " + e.description());
        if (!info.equations().isEmpty()) {
            out.println("  equations: " + info.equations());
        }
        out.printf(Locale.ROOT, "  dimension d = %d, noise dimension m = %d, noise type %s, default dt = %g%n", sde.dimension(),
                sde.noiseDimension(), sde.noiseType(), sde.defaultTimeStep());
        out.println("  parameters (override with --param NAME=VALUE"
                + (info.noiseParameter().isEmpty() ? "" : "; noise amplitude: " + info.noiseParameter()) + "):");
        for (Map.Entry<String, Double> p : e.defaults().entrySet()) {
            out.printf(Locale.ROOT, "    %-10s = %s%n", p.getKey(), p.getValue());
        }
        out.println("  initial state: " + Arrays.toString(sde.initialState()));
        OptionalDouble div = info.constantDivergence(e.defaults());
        out.println("  divergence: " + (div.isPresent() ? "constant, " + div.getAsDouble() : "state-dependent"));
        LyapunovReference ref = info.lyapunov();
        if (ref != null) {
            out.printf(Locale.ROOT, "  largest Lyapunov exponent: %.4f (%s)%n", ref.maxExponent(), ref.source());
            if (ref.spectrum().length > 0) {
                out.println("  Lyapunov spectrum: " + Arrays.toString(ref.spectrum()) + " (" + ref.spectrumSource() + ")");
            }
            if (ref.hasMeasured()) {
                out.println("  measured by ddmatch: " + ref.note());
            }
        }
        if (!info.citation().isEmpty()) {
            out.println("  citation: " + info.citation());
        }
        if (!info.note().isEmpty()) {
            out.println("  note: " + info.note());
        }
    }

    private static void showSpec(PrintWriter out, String file) throws java.io.IOException {
        UserSystem u = SystemSpecs.load(Path.of(file), Map.of());
        out.println(u.name() + ": " + (u.description().isEmpty() ? "user-defined system from " + file : u.description()));
        out.printf("  dimension d = %d, noise dimension m = %d, noise type %s, default dt = %g%n", u.dimension(),
                u.noiseDimension(), u.noiseType(), u.defaultTimeStep());
        out.println("  state: " + String.join(", ", u.stateNames()));
        if (!u.inputNames().isEmpty()) {
            out.println("  inputs: " + String.join(", ", u.inputNames()));
        }
        out.println("  drift:");
        var def = u.definition();
        for (int i = 0; i < u.dimension(); i++) {
            out.printf("    d%s/dt = %s%n", u.stateNames().get(i), def.drift().get(i).infix());
        }
        out.println("  diffusion: " + diffusionText(def.diffusion()));
        for (int k = 0; k < u.inputNames().size(); k++) {
            out.printf("  input %s: %s%n", u.inputNames().get(k), u.schedules().get(k));
        }
        out.println("  initial state: " + Arrays.toString(u.initialState()));
        out.println("  parameters (override with --param NAME=VALUE):");
        for (Map.Entry<String, Double> p : u.parameters().entrySet()) {
            out.printf("    %-10s = %s%n", p.getKey(), p.getValue());
        }
    }

    private static String diffusionText(ddmatch.sde.user.Diffusion g) {
        if (g instanceof ddmatch.sde.user.Diffusion.None) {
            return "none (an ODE)";
        } else if (g instanceof ddmatch.sde.user.Diffusion.Scalar s) {
            return s.g().infix() + " × identity";
        } else if (g instanceof ddmatch.sde.user.Diffusion.Diagonal dg) {
            return "diag(" + String.join(", ", dg.entries().stream().map(ddmatch.sde.user.Expr::infix).toList()) + ")";
        }
        var m = (ddmatch.sde.user.Diffusion.Matrix) g;
        StringBuilder sb = new StringBuilder(m.rows() + " × " + m.cols() + " matrix [");
        for (int r = 0; r < m.rows(); r++) {
            sb.append(r == 0 ? "[" : ", [");
            for (int c = 0; c < m.cols(); c++) {
                sb.append(c == 0 ? "" : ", ").append(m.entries().get(r * m.cols() + c).infix());
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }
}
