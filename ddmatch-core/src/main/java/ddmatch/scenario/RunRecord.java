package ddmatch.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code ddmatch reproduce} run: how it was started and what every scenario measured; the content of
 * {@code results.json}.
 *
 * @param command   the exact command line
 * @param seed      the seed
 * @param quick     whether the quick (CI) sizes were used
 * @param versions  versions of ddmatch, Java and the operating system
 * @param scenarios the results, in the order run
 * @param seconds   total wall-clock time (excluded from reproducibility comparisons)
 */
public record RunRecord(String command, long seed, boolean quick, Map<String, String> versions, List<ScenarioResult> scenarios,
                        double seconds) {
    public RunRecord {
        Objects.requireNonNull(command, "command");
        versions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(versions));
        scenarios = List.copyOf(scenarios);
    }
}
