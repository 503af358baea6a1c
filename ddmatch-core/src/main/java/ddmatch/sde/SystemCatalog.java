package ddmatch.sde;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The built-in systems, selected by name with optional parameter and initial-state overrides. Every entry documents
 * its parameters and their defaults, its equations, its citation and, for chaotic flows, reference Lyapunov values;
 * an unknown name or parameter is refused with the list of what exists.
 *
 * <p>The chaotic flows take their default parameters, initial states and reference exponents from the dysts metadata
 * (W. Gilpin, NeurIPS Datasets and Benchmarks 2021; Apache-2.0), shipped as a classpath resource and read at run time
 * ({@code ddmatch/sde/dysts/NOTICE.md}). dysts' time steps (10⁻⁴–10⁻³) are sampling steps chosen for its
 * benchmarks and far finer than classical RK4 needs; the default step here is the largest of 1, 2, 5 × 10ᵏ below
 * dysts' period/200, and the largest Lyapunov exponent changes by less than the test tolerance when it is halved
 * (measured, see {@code CatalogLyapunovTest}).
 */
public final class SystemCatalog {

    /**
     * One catalog entry.
     *
     * @param name        the identifier users type ({@code ddmatch train NAME})
     * @param description one line for {@code ddmatch systems}
     * @param defaults    parameter names and default values, in display order
     * @param factory     builds the system from a complete parameter map
     * @param info        equations, citation, reference Lyapunov values, divergence
     */
    public record Entry(String name, String description, Map<String, Double> defaults,
                        Function<Map<String, Double>, Sde> factory, SystemInfo info) {
        public Entry {
            defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
            info = info == null ? SystemInfo.none() : info;
        }

        /** An entry without metadata. */
        public Entry(String name, String description, Map<String, Double> defaults, Function<Map<String, Double>, Sde> factory) {
            this(name, description, defaults, factory, SystemInfo.none());
        }

        /**
         * The complete parameter map: the defaults, overridden by {@code overrides}.
         *
         * @throws IllegalArgumentException naming the parameters if an override names none of them
         */
        public Map<String, Double> parameters(Map<String, Double> overrides) {
            Map<String, Double> p = new LinkedHashMap<>(defaults);
            for (Map.Entry<String, Double> e : overrides.entrySet()) {
                if (!defaults.containsKey(e.getKey())) {
                    throw new IllegalArgumentException("system '" + name + "' has no parameter '" + e.getKey()
                            + "'; its parameters are " + defaults.keySet());
                }
                p.put(e.getKey(), e.getValue());
            }
            return p;
        }

        /** Builds the system with the defaults, overridden by {@code overrides}. */
        public Sde create(Map<String, Double> overrides) {
            return factory.apply(parameters(overrides));
        }

        /**
         * Builds the system with the defaults overridden by {@code overrides}, starting from {@code initialState}
         * instead of its default initial state.
         *
         * @param initialState the initial state (length = the system's dimension, finite), or null for the default
         */
        public Sde create(Map<String, Double> overrides, double[] initialState) {
            Sde sde = create(overrides);
            return initialState == null ? sde : new InitialStateOverride(sde, initialState);
        }
    }

    /** Builds a flow from a complete parameter map, its initial state and its time step. */
    @FunctionalInterface
    private interface FlowFactory {
        Sde create(Map<String, Double> p, double[] initialState, double timeStep);
    }

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();
    /** dysts key, lower case → catalog name: a dysts user's name for a system works too ({@code HyperLorenz}). */
    private static final Map<String, String> DYSTS_NAMES = new LinkedHashMap<>();
    /** dysts flows measured and left out, with the reason (lower-case key → reason). */
    private static final Map<String, String> LEFT_OUT = Map.of(
            "kawczynskistrizhak", "from dysts' state the orbit integrated here settles on a cycle (λ_max ≈ 0)",
            "henonheiles", "dysts' state lies on a regular orbit of this Hamiltonian system (λ_max ≈ 0.0002)",
            "liuchen", "its largest exponent from dysts' state came out between 0.0003 and 0.15 with the run's length and step",
            "hyperlu", "from dysts' state its orbit escapes to infinity (at t ≈ 5750 with dt = 0.002)");

