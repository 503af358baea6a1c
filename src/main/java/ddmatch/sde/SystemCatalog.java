package ddmatch.sde;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The built-in systems, selected by name with optional parameter overrides. Every entry documents its parameters and
 * their defaults; an unknown name or parameter is refused with the list of what exists.
 */
public final class SystemCatalog {

    /**
     * One catalog entry.
     *
     * @param name        the identifier users type ({@code ddmatch train NAME})
     * @param description one line for {@code ddmatch systems}
     * @param defaults    parameter names and default values, in display order
     * @param factory     builds the system from a complete parameter map
     */
    public record Entry(String name, String description, Map<String, Double> defaults,
                        Function<Map<String, Double>, Sde> factory) {
        public Entry {
            defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
        }

        /** Builds the system with the defaults, overridden by {@code overrides}. */
        public Sde create(Map<String, Double> overrides) {
            Map<String, Double> p = new LinkedHashMap<>(defaults);
            for (Map.Entry<String, Double> e : overrides.entrySet()) {
                if (!defaults.containsKey(e.getKey())) {
                    throw new IllegalArgumentException("system '" + name + "' has no parameter '" + e.getKey()
                            + "'; its parameters are " + defaults.keySet());
                }
                p.put(e.getKey(), e.getValue());
            }
            return factory.apply(p);
        }
    }

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        add(new Entry("lorenz", "Lorenz (1963) chaotic attractor, deterministic (d = 3)",
                params("sigma", 10.0, "rho", 28.0, "beta", 8.0 / 3.0),
                p -> new Lorenz(p.get("sigma"), p.get("rho"), p.get("beta"), 0.0)));
        add(new Entry("lorenz-noisy", "Lorenz attractor with additive noise G = noise·I (d = 3, m = 3)",
                params("sigma", 10.0, "rho", 28.0, "beta", 8.0 / 3.0, "noise", 2.0),
                p -> new Lorenz(p.get("sigma"), p.get("rho"), p.get("beta"), p.get("noise"))));
        add(new Entry("double-well", "dz = (z − z³) dt + sigma dW, wells at ±1 (d = 1, m = 1)",
                params("sigma", 0.7),
                p -> new DoubleWell(p.get("sigma"))));
        add(new Entry("ou", "non-equilibrium Ornstein–Uhlenbeck dz = −Bz dt + √(2ε) dW, B = [[2, −θ], [θ, 2]] (d = 2, m = 2)",
                params("theta", 1.0, "epsilon", 1.0),
                p -> new RotatingOrnsteinUhlenbeck(p.get("theta"), p.get("epsilon"))));
    }

    private SystemCatalog() {}

    private static void add(Entry e) {
        ENTRIES.put(e.name(), e);
    }

    private static Map<String, Double> params(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Double) kv[i + 1]);
        }
        return m;
    }

    /** All entries, in display order. */
    public static List<Entry> entries() {
        return new ArrayList<>(ENTRIES.values());
    }

    /** The known names, in display order. */
    public static List<String> names() {
        return new ArrayList<>(ENTRIES.keySet());
    }

    public static Optional<Entry> find(String name) {
        return Optional.ofNullable(ENTRIES.get(name));
    }

    /**
     * The entry called {@code name}.
     *
     * @throws IllegalArgumentException naming the known systems if there is none
     */
    public static Entry get(String name) {
        Entry e = ENTRIES.get(name);
        if (e == null) {
            throw new IllegalArgumentException("unknown system '" + name + "'; known systems: " + String.join(", ", ENTRIES.keySet()));
        }
        return e;
    }

    /** Builds the named system with its default parameters, overridden by {@code overrides}. */
    public static Sde create(String name, Map<String, Double> overrides) {
        return get(name).create(overrides);
    }
}
