package ddmatch.scenario;

import java.util.List;

/**
 * How a scenario is run.
 *
 * @param seed    seed of every network, sample and simulation
 * @param quick   small networks and short runs (the CI sizes, about 15 s for all scenarios on 2 cores)
 * @param systems catalog flows for the chaotic scenario (empty: lorenz, rossler, thomas)
 * @param sizes   network sizes N for the chaotic scenario (empty: 200, 400 quick; 250, 500, 1000, 2000, 4000 otherwise)
 */
public record Plan(long seed, boolean quick, List<String> systems, List<Integer> sizes) {
    public Plan {
        systems = List.copyOf(systems);
        sizes = List.copyOf(sizes);
        for (int n : sizes) {
            if (n < 10) {
                throw new IllegalArgumentException("network size N = " + n + " is not allowed; it must be ≥ 10");
            }
        }
    }

    /** Default systems and sizes. */
    public static Plan of(long seed, boolean quick) {
        return new Plan(seed, quick, List.of(), List.of());
    }

    /** The systems of the chaotic scenario. */
    public List<String> chaoticSystems() {
        return systems.isEmpty() ? List.of("lorenz", "rossler", "thomas") : systems;
    }

    /** The network sizes of the chaotic scenario. */
    public List<Integer> chaoticSizes() {
        return !sizes.isEmpty() ? sizes : quick ? List.of(200, 400) : List.of(250, 500, 1000, 2000, 4000);
    }
}