    private static final String WOLF = "A. Wolf, J. B. Swift, H. L. Swinney and J. A. Vastano, Physica D 16, 285 (1985), Table 1";
    private static final String SPROTT_BOOK = "J. C. Sprott, Chaos and Time-Series Analysis (Oxford University Press, 2003), Appendix A";
    private static final String CHEN_SRC = "RK4 + Gram–Schmidt spectrum for a = 35, b = 3, c = 28 published with the equations of "
            + "G. Chen and T. Ueta, IJBC 9, 1465 (1999) on the 'lyapunov-spectrum' programme pages (step 0.001)";
    private static final String JERK_SRC = "J. C. Sprott, Phys. Lett. A 228, 271 (1997), μ = 2.017; spectrum as tabulated (RK4, step 0.001) "
            + "on the 'lyapunov-spectrum' programme pages citing " + SPROTT_BOOK;
    private static final String LORENZ_EQ = "ẋ = σ(y − x), ẏ = x(ρ − z) − y, ż = xy − βz";
    private static final String LORENZ_CITE = "E. N. Lorenz, Deterministic nonperiodic flow, J. Atmos. Sci. 20, 130 (1963)";

    static {
        LyapunovReference lorenzRef = new LyapunovReference(0.906, WOLF, new double[] {0.906, 0.0, -14.57}, WOLF);
        add(new Entry("lorenz", "Lorenz (1963) chaotic attractor, deterministic (d = 3)",
                params("sigma", 10.0, "rho", 28.0, "beta", 8.0 / 3.0, "noise", 0.0),
                p -> new Lorenz(p.get("sigma"), p.get("rho"), p.get("beta"), p.get("noise")),
                new SystemInfo(LORENZ_EQ, LORENZ_CITE, "noise", lorenzRef,
                        p -> -(p.get("sigma") + 1.0 + p.get("beta")),
                        "initial state and dt = 0.01 are ddmatch's (dysts: dt = 3e-4)")));
        add(new Entry("lorenz-noisy", "Lorenz attractor with additive noise G = noise·I (d = 3, m = 3)",
                params("sigma", 10.0, "rho", 28.0, "beta", 8.0 / 3.0, "noise", 2.0),
                p -> {
                    try {
                        return new Lorenz(p.get("sigma"), p.get("rho"), p.get("beta"), p.get("noise"));
                    } catch (IllegalArgumentException e) {   // the class speaks as "lorenz:"; the user asked for this name
                        throw new IllegalArgumentException(e.getMessage().replaceFirst("^lorenz:", "lorenz-noisy:"), e);
                    }
                },
                new SystemInfo(LORENZ_EQ + ", plus noise·dW in each component", LORENZ_CITE, "noise", lorenzRef,
                        p -> -(p.get("sigma") + 1.0 + p.get("beta")), "the Lyapunov values are those of the drift")));
        add(new Entry("double-well", "dz = (z − z³) dt + sigma dW, wells at ±1 (d = 1, m = 1)",
                params("sigma", 0.7),
                p -> new DoubleWell(p.get("sigma")),
                new SystemInfo("dz = (z − z³) dt + σ dW, V(z) = z⁴/4 − z²/2",
                        "H. A. Kramers, Physica 7, 284 (1940)", "sigma", null, null, "")));
        add(new Entry("ou", "non-equilibrium Ornstein–Uhlenbeck dz = −Bz dt + √(2ε) dW, B = [[2, −θ], [θ, 2]] (d = 2, m = 2)",
                params("theta", 1.0, "epsilon", 1.0),
                p -> new RotatingOrnsteinUhlenbeck(p.get("theta"), p.get("epsilon")),
                new SystemInfo("dx = −(2x − θy) dt + √(2ε) dW₁, dy = −(θx + 2y) dt + √(2ε) dW₂",
                        "G. E. Uhlenbeck and L. S. Ornstein, Phys. Rev. 36, 823 (1930); entropy production θ²: "
                                + "e.g. C. Godrèche and J.-M. Luck, J. Phys. A 52, 035002 (2019)",
                        "epsilon", null, p -> -4.0, "")));

        // Chaotic flows with dysts parameters and initial conditions.
        flow("rossler", "Rossler", "Rössler (1976) spiral attractor", "ẋ = −y − z, ẏ = x + a·y, ż = b + z(x − c)", 0.02,
                (p, x0, dt) -> new Rossler(p.get("a"), p.get("b"), p.get("c"), p.get("noise"), x0, dt), null,
                new LyapunovReference(0.0714, SPROTT_BOOK, new double[] {0.0714, 0.0, -5.3943}, SPROTT_BOOK));
        flow("chen", "Chen", "Chen–Ueta (1999) double-scroll attractor", "ẋ = a(y − x), ẏ = (c − a)x − xz + c·y, ż = xy − b·z",
                0.002, (p, x0, dt) -> new Chen(p.get("a"), p.get("b"), p.get("c"), p.get("noise"), x0, dt),
                p -> -p.get("a") + p.get("c") - p.get("b"),
                new LyapunovReference(2.0232, CHEN_SRC, new double[] {2.0232, -0.0005, -12.0227}, CHEN_SRC));
        flow("chua", "Chua", "Chua's circuit, piecewise-linear diode (double scroll)",
                "ẋ = α(y − x − h(x)), ẏ = x − y + z, ż = −β·y, h(x) = m1·x + ½(m0 − m1)(|x + 1| − |x − 1|)", 0.005,
                (p, x0, dt) -> new Chua(p.get("alpha"), p.get("beta"), p.get("m0"), p.get("m1"), p.get("noise"), x0, dt),
                null, null);
        flow("thomas", "Thomas", "Thomas' cyclically symmetric (labyrinth) attractor, time-rescaled",
                "ẋ = −a·x + b·sin y, ẏ = −a·y + b·sin z, ż = −a·z + b·sin x", 0.02,
                (p, x0, dt) -> new Thomas(p.get("a"), p.get("b"), p.get("noise"), x0, dt), p -> -3.0 * p.get("a"), null);
        flow("aizawa", "Aizawa", "Aizawa–Langford torus-like attractor",
                "ẋ = xz − b·x − d·y, ẏ = d·x + yz − b·y, ż = c + a·z − z³/3 − x² − y² − e·z(x² + y²) + f·z·x³", 0.01,
                (p, x0, dt) -> new Aizawa(p.get("a"), p.get("b"), p.get("c"), p.get("d"), p.get("e"), p.get("f"), p.get("noise"), x0, dt),
                null, null);
        flow("halvorsen", "Halvorsen", "Halvorsen's cyclically symmetric attractor",
                "ẋ = −a·x − b(y + z) − y², ẏ = −a·y − b(z + x) − z², ż = −a·z − b(x + y) − x²", 0.005,
                (p, x0, dt) -> new Halvorsen(p.get("a"), p.get("b"), p.get("noise"), x0, dt), p -> -3.0 * p.get("a"), null);
        flow("sprott-a", "SprottA", "Sprott case A (Nosé–Hoover, a = 1), conservative on average", "ẋ = y, ẏ = −x + yz, ż = 1 − y²", 0.02,
                (p, x0, dt) -> new SprottA(p.get("noise"), x0, dt), null, null);
        flow("sprott-b", "SprottB", "Sprott case B", "ẋ = yz, ẏ = x − y, ż = 1 − xy", 0.05,
                (p, x0, dt) -> new SprottB(p.get("noise"), x0, dt), p -> -1.0, null);
        flow("sprott-c", "SprottC", "Sprott case C", "ẋ = yz, ẏ = x − y, ż = 1 − x²", 0.02,
                (p, x0, dt) -> new SprottC(p.get("noise"), x0, dt), p -> -1.0, null);
        flow("sprott-d", "SprottD", "Sprott case D", "ẋ = −y, ẏ = x + z, ż = xz + 3y²", 0.02,
                (p, x0, dt) -> new SprottD(p.get("noise"), x0, dt), null, null);
        flow("sprott-e", "SprottE", "Sprott case E", "ẋ = yz, ẏ = x² − y, ż = 1 − 4x", 0.02,
                (p, x0, dt) -> new SprottE(p.get("noise"), x0, dt), p -> -1.0, null);
        flow("sprott-f", "SprottF", "Sprott case F", "ẋ = y + z, ẏ = −x + a·y, ż = x² − z", 0.05,
                (p, x0, dt) -> new SprottF(p.get("a"), p.get("noise"), x0, dt), p -> p.get("a") - 1.0, null);
        flow("sprott-s", "SprottS", "Sprott case S", "ẋ = −x − 4y, ẏ = x + z², ż = 1 + x", 0.01,
                (p, x0, dt) -> new SprottS(p.get("noise"), x0, dt), p -> -1.0, null);
        flow("sprott-jerk", "SprottJerk", "Sprott's simplest dissipative chaotic flow (quadratic jerk)",
                "ẋ = y, ẏ = z, ż = −x + y² − μ·z", 0.05,
                (p, x0, dt) -> new SprottJerk(p.get("mu"), p.get("noise"), x0, dt), p -> -p.get("mu"),
                new LyapunovReference(0.0551, JERK_SRC, new double[] {0.0551, 0.0, -2.0721}, JERK_SRC));
        flow("rabinovich-fabrikant", "RabinovichFabrikant", "Rabinovich–Fabrikant modulational-instability model",
                "ẋ = y(z − 1 + x²) + g·x, ẏ = x(3z + 1 − x²) + g·y, ż = −2z(a + xy)", 0.01,
                (p, x0, dt) -> new RabinovichFabrikant(p.get("a"), p.get("g"), p.get("noise"), x0, dt),
                p -> 2.0 * (p.get("g") - p.get("a")), null);
        flow("arneodo", "Arneodo", "Arneodo–Coullet–Tresser cubic jerk flow", "ẋ = y, ẏ = z, ż = −a·x − b·y − c·z + d·x³", 0.01,
                (p, x0, dt) -> new Arneodo(p.get("a"), p.get("b"), p.get("c"), p.get("d"), p.get("noise"), x0, dt),
                p -> -p.get("c"), null);
        flow("dadras", "Dadras", "Dadras–Momeni multi-scroll attractor", "ẋ = y − p·x + o·yz, ẏ = r·y − xz + z, ż = c·xy − e·z", 0.01,
                (p, x0, dt) -> new Dadras(p.get("c"), p.get("e"), p.get("o"), p.get("p"), p.get("r"), p.get("noise"), x0, dt),
                p -> -p.get("p") + p.get("r") - p.get("e"), null);
        flow("finance", "Finance", "chaotic finance model (interest rate, investment demand, price index)",
                "ẋ = (1/b − a)x + z + xy, ẏ = −b·y − x², ż = −x − c·z", 0.02,
                (p, x0, dt) -> new Finance(p.get("a"), p.get("b"), p.get("c"), p.get("noise"), x0, dt), null, null);
        flow("genesio-tesi", "GenesioTesi", "Genesio–Tesi quadratic jerk flow", "ẋ = y, ẏ = z, ż = −c·x − b·y − a·z + x²", 0.02,
                (p, x0, dt) -> new GenesioTesi(p.get("a"), p.get("b"), p.get("c"), p.get("noise"), x0, dt), p -> -p.get("a"), null);
        flow("hadley", "Hadley", "Lorenz (1984) Hadley-circulation model",
                "ẋ = −y² − z² − a·x + a·f, ẏ = xy − b·xz − y + g, ż = b·xy + xz − z", 0.005,
                (p, x0, dt) -> new Hadley(p.get("a"), p.get("b"), p.get("f"), p.get("g"), p.get("noise"), x0, dt), null, null);
        flow("lu-chen", "LuChen", "Lü–Chen attractor (between Lorenz and Chen)", "ẋ = a(y − x), ẏ = −xz + c·y, ż = xy − b·z", 0.01,
                (p, x0, dt) -> new LuChen(p.get("a"), p.get("b"), p.get("c"), p.get("noise"), x0, dt),
                p -> -p.get("a") + p.get("c") - p.get("b"), null);
        flow("nose-hoover", "NoseHoover", "Nosé–Hoover thermostatted oscillator, conservative on average",
                "ẋ = y, ẏ = −x + yz, ż = a − y²", 0.02,
                (p, x0, dt) -> new NoseHoover(p.get("a"), p.get("noise"), x0, dt), null, null);
        flow("rucklidge", "Rucklidge", "Rucklidge double-convection model", "ẋ = −a·x + b·y − yz, ẏ = x, ż = −z + y²", 0.02,
                (p, x0, dt) -> new Rucklidge(p.get("a"), p.get("b"), p.get("noise"), x0, dt), p -> -p.get("a") - 1.0, null);
        flow("shimizu-morioka", "ShimizuMorioka", "Shimizu–Morioka Lorenz-type attractor", "ẋ = y, ẏ = x − a·y − xz, ż = −b·z + x²",
                0.05, (p, x0, dt) -> new ShimizuMorioka(p.get("a"), p.get("b"), p.get("noise"), x0, dt),
                p -> -p.get("a") - p.get("b"), null);
        flow("moore-spiegel", "MooreSpiegel", "Moore–Spiegel thermo-mechanical oscillator",
                "ẋ = y, ẏ = a·z, ż = −z + ε·y − y·x² − b·x", 0.005,
                (p, x0, dt) -> new MooreSpiegel(p.get("a"), p.get("b"), p.get("eps"), p.get("noise"), x0, dt), p -> -1.0, null);
        lorenz96();
        DYSTS_NAMES.put("lorenz", "lorenz");
        DYSTS_NAMES.put("lorenz96", "lorenz96");
        for (DystsFlows.Definition def : DystsFlows.all()) fieldFlow(def);

        // dysts' initial condition for case A lies on a quasi-periodic torus of this conservative-on-average flow
        // (measured λ_max ≈ 0.0003 at T = 2·10⁴ for dt = 0.02 and 0.01); (0, 5, 0) lies in the chaotic sea.
        replaceInitialState("sprott-a", new double[] {0.0, 5.0, 0.0},
                "initial state (0, 5, 0) instead of dysts' (on a quasi-periodic torus: ddmatch λ_max ≈ 0.0003)");

        // Where the reference is only a dysts estimate and ddmatch's Benettin estimate (RK4, renormalised every 10
        // steps, transient 100) differs by more than 15 %, ddmatch's value is recorded after checking that it is
        // converged: λ at (dt, T = 2·10⁴), (dt/2, T = 2·10⁴) and (dt, T = 5·10³). The value kept is the mean of the
        // first two. dysts stores two inconsistent estimates (maximum_lyapunov_estimated and the first entry of
        // lyapunov_spectrum_estimated); the note says which, if either, ddmatch agrees with.
        measured("chua", 0.4388, 0.4309, 0.4306, "agrees with dysts' spectrum estimate 0.4605 (−5 %), not with its maximum estimate");
        measured("thomas", 0.4892, 0.4978, 0.4871, "both dysts estimates (0.632, 0.759) are higher");
        measured("aizawa", 0.0968, 0.0940, 0.0979, "agrees with dysts' spectrum estimate 0.0895 (+6 %)");
        measured("sprott-e", 0.0778, 0.0763, 0.0778, "dysts' two estimates are 0.090 and 0.098");
        measured("sprott-s", 0.1878, 0.1881, 0.1876, "dysts' spectrum estimate 0.215 is closer than its maximum estimate");
        measured("rabinovich-fabrikant", 0.2011, 0.1933, 0.2042, "dysts' two estimates are 0.254 and 0.242");
        measured("arneodo", 0.2041, 0.2033, 0.1995, "dysts' two estimates are 0.237 and 0.243");
        measured("moore-spiegel", 0.1629, 0.1597, 0.1677, "both dysts estimates (0.698, 0.407) are far higher");
        measured("sprott-g", 0.0339, 0.0341, 0.0353, "agrees with dysts' spectrum estimate 0.0335, not with its maximum estimate 0.091");
        measured("sprott-i", 0.0125, 0.0130, 0.0120, "both dysts estimates (0.023, 0.021) are higher");
        measured("sprott-j", 0.0755, 0.0736, 0.0782, "dysts' two estimates (0.123, 0.045) lie on either side");
        measured("sprott-k", 0.0370, 0.0374, 0.0356, "agrees with dysts' spectrum estimate 0.0378, not with its maximum estimate 0.060");
        measured("sprott-l", 0.0602, 0.0608, 0.0627, "dysts' two estimates (0.092, 0.034) lie on either side");
        measured("sprott-m", 0.0436, 0.0427, 0.0478, "both dysts estimates (0.084, 0.052) are higher");
        measured("sprott-n", 0.0787, 0.0751, 0.0762, "dysts' two estimates (0.119, 0.061) lie on either side");
        measured("sprott-o", 0.0494, 0.0486, 0.0504, "both dysts estimates (0.091, 0.067) are higher");
        measured("sprott-p", 0.0864, 0.0860, 0.0850, "both dysts estimates (0.107, 0.103) are higher");
        measured("sprott-q", 0.1114, 0.1090, 0.1065, "both dysts estimates (0.172, 0.137) are higher");
        measured("sprott-r", 0.0600, 0.0620, 0.0606, "both dysts estimates (0.097, 0.076) are higher");
        measured("pehlivan-wei", 0.0699, 0.0697, 0.0692, "both dysts estimates (0.104, 0.095) are higher");
        measured("hindmarsh-rose", 0.2088, 0.2217, 0.2147, "dysts' spectrum estimate 0.262 is closer than its maximum estimate 0.654");
        measured("guckenheimer-holmes", 0.4609, 0.4582, 0.4748, "dysts' two estimates (0.789, 0.341) lie on either side");
        measured("hyper-rossler", 0.1136, 0.1092, 0.1160, "both dysts estimates (0.172, 0.279) are higher");
        measured("hyper-lorenz", 0.2609, 0.2609, 0.2578, "both dysts estimates (0.329, 0.293) are higher");
        measured("beer-ctrnn", 0.0089, 0.0090, 0.0086, "both dysts estimates (0.039, 0.016) are higher");
        // What the catalog sweep (bench/catalog_sweep.sh, N = 1000, seed 1) found hard, for `ddmatch systems show`.
        addNote("hyper-cai", "at N = 1000 the full network's run settles on a fixed point (λ_max −0.95) though its manifold flow"
                + " is chaotic; N = 2000 carries it (λ_max 1.667 against 1.720; bench/results/2026-12-06-catalog-sweep)");
        addNote("hopfield", "hard to match: the steep tanh(10·kx) leaves a drift error of 0.14 at N = 1000 (0.062 at 3000) and the"
                + " network's run settles (bench/results/2026-12-06-catalog-sweep-neural)");
        measured("hopfield", 0.0699, 0.0754, 0.0711, "agrees with dysts' spectrum estimate 0.077, not with its maximum estimate 0.568");

        // Stochastic systems of the field.
        add(new Entry("stuart-landau", "noisy Stuart–Landau (Hopf normal form) limit cycle (d = 2, m = 2)",
                params("mu", 1.0, "omega", 1.0, "noise", 0.2),
                p -> new StuartLandau(p.get("mu"), p.get("omega"), p.get("noise"), new double[] {1.0, 0.0}, 0.01),
                new SystemInfo("ẋ = μx − ωy − (x² + y²)x + noise·ξ₁, ẏ = ωx + μy − (x² + y²)y + noise·ξ₂",
                        "Y. Kuramoto, Chemical Oscillations, Waves, and Turbulence (Springer, 1984)", "noise", null, null,
                        "limit cycle of radius √μ, angular frequency ω")));
        add(new Entry("van-der-pol", "noisy Van der Pol relaxation oscillator (d = 2, m = 2)",
                params("mu", 1.0, "noise", 0.2),
                p -> new VanDerPol(p.get("mu"), p.get("noise"), new double[] {2.0, 0.0}, 0.01),
                new SystemInfo("ẋ = y + noise·ξ₁, ẏ = μ(1 − x²)y − x + noise·ξ₂",
                        "B. van der Pol, Phil. Mag. 2, 978 (1926)", "noise", null, null, "")));
        add(new Entry("fitzhugh-nagumo", "noisy FitzHugh–Nagumo neuron (d = 2, m = 2)",
                params("a", 0.7, "b", 0.8, "eps", 0.08, "current", 0.5, "noise", 0.1),
                p -> new FitzHughNagumo(p.get("a"), p.get("b"), p.get("eps"), p.get("current"), p.get("noise"),
                        new double[] {-1.0, 1.0}, 0.05),
                new SystemInfo("v̇ = v − v³/3 − w + I + noise·ξ₁, ẇ = ε(v + a − b·w) + noise·ξ₂",
                        "R. FitzHugh, Biophys. J. 1, 445 (1961); J. Nagumo, S. Arimoto and S. Yoshizawa, Proc. IRE 50, 2061 (1962)",
                        "noise", null, null, "I = current; I = 0 gives an excitable neuron")));
        add(new Entry("ring-wells", "K wells on a ring, gradient (reversible) multistable system (d = 2, m = 2)",
                params("wells", 3.0, "kappa", 4.0, "h", 1.0, "noise", 0.5),
                p -> new RingWells("ring-wells", integer("ring-wells", "wells", p.get("wells")), p.get("kappa"), p.get("h"), 0.0,
                        p.get("noise"), new double[] {1.0, 0.0}, 0.01),
                new SystemInfo("ż = −∇V + noise·ξ, V = κ(r² − 1)²/4 − (h/K)·Re((x + iy)^K)",
                        "ddmatch's construction (a harmonic-polynomial K-well potential on a ring)", "noise", null, null,
                        "wells at radius ≈ 1, angles 2πj/K")));
        add(new Entry("rotating-wells", "K wells on a ring with a circulating non-gradient drift γ(−y, x) (d = 2, m = 2)",
                params("wells", 3.0, "kappa", 4.0, "h", 1.0, "gamma", 0.5, "noise", 0.5),
                p -> new RingWells("rotating-wells", integer("rotating-wells", "wells", p.get("wells")), p.get("kappa"), p.get("h"),
                        p.get("gamma"), p.get("noise"), new double[] {1.0, 0.0}, 0.01),
                new SystemInfo("ż = −∇V + γ·(−y, x) + noise·ξ, V = κ(r² − 1)²/4 − (h/K)·Re((x + iy)^K)",
                        "ddmatch's construction; nonequilibrium multistability with cyclic switching as in DESIGN.md §1.6",
                        "noise", null, null, "wells persist for |γ| < h")));
    }

