package ddmatch.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one scenario measured.
 *
 * @param name    scenario id ({@code chaotic}, {@code ou-limit-cycle}, ...)
 * @param title   title for reports
 * @param summary what the scenario shows, one paragraph
 * @param numbers every number, grouped, in a stable order (values: numbers, strings, arrays, nested maps)
 * @param tables  tables for the report
 * @param plots   plots' data
 * @param claims  the scientific claims with their outcome
 * @param notes   remarks (what is approximate, what is missing)
 * @param seconds wall-clock time (excluded from reproducibility comparisons)
 */
public record ScenarioResult(String name, String title, String summary, Map<String, Object> numbers, List<Table> tables,
                             List<Plot> plots, List<Claim> claims, List<String> notes, double seconds) {
    public ScenarioResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        numbers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
        tables = List.copyOf(tables);
        plots = List.copyOf(plots);
        claims = List.copyOf(claims);
        notes = List.copyOf(notes);
    }

    /** Whether every claim holds. */
    public boolean allClaimsHold() {
        return claims.stream().allMatch(Claim::holds);
    }
}
