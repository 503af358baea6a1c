package ddmatch.cli;

import ddmatch.sde.Sde;
import ddmatch.sde.SystemCatalog;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ddmatch systems [NAME]}: lists the catalog, or shows one system's parameters. */
@Command(name = "systems", description = "List the built-in systems, or show one system's parameters and defaults.",
        mixinStandardHelpOptions = true)
final class SystemsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "a system to show in detail")
    String name;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (name == null) {
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