    private SystemCatalog() {}

    private static void measured(String name, double atDt, double atHalfDt, double atQuarterTime, String why) {
        LyapunovReference ref = ENTRIES.get(name).info().lyapunov();
        double value = 0.5 * (atDt + atHalfDt);
        String note = String.format(java.util.Locale.ROOT,
                "ddmatch λ_max = %.4f (dt: %.4f, dt/2: %.4f at T = 2e4; %.4f at T = 5e3) vs reference %.4f; %s",
                value, atDt, atHalfDt, atQuarterTime, ref.maxExponent(), why);
        replace(name, f -> f, i -> i.withLyapunov(ref.withMeasured(value, note)));
    }

    private static void addNote(String name, String text) {
        replace(name, f -> f, i -> i.withNote(text));
    }

    private static void replaceInitialState(String name, double[] x0, String why) {
        replace(name, f -> p -> new InitialStateOverride(f.apply(p), x0), i -> i.withNote(why));
    }

    /** Re-registers entry {@code name} (in its place) with its factory and information changed. */
    private static void replace(String name, java.util.function.UnaryOperator<Function<Map<String, Double>, Sde>> factory,
                                java.util.function.UnaryOperator<SystemInfo> info) {
        Entry e = ENTRIES.get(name);
        add(new Entry(e.name(), e.description(), e.defaults(), factory.apply(e.factory()), info.apply(e.info())));
    }

