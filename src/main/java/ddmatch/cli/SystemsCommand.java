package ddmatch.cli;

import ddmatch.io.SystemSpecs;
import ddmatch.sde.Sde;
import ddmatch.sde.SystemCatalog;
import ddmatch.sde.user.UserSystem;
import java.nio.file.Path;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ddmatch systems [NAME | SPEC]}: lists the catalog, or shows one system's parameters (catalog or spec file). */
@Command(name = "systems", description = "List the built-in systems, or show one system's parameters and defaults "
        + "(a catalog name, or a system spec file .yaml/.yml/.json).",
        mixinStandardHelpOptions = true)
final class SystemsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "a catalog system or a spec file to show in detail")
    String name;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (name != null && SystemSpecs.isSpecPath(name)) {
            UserSystem u = SystemSpecs.load(Path.of(name), Map.of());
            out.println(u.name() + ": " + (u.description().isEmpty() ? "user-defined system from " + name : u.description()));
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
        } else if (name == null) {
            out.printf("%-14s %s%n", "NAME", "DESCRIPTION");
            for (SystemCatalog.Entry e : SystemCatalog.entries()) {
                out.printf("%-14s %s%n", e.name(), e.description());
            }
            out.println();
            out.println("Show one with: ddmatch systems NAME");
        } else {
            SystemCatalog.Entry e = SystemCatalog.get(name);
            Sde sde = e.create(Map.of());
            out.println(e.name() + ": " + e.description());
            out.printf("  dimension d = %d, noise dimension m = %d, noise type %s, default dt = %g%n", sde.dimension(),
                    sde.noiseDimension(), sde.noiseType(), sde.defaultTimeStep());
            out.println("  parameters (override with --param NAME=VALUE):");
            for (Map.Entry<String, Double> p : e.defaults().entrySet()) {
                out.printf("    %-10s = %s%n", p.getKey(), p.getValue());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
