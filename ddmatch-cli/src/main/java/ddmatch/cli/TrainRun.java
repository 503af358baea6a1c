package ddmatch.cli;

import ddmatch.fit.MatchConfig;
import ddmatch.sde.Sde;
import ddmatch.sde.SystemCatalog;
import ddmatch.sde.user.UserSystem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What every training path of {@code ddmatch train SYSTEM} shares once the options are validated: the target, the name
 * and parameters it is saved under, the fit settings, where the model goes and where the summary and warnings are
 * printed.
 *
 * @param sde          the target system (with any {@code --initial} override)
 * @param system       SYSTEM as given: a catalog name or a spec file path
 * @param params       the {@code --param} overrides, in the system's own units
 * @param specMetadata a spec file's path and checksum ({@link ddmatch.io.SystemSpecs#specMetadata}); empty for the catalog
 * @param cfg          the fit settings built from the options
 * @param output       the model directory to write
 * @param out          the summary's stream
 * @param err          the warnings' stream
 */
record TrainRun(Sde sde, String system, Map<String, Double> params, Map<String, Object> specMetadata, MatchConfig cfg,
                Path output, PrintWriter out, PrintWriter err) {
    TrainRun {
        Objects.requireNonNull(sde, "sde");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(specMetadata, "specMetadata");
        Objects.requireNonNull(cfg, "cfg");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }

    /** The name the model is saved under: a spec file's own system name, else the catalog name. */
    String systemName() {
        return systemName(sde, system);
    }

    /** Every parameter of the target: its defaults (catalog or spec file) with the overrides applied. */
    Map<String, Double> allParameters() {
        return allParameters(sde, system, params);
    }

    /** The closing line of every path ("model written to …"), flushed so that it precedes any warning. */
    void written() {
        written(out, output);
    }

    static void written(PrintWriter out, Path output) {
        out.printf("  model written to %s%n", output);
        out.flush();
    }

    static String systemName(Sde sde, String system) {
        // the catalog's own name also when the user typed dysts' (HyperLorenz → hyper-lorenz)
        return sde instanceof UserSystem ? sde.name() : SystemCatalog.find(system).map(SystemCatalog.Entry::name).orElse(system);
    }

    static Map<String, Double> allParameters(Sde sde, String system, Map<String, Double> params) {
        Map<String, Double> all = new LinkedHashMap<>(sde instanceof UserSystem u ? u.parameters()
                : SystemCatalog.get(system).defaults());
        all.putAll(params);
        return all;
    }
}