    private static void lorenz96() {
        DystsData.Flow d = DystsData.flow("Lorenz96");
        Map<String, Double> defaults = new LinkedHashMap<>();
        defaults.put("n", (double) d.initialConditions().length);
        defaults.putAll(d.parameters());
        defaults.put("noise", 0.0);
        LyapunovReference ref = dystsReference(d);
        add(new Entry("lorenz96", "Lorenz-96 ring of n sites, forcing f (d = n ≥ 4)", defaults,
                p -> {
                    int n = integer("lorenz96", "n", p.get("n"));
                    double f = p.get("f");
                    double[] x0 = n == d.initialConditions().length ? d.initialConditions() : Lorenz96.uniformStart(n, f);
                    return new Lorenz96(n, f, p.get("noise"), x0, 0.01);
                },
                new SystemInfo("ẋᵢ = (xᵢ₊₁ − xᵢ₋₂)xᵢ₋₁ − xᵢ + f, i = 1..n (indices mod n)",
                        "E. N. Lorenz, Predictability: a problem partly solved, ECMWF Seminar on Predictability (1996); " + d.citation(),
                        "noise", ref, p -> -p.get("n"),
                        "dysts dt = " + d.dt() + "; default 0.01. For n ≠ " + d.initialConditions().length
                                + " the initial state is xᵢ = f, x₁ = f + 0.01")));
    }

