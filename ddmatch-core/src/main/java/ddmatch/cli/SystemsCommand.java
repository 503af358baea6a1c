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
        if (w.size() == 1 && SystemSpecs.isSpecPath(w.get(0))) {
            showSpec(out, w.get(0));
        } else if (w.isEmpty()) {
            list(out);
        } else {
            show(out, SystemCatalog.get(w.get(0)));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void list(PrintWriter out) {
        out.printf("%-21s %3s  %-18s %s%n", "NAME", "d", "NOISE", "DESCRIPTION");
        for (SystemCatalog.Entry e : SystemCatalog.entries()) {
            Sde s = e.create(Map.of());
            String noise = s.noiseType() == ddmatch.sde.NoiseType.NONE
                    ? "none (" + e.info().noiseParameter() + "=0)" : s.noiseType().name().toLowerCase(Locale.ROOT);
            out.printf("%-21s %3d  %-18s %s%n", e.name(), s.dimension(), noise, e.description());
        }
        out.println();
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
        out.println("  parameters (override with --param NAME=VALUE):");
        for (Map.Entry<String, Double> p : u.parameters().entrySet()) {
            out.printf("    %-10s = %s%n", p.getKey(), p.getValue());
        }
    }
}