    /** Registers a dysts flow: defaults, initial state and (unless given) the reference exponent come from dysts. */
    private static void flow(String name, String key, String description, String equations, double dt, FlowFactory factory,
                             ToDoubleFunction<Map<String, Double>> divergence, LyapunovReference published) {
        DystsData.Flow d = DystsData.flow(key);
        Map<String, Double> defaults = new LinkedHashMap<>(d.parameters());
        defaults.put("noise", 0.0);
        double[] x0 = d.initialConditions();
        LyapunovReference ref = published != null ? published : dystsReference(d);
        add(new Entry(name, description + " (d = 3)", defaults, p -> factory.create(p, x0, dt),
                new SystemInfo(equations, d.citation(), "noise", ref, divergence, stepNote(d, dt))));
        DYSTS_NAMES.put(key.toLowerCase(java.util.Locale.ROOT), name);
    }

    /**
     * Registers a flow given by its equations alone ({@link DystsFlows}): parameters, initial state and reference
     * exponents from dysts, the default step from dysts' period ({@link #defaultStep}).
     */
    private static void fieldFlow(DystsFlows.Definition def) {
        DystsData.Flow d = DystsData.flow(def.key());
        Map<String, Double> defaults = new LinkedHashMap<>(d.parameters());
        defaults.put("noise", 0.0);
        double[] x0 = d.initialConditions();
        double dt = def.step() > 0 ? def.step() : defaultStep(d.period());
        add(new Entry(def.name(), def.description() + " (d = " + x0.length + ")", defaults,
                p -> new FieldFlow(def.name(), p, def.fields().apply(p), p.get("noise"), x0, dt),
                new SystemInfo(def.equations(), d.citation(), "noise", dystsReference(d), def.divergence(), stepNote(d, dt))));
        DYSTS_NAMES.put(def.key().toLowerCase(java.util.Locale.ROOT), def.name());
    }

    /** The largest of 1, 2, 5 × 10ᵏ not above period/200: the rule the hand-written flows' steps follow. */
    static double defaultStep(double period) {
        double target = period / 200.0;
        double decade = Math.pow(10.0, Math.floor(Math.log10(target)));
        // the relative slack absorbs the rounding of decade·m, so that a period of exactly 200·m·10ᵏ gives m·10ᵏ
        double m = 5.0 * decade <= target * (1 + 1e-12) ? 5.0 : 2.0 * decade <= target * (1 + 1e-12) ? 2.0 : 1.0;
        return Double.parseDouble(String.format(java.util.Locale.ROOT, "%.0e", m * decade));
    }

    private static LyapunovReference dystsReference(DystsData.Flow d) {
        return new LyapunovReference(d.maximumLyapunov(), "dysts estimate (maximum_lyapunov_estimated)",
                d.lyapunovSpectrum(), "dysts estimate (lyapunov_spectrum_estimated)");
    }

    private static String stepNote(DystsData.Flow d, double dt) {
        return "dysts dt = " + String.format(java.util.Locale.ROOT, "%.3g", d.dt()) + "; default " + dt + " (RK4)";
    }

    private static int integer(String system, String name, double value) {
        if (value != Math.rint(value) || Math.abs(value) > 1e6) {
            throw new IllegalArgumentException(system + ": parameter '" + name + "' = " + value + " is not allowed; it must be an integer");
        }
        return (int) value;
    }

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

    /** The kinds {@link #select} knows: every system, the chaotic flows, the stochastic systems. */
    public static final List<String> KINDS = List.of("all", "chaotic", "stochastic");

    /**
     * The names of a part of the catalog, in display order.
     *
     * @param kind      {@code all}; {@code chaotic}: the entries with a reference Lyapunov exponent; {@code stochastic}:
     *                  those with noise switched on by default
     * @param dimension only systems of this dimension (at their default parameters), or null for any
     * @throws IllegalArgumentException naming the kinds if {@code kind} is none of them
     */
    public static List<String> select(String kind, Integer dimension) {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("kind '" + kind + "' is not allowed; allowed are " + String.join(", ", KINDS));
        }
        List<String> out = new ArrayList<>();
        for (Entry e : ENTRIES.values()) {
            Sde s = e.create(Map.of());
            boolean kindOk = switch (kind) {
                case "chaotic" -> e.info().lyapunov() != null;
                case "stochastic" -> s.noiseType() != NoiseType.NONE;
                default -> true;
            };
            if (kindOk && (dimension == null || s.dimension() == dimension)) {
                out.add(e.name());
            }
        }
        return out;
    }

    /** The entry called {@code name}, or the one of the dysts flow {@code name} (its class name, any case: {@code HyperLorenz}). */
    public static Optional<Entry> find(String name) {
        Entry e = ENTRIES.get(name);
        if (e == null) {
            String alias = DYSTS_NAMES.get(name.toLowerCase(java.util.Locale.ROOT));
            e = alias == null ? null : ENTRIES.get(alias);
        }
        return Optional.ofNullable(e);
    }

    /**
     * Why the dysts flow that {@code name} stands for (its class name, or that name in this catalog's style:
     * {@code HyperLu}, {@code hyper-lu}) is not in the catalog, or null if {@code name} is no such flow.
     */
    static String leftOutReason(String name) {
        String bare = name.replace("-", "").replace("_", "").toLowerCase(java.util.Locale.ROOT);
        for (String key : DystsData.keys()) {
            String k = key.toLowerCase(java.util.Locale.ROOT);
            if (k.equals(bare) && !DYSTS_NAMES.containsKey(k)) {
                return "'" + name + "' is the dysts flow " + key + ", which ddmatch's catalog leaves out"
                        + (LEFT_OUT.containsKey(k) ? ": " + LEFT_OUT.get(k) : " (a delay equation, a forced flow, or not added yet)")
                        + "; write it as a system spec file (README, 'Your own system') to train on it";
            }
        }
        return null;
    }

    /**
     * The entry called {@code name}.
     *
     * @throws IllegalArgumentException naming the known systems (and the closest name) if there is none
     */
    public static Entry get(String name) {
        Entry e = find(name).orElse(null);
        if (e == null) {
            String leftOut = leftOutReason(name);
            if (leftOut != null) {
                throw new IllegalArgumentException(leftOut);
            }
            String guess = closest(name);
            throw new IllegalArgumentException("unknown system '" + name + "'"
                    + (guess == null ? "" : " (did you mean '" + guess + "'?)")
                    + "; known systems: " + String.join(", ", ENTRIES.keySet()));
        }
        return e;
    }

    /** Builds the named system with its default parameters, overridden by {@code overrides}. */
    public static Sde create(String name, Map<String, Double> overrides) {
        return get(name).create(overrides);
    }

    /** The known name nearest to {@code name} in Levenshtein distance, if within a third of its length; else null. */
    static String closest(String name) {
        return ClosestName.among(name, ENTRIES.keySet());
    }
}
