package ddmatch.sde;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The dysts flows the catalog holds as equations alone ({@link FieldFlow}): Sprott's cases G–R, further
 * three-dimensional chaotic flows, four-dimensional hyperchaotic flows, a Hamiltonian system and two small neural networks. Each definition
 * gives the catalog name, the dysts key (whose record supplies the parameters, initial state, period and reference
 * exponents), the equations as shown to users, the drift and its analytic Jacobian, and the divergence where it is
 * constant. The forms and parameter names follow dysts (W. Gilpin, NeurIPS Datasets and Benchmarks 2021), which cites
 * the original paper of each; the Jacobians are derived here and checked against central differences
 * ({@code CatalogJacobianTest}), the divergences against the Jacobian's trace ({@code CatalogDivergenceTest}).
 */
final class DystsFlows {

    /**
     * One flow.
     *
     * @param name        the catalog name
     * @param key         the dysts key
     * @param description one line for {@code ddmatch systems} (the dimension is appended)
     * @param equations   the equations as shown to users
     * @param divergence  the constant divergence as a function of the parameters (NaN where those values make it vary),
     *                    or null if it is never constant
     * @param fields      builds drift and Jacobian from a complete parameter map
     * @param step        the default time step, or 0 for the catalog's rule from dysts' period
     */
    record Definition(String name, String key, String description, String equations,
                      ToDoubleFunction<Map<String, Double>> divergence, Function<Map<String, Double>, FieldFlow.Fields> fields,
                      double step) {
        Definition(String name, String key, String description, String equations,
                   ToDoubleFunction<Map<String, Double>> divergence, Function<Map<String, Double>, FieldFlow.Fields> fields) {
            this(name, key, description, equations, divergence, fields, 0.0);
        }
    }

    private DystsFlows() {}

    private static final double SQRT2 = Math.sqrt(2.0);

    /** All definitions, in display order. */
    static List<Definition> all() {
        List<Definition> d = new ArrayList<>();
        sprott(d);
        threeDimensional(d);
        hyperchaotic(d);
        hamiltonian(d);
        neural(d);
        return d;
    }

    private static void sprott(List<Definition> d) {
        d.add(new Definition("sprott-g", "SprottG", "Sprott case G", "ẋ = a·x + z, ẏ = xz − y, ż = −x + y",
                p -> p.get("a") - 1.0, p -> {
                    double a = p.get("a");
                    return new FieldFlow.Fields(
                            (s, f) -> { f[0] = a * s[0] + s[2]; f[1] = s[0] * s[2] - s[1]; f[2] = -s[0] + s[1]; },
                            (s, j) -> set3(j, a, 0, 1, s[2], -1, s[0], -1, 1, 0));
                }));
        d.add(new Definition("sprott-h", "SprottH", "Sprott case H", "ẋ = −y + z², ẏ = x + a·y, ż = x − z",
                p -> p.get("a") - 1.0, p -> {
                    double a = p.get("a");
                    return new FieldFlow.Fields(
                            (s, f) -> { f[0] = -s[1] + s[2] * s[2]; f[1] = s[0] + a * s[1]; f[2] = s[0] - s[2]; },
                            (s, j) -> set3(j, 0, -1, 2 * s[2], 1, a, 0, 1, 0, -1));
                }));
        d.add(new Definition("sprott-i", "SprottI", "Sprott case I", "ẋ = −a·y, ẏ = x + z, ż = x + y² − z",
                p -> -1.0, p -> {
                    double a = p.get("a");
                    return new FieldFlow.Fields(
                            (s, f) -> { f[0] = -a * s[1]; f[1] = s[0] + s[2]; f[2] = s[0] + s[1] * s[1] - s[2]; },
                            (s, j) -> set3(j, 0, -a, 0, 1, 0, 1, 1, 2 * s[1], -1));
                }));
        d.add(new Definition("sprott-j", "SprottJ", "Sprott case J", "ẋ = 2z, ẏ = −2y + z, ż = −x + y + y²",
                p -> -2.0, p -> new FieldFlow.Fields(
                        (s, f) -> { f[0] = 2 * s[2]; f[1] = -2 * s[1] + s[2]; f[2] = -s[0] + s[1] + s[1] * s[1]; },
                        (s, j) -> set3(j, 0, 0, 2, 0, -2, 1, -1, 1 + 2 * s[1], 0))));
        d.add(new Definition("sprott-k", "SprottK", "Sprott case K", "ẋ = xy − z, ẏ = x − y, ż = x + a·z",
                null, p -> {
                    double a = p.get("a");
                    return new FieldFlow.Fields(
                            (s, f) -> { f[0] = s[0] * s[1] - s[2]; f[1] = s[0] - s[1]; f[2] = s[0] + a * s[2]; },
                            (s, j) -> set3(j, s[1], s[0], -1, 1, -1, 0, 1, 0, a));
                }));
        d.add(new Definition("sprott-l", "SprottL", "Sprott case L", "ẋ = y + b·z, ẏ = a·x² − y, ż = 1 − x",
                p -> -1.0, p -> {
                    double a = p.get("a"), b = p.get("b");
                    return new FieldFlow.Fields(
                            (s, f) -> { f[0] = s[1] + b * s[2]; f[1] = a * s[0] * s[0] - s[1]; f[2] = 1 - s[0]; },
                            (s, j) -> set3(j, 0, 1, b, 2 * a * s[0], -1, 0, -1, 0, 0));
                }));
        d.add(new Definition("sprott-m", "SprottM", "Sprott case M", "ẋ = −z, ẏ = −x² − y, ż = a + a·x + y",
                p -> -1.0, p -> {
                    double a = p.get("a");
                    return new FieldFlow.Fields(
                            (s, f) -> { f[0] = -s[2]; f[1] = -s[0] * s[0] - s[1]; f[2] = a + a * s[0] + s[1]; },
                            (s, j) -> set3(j, 0, 0, -1, -2 * s[0], -1, 0, a, 1, 0));
                }));
        d.add(new Definition("sprott-n", "SprottN", "Sprott case N", "ẋ = −2y, ẏ = x + z², ż = 1 + y − 2z",
                p -> -2.0, p -> new FieldFlow.Fields(
                        (s, f) -> { f[0] = -2 * s[1]; f[1] = s[0] + s[2] * s[2]; f[2] = 1 + s[1] - 2 * s[2]; },
                        (s, j) -> set3(j, 0, -2, 0, 1, 0, 2 * s[2], 0, 1, -2))));
        d.add(new Definition("sprott-o", "SprottO", "Sprott case O", "ẋ = y, ẏ = x − z, ż = x + xz + a·y",
                null, p -> {
                    double a = p.get("a");
                    return new FieldFlow.Fields(
                            (s, f) -> { f[0] = s[1]; f[1] = s[0] - s[2]; f[2] = s[0] + s[0] * s[2] + a * s[1]; },
                            (s, j) -> set3(j, 0, 1, 0, 1, 0, -1, 1 + s[2], a, s[0]));
                }));
        d.add(new Definition("sprott-p", "SprottP", "Sprott case P", "ẋ = a·y + z, ẏ = −x + y², ż = x + y",
                null, p -> {
                    double a = p.get("a");
                    return new FieldFlow.Fields(
                            (s, f) -> { f[0] = a * s[1] + s[2]; f[1] = -s[0] + s[1] * s[1]; f[2] = s[0] + s[1]; },
                            (s, j) -> set3(j, 0, a, 1, -1, 2 * s[1], 0, 1, 1, 0));
                }));
        d.add(new Definition("sprott-q", "SprottQ", "Sprott case Q", "ẋ = −z, ẏ = x − y, ż = a·x + y² + b·z",
                p -> p.get("b") - 1.0, p -> {
                    double a = p.get("a"), b = p.get("b");
                    return new FieldFlow.Fields(
                            (s, f) -> { f[0] = -s[2]; f[1] = s[0] - s[1]; f[2] = a * s[0] + s[1] * s[1] + b * s[2]; },
                            (s, j) -> set3(j, 0, 0, -1, 1, -1, 0, a, 2 * s[1], b));
                }));
        d.add(new Definition("sprott-r", "SprottR", "Sprott case R", "ẋ = a − y, ẏ = b + z, ż = xy − z",
                p -> -1.0, p -> {
                    double a = p.get("a"), b = p.get("b");
                    return new FieldFlow.Fields(
                            (s, f) -> { f[0] = a - s[1]; f[1] = b + s[2]; f[2] = s[0] * s[1] - s[2]; },
                            (s, j) -> set3(j, 0, -1, 0, 0, 0, 1, s[1], s[0], -1));
                }));
    }

    private static void threeDimensional(List<Definition> d) {
        d.add(new Definition("burke-shaw", "BurkeShaw", "Burke–Shaw attractor (dysts' form)",
                "ẋ = −n(x + y), ẏ = y − n·xz, ż = n·xy + e", p -> 1.0 - p.get("n"), p -> {
                    double e = p.get("e"), n = p.get("n");
                    return new FieldFlow.Fields(
                            (s, f) -> { f[0] = -n * (s[0] + s[1]); f[1] = s[1] - n * s[0] * s[2]; f[2] = n * s[0] * s[1] + e; },
                            (s, j) -> set3(j, -n, -n, 0, -n * s[2], 1, -n * s[0], n * s[1], n * s[0], 0));
                }));
        d.add(new Definition("chen-lee", "ChenLee", "Chen–Lee attractor (rigid-body motion with feedback)",
                "ẋ = a·x − yz, ẏ = b·y + xz, ż = c·z + xy/3", p -> p.get("a") + p.get("b") + p.get("c"), p -> {
                    double a = p.get("a"), b = p.get("b"), c = p.get("c");
                    return new FieldFlow.Fields(
                            (s, f) -> { f[0] = a * s[0] - s[1] * s[2]; f[1] = b * s[1] + s[0] * s[2]; f[2] = c * s[2] + s[0] * s[1] / 3; },
                            (s, j) -> set3(j, a, -s[2], -s[1], s[2], b, s[0], s[1] / 3, s[0] / 3, c));
                }, 0.005));   // at the rule's 0.01 the RK4 orbit from dysts' state settles on a cycle (λ_max ≈ 0.002)
        d.add(new Definition("newton-leipnik", "NewtonLiepnik", "Newton–Leipnik rigid body with two strange attractors",
                "ẋ = −a·x + y + 10yz, ẏ = −x − 0.4y + 5xz, ż = b·z − 5xy", p -> -p.get("a") - 0.4 + p.get("b"), p -> {
                    double a = p.get("a"), b = p.get("b");
                    return new FieldFlow.Fields(
                            (s, f) -> {
                                f[0] = -a * s[0] + s[1] + 10 * s[1] * s[2];
                                f[1] = -s[0] - 0.4 * s[1] + 5 * s[0] * s[2];
                                f[2] = b * s[2] - 5 * s[0] * s[1];
                            },
                            (s, j) -> set3(j, -a, 1 + 10 * s[2], 10 * s[1], -1 + 5 * s[2], -0.4, 5 * s[0], -5 * s[1], -5 * s[0], b));
                }));
        d.add(new Definition("qi-chen", "QiChen", "Qi–Chen four-wing-type attractor", "ẋ = a(y − x) + yz, ẏ = c·x + y − xz, ż = xy − b·z",
                p -> -p.get("a") + 1.0 - p.get("b"), p -> {
                    double a = p.get("a"), b = p.get("b"), c = p.get("c");
                    return new FieldFlow.Fields(
                            (s, f) -> { f[0] = a * (s[1] - s[0]) + s[1] * s[2]; f[1] = c * s[0] + s[1] - s[0] * s[2]; f[2] = s[0] * s[1] - b * s[2]; },
                            (s, j) -> set3(j, -a, a + s[2], s[1], c - s[2], 1, -s[0], s[1], s[0], -b));
                }));
        d.add(new Definition("rikitake", "RikitakeDynamo", "Rikitake two-disc dynamo (geomagnetic reversals)",
                "ẋ = −μx + yz, ẏ = −μy − a·x + xz, ż = 1 − xy", p -> -2.0 * p.get("mu"), p -> {
                    double a = p.get("a"), mu = p.get("mu");
                    return new FieldFlow.Fields(
                            (s, f) -> { f[0] = -mu * s[0] + s[1] * s[2]; f[1] = -mu * s[1] - a * s[0] + s[0] * s[2]; f[2] = 1 - s[0] * s[1]; },
                            (s, j) -> set3(j, -mu, s[2], s[1], -a + s[2], -mu, s[0], -s[1], -s[0], 0));
                }));
        d.add(new Definition("zhou-chen", "ZhouChen", "Zhou–Chen attractor", "ẋ = a·x + b·y + yz, ẏ = c·y − xz + d·yz, ż = e·z − xy",
                null, p -> {
                    double a = p.get("a"), b = p.get("b"), c = p.get("c"), dd = p.get("d"), e = p.get("e");
                    return new FieldFlow.Fields(
                            (s, f) -> {
                                f[0] = a * s[0] + b * s[1] + s[1] * s[2];
                                f[1] = c * s[1] - s[0] * s[2] + dd * s[1] * s[2];
                                f[2] = e * s[2] - s[0] * s[1];
                            },
                            (s, j) -> set3(j, a, b + s[2], s[1], -s[2], c + dd * s[2], -s[0] + dd * s[1], -s[1], -s[0], e));
                }));
        d.add(new Definition("wang-sun", "WangSun", "Wang–Sun four-scroll attractor", "ẋ = a·x + q·yz, ẏ = b·x + d·y − xz, ż = e·z + f·xy",
                p -> p.get("a") + p.get("d") + p.get("e"), p -> {
                    double a = p.get("a"), b = p.get("b"), dd = p.get("d"), e = p.get("e"), ff = p.get("f"), q = p.get("q");
                    return new FieldFlow.Fields(
                            (s, f) -> { f[0] = a * s[0] + q * s[1] * s[2]; f[1] = b * s[0] + dd * s[1] - s[0] * s[2]; f[2] = e * s[2] + ff * s[0] * s[1]; },
                            (s, j) -> set3(j, a, q * s[2], q * s[1], b - s[2], dd, -s[0], ff * s[1], ff * s[0], e));
                }));
        d.add(new Definition("sakarya", "Sakarya", "Sakarya attractor", "ẋ = a·x + h·y + s·yz, ẏ = −b·y − p·x + q·xz, ż = c·z − r·xy",
                p -> p.get("a") - p.get("b") + p.get("c"), p -> {
                    double a = p.get("a"), b = p.get("b"), c = p.get("c"), h = p.get("h"), pp = p.get("p"), q = p.get("q"),
                            r = p.get("r"), sc = p.get("s");
                    return new FieldFlow.Fields(
                            (s, f) -> {
                                f[0] = a * s[0] + h * s[1] + sc * s[1] * s[2];
                                f[1] = -b * s[1] - pp * s[0] + q * s[0] * s[2];
                                f[2] = c * s[2] - r * s[0] * s[1];
                            },
                            (s, j) -> set3(j, a, h + sc * s[2], sc * s[1], -pp + q * s[2], -b, q * s[0], -r * s[1], -r * s[0], c));
                }));
        d.add(new Definition("lu-chen-cheng", "LuChenCheng", "Lü–Chen–Cheng multi-scroll attractor",
                "ẋ = −(ab/(a + b))·x − yz + c, ẏ = a·y + xz, ż = b·z + xy",
                p -> -p.get("a") * p.get("b") / (p.get("a") + p.get("b")) + p.get("a") + p.get("b"), p -> {
                    double a = p.get("a"), b = p.get("b"), c = p.get("c"), k = a * b / (a + b);
                    return new FieldFlow.Fields(
                            (s, f) -> { f[0] = -k * s[0] - s[1] * s[2] + c; f[1] = a * s[1] + s[0] * s[2]; f[2] = b * s[2] + s[0] * s[1]; },
                            (s, j) -> set3(j, -k, -s[2], -s[1], s[2], a, s[0], s[1], s[0], b));
                }));
        d.add(new Definition("pehlivan-wei", "PehlivanWei", "Pehlivan–Wei attractor", "ẋ = y − yz, ẏ = y + yz − 2x, ż = 2 − xy − y²",
                null, p -> new FieldFlow.Fields(
                        (s, f) -> { f[0] = s[1] - s[1] * s[2]; f[1] = s[1] + s[1] * s[2] - 2 * s[0]; f[2] = 2 - s[0] * s[1] - s[1] * s[1]; },
                        (s, j) -> set3(j, 0, 1 - s[2], -s[1], -2, 1 + s[2], s[1], -s[1], -s[0] - 2 * s[1], 0))));
        d.add(new Definition("laser", "Laser", "semiconductor laser model (dysts' form)",
                "ẋ = a(y − x) + b·yz², ẏ = c·x + d·xz², ż = h·z + k·x²", p -> -p.get("a") + p.get("h"), p -> {
                    double a = p.get("a"), b = p.get("b"), c = p.get("c"), dd = p.get("d"), h = p.get("h"), k = p.get("k");
                    return new FieldFlow.Fields(
                            (s, f) -> {
                                double z2 = s[2] * s[2];
                                f[0] = a * (s[1] - s[0]) + b * s[1] * z2;
                                f[1] = c * s[0] + dd * s[0] * z2;
                                f[2] = h * s[2] + k * s[0] * s[0];
                            },
                            (s, j) -> set3(j, -a, a + b * s[2] * s[2], 2 * b * s[1] * s[2], c + dd * s[2] * s[2], 0, 2 * dd * s[0] * s[2],
                                    2 * k * s[0], 0, h));
                }));
        d.add(new Definition("hindmarsh-rose", "HindmarshRose", "Hindmarsh–Rose bursting neuron (dysts' rescaled form)",
                "ẋ = −x + (y − a·x³ + b·x² + z)/tₓ, ẏ = −a·x³ − (d − b)x² + z, ż = (c − s·x − z)/t_z", null, p -> {
                    double a = p.get("a"), b = p.get("b"), c = p.get("c"), dd = p.get("d"), sc = p.get("s"), tx = p.get("tx"), tz = p.get("tz");
                    return new FieldFlow.Fields(
                            (s, f) -> {
                                double x = s[0], x2 = x * x;
                                f[0] = -x + (s[1] - a * x2 * x + b * x2 + s[2]) / tx;
                                f[1] = -a * x2 * x - (dd - b) * x2 + s[2];
                                f[2] = (c - sc * x - s[2]) / tz;
                            },
                            (s, j) -> {
                                double x = s[0];
                                set3(j, -1 + (-3 * a * x * x + 2 * b * x) / tx, 1 / tx, 1 / tx, -3 * a * x * x - 2 * (dd - b) * x, 0, 1,
                                        -sc / tz, 0, -1 / tz);
                            });
                }));
        d.add(new Definition("rayleigh-benard", "RayleighBenard", "Rayleigh–Bénard convection, three-mode truncation",
                "ẋ = a(y − x), ẏ = r·y − xz, ż = xy − b·z", p -> -p.get("a") + p.get("r") - p.get("b"), p -> {
                    double a = p.get("a"), b = p.get("b"), r = p.get("r");
                    return new FieldFlow.Fields(
                            (s, f) -> { f[0] = a * (s[1] - s[0]); f[1] = r * s[1] - s[0] * s[2]; f[2] = s[0] * s[1] - b * s[2]; },
                            (s, j) -> set3(j, -a, a, 0, -s[2], r, -s[0], s[1], s[0], -b));
                }));
        d.add(new Definition("vallis-el-nino", "VallisElNino", "Vallis' El Niño–Southern Oscillation model",
                "ẋ = b·y − c(x + p), ẏ = −y + xz, ż = −z − xy + 1", p -> -p.get("c") - 2.0, p -> {
                    double b = p.get("b"), c = p.get("c"), pp = p.get("p");
                    return new FieldFlow.Fields(
                            (s, f) -> { f[0] = b * s[1] - c * (s[0] + pp); f[1] = -s[1] + s[0] * s[2]; f[2] = -s[2] - s[0] * s[1] + 1; },
                            (s, j) -> set3(j, -c, b, 0, s[2], -1, s[0], -s[1], -s[0], -1));
                }));
        d.add(new Definition("guckenheimer-holmes", "GuckenheimerHolmes", "Guckenheimer–Holmes cycle of heteroclinic connections",
                "ẋ = a·x − b·y + c·zx + d·z(x² + y²), ẏ = a·y + b·x + c·zy, ż = e − z² − f(x² + y²) − a·z³", null, p -> {
                    double a = p.get("a"), b = p.get("b"), c = p.get("c"), dd = p.get("d"), e = p.get("e"), ff = p.get("f");
                    return new FieldFlow.Fields(
                            (s, f) -> {
                                double x = s[0], y = s[1], z = s[2], r2 = x * x + y * y;
                                f[0] = a * x - b * y + c * z * x + dd * z * r2;
                                f[1] = a * y + b * x + c * z * y;
                                f[2] = e - z * z - ff * r2 - a * z * z * z;
                            },
                            (s, j) -> {
                                double x = s[0], y = s[1], z = s[2];
                                set3(j, a + c * z + 2 * dd * z * x, -b + 2 * dd * z * y, c * x + dd * (x * x + y * y),
                                        b, a + c * z, c * y,
                                        -2 * ff * x, -2 * ff * y, -2 * z - 3 * a * z * z);
                            });
                }));
    }


    private static void hyperchaotic(List<Definition> d) {
        d.add(new Definition("hyper-rossler", "HyperRossler", "Rössler's (1979) hyperchaotic flow",
                "ẋ = −y − z, ẏ = x + a·y + w, ż = b + xz, ẇ = −c·z + d·w", null, p -> {
                    double a = p.get("a"), b = p.get("b"), c = p.get("c"), dd = p.get("d");
                    return new FieldFlow.Fields(
                            (s, f) -> { f[0] = -s[1] - s[2]; f[1] = s[0] + a * s[1] + s[3]; f[2] = b + s[0] * s[2]; f[3] = -c * s[2] + dd * s[3]; },
                            (s, j) -> set4(j, 0, -1, -1, 0, 1, a, 0, 1, s[2], 0, s[0], 0, 0, 0, -c, dd));
                }));
        d.add(new Definition("hyper-lorenz", "HyperLorenz", "hyperchaotic Lorenz flow (a fourth state fed back into ẋ)",
                "ẋ = a(y − x) + w, ẏ = c·x − xz − y, ż = xy − b·z, ẇ = d·w − xz", p -> -p.get("a") - 1.0 - p.get("b") + p.get("d"), p -> {
                    double a = p.get("a"), b = p.get("b"), c = p.get("c"), dd = p.get("d");
                    return new FieldFlow.Fields(
                            (s, f) -> {
                                f[0] = a * (s[1] - s[0]) + s[3]; f[1] = c * s[0] - s[0] * s[2] - s[1];
                                f[2] = s[0] * s[1] - b * s[2]; f[3] = dd * s[3] - s[0] * s[2];
                            },
                            (s, j) -> set4(j, -a, a, 0, 1, c - s[2], -1, -s[0], 0, s[1], s[0], -b, 0, -s[2], 0, -s[0], dd));
                }));
        d.add(new Definition("hyper-cai", "HyperCai", "Cai's hyperchaotic flow", "ẋ = a(y − x), ẏ = b·x + c·y − xz + w, ż = y² − d·z, ẇ = −e·x",
                p -> -p.get("a") + p.get("c") - p.get("d"), p -> {
                    double a = p.get("a"), b = p.get("b"), c = p.get("c"), dd = p.get("d"), e = p.get("e");
                    return new FieldFlow.Fields(
                            (s, f) -> {
                                f[0] = a * (s[1] - s[0]); f[1] = b * s[0] + c * s[1] - s[0] * s[2] + s[3];
                                f[2] = s[1] * s[1] - dd * s[2]; f[3] = -e * s[0];
                            },
                            (s, j) -> set4(j, -a, a, 0, 0, b - s[2], c, -s[0], 1, 0, 2 * s[1], -dd, 0, -e, 0, 0, 0));
                }));
        d.add(new Definition("hyper-bao", "HyperBao", "Bao's hyperchaotic Lü-type flow", "ẋ = a(y − x) + w, ẏ = c·y − xz, ż = xy − b·z, ẇ = e·x + d·yz",
                p -> -p.get("a") + p.get("c") - p.get("b"), p -> {
                    double a = p.get("a"), b = p.get("b"), c = p.get("c"), dd = p.get("d"), e = p.get("e");
                    return new FieldFlow.Fields(
                            (s, f) -> {
                                f[0] = a * (s[1] - s[0]) + s[3]; f[1] = c * s[1] - s[0] * s[2];
                                f[2] = s[0] * s[1] - b * s[2]; f[3] = e * s[0] + dd * s[1] * s[2];
                            },
                            (s, j) -> set4(j, -a, a, 0, 1, -s[2], c, -s[0], 0, s[1], s[0], -b, 0, e, dd * s[2], dd * s[1], 0));
                }));
        d.add(new Definition("hyper-jha", "HyperJha", "Jha's hyperchaotic Lorenz-type flow", "ẋ = a(y − x) + w, ẏ = b·x − xz − y, ż = xy − c·z, ẇ = d·w − xz",
                p -> -p.get("a") - 1.0 - p.get("c") + p.get("d"), p -> {
                    double a = p.get("a"), b = p.get("b"), c = p.get("c"), dd = p.get("d");
                    return new FieldFlow.Fields(
                            (s, f) -> {
                                f[0] = a * (s[1] - s[0]) + s[3]; f[1] = b * s[0] - s[0] * s[2] - s[1];
                                f[2] = s[0] * s[1] - c * s[2]; f[3] = dd * s[3] - s[0] * s[2];
                            },
                            (s, j) -> set4(j, -a, a, 0, 1, b - s[2], -1, -s[0], 0, s[1], s[0], -c, 0, -s[2], 0, -s[0], dd));
                }));
        d.add(new Definition("lorenz-stenflo", "LorenzStenflo", "Lorenz–Stenflo equations (acoustic-gravity waves in a rotating atmosphere)",
                "ẋ = a(y − x) + d·w, ẏ = c·x − xz − y, ż = xy − b·z, ẇ = −x − a·w", p -> -2.0 * p.get("a") - 1.0 - p.get("b"), p -> {
                    double a = p.get("a"), b = p.get("b"), c = p.get("c"), dd = p.get("d");
                    return new FieldFlow.Fields(
                            (s, f) -> {
                                f[0] = a * (s[1] - s[0]) + dd * s[3]; f[1] = c * s[0] - s[0] * s[2] - s[1];
                                f[2] = s[0] * s[1] - b * s[2]; f[3] = -s[0] - a * s[3];
                            },
                            (s, j) -> set4(j, -a, a, 0, dd, c - s[2], -1, -s[0], 0, s[1], s[0], -b, 0, -1, 0, 0, -a));
                }));
        d.add(new Definition("hyper-yang-chen", "HyperYangChen", "Yang–Chen hyperchaotic flow", "ẋ = a(y − x), ẏ = c·x − xz + w, ż = xy − b·z, ẇ = −d·x",
                p -> -p.get("a") - p.get("b"), p -> {
                    double a = p.get("a"), b = p.get("b"), c = p.get("c"), dd = p.get("d");
                    return new FieldFlow.Fields(
                            (s, f) -> {
                                f[0] = a * (s[1] - s[0]); f[1] = c * s[0] - s[0] * s[2] + s[3];
                                f[2] = s[0] * s[1] - b * s[2]; f[3] = -dd * s[0];
                            },
                            (s, j) -> set4(j, -a, a, 0, 0, c - s[2], 0, -s[0], 1, s[1], s[0], -b, 0, -dd, 0, 0, 0));
                }));
        d.add(new Definition("hyper-xu", "HyperXu", "Xu's hyperchaotic flow", "ẋ = a(y − x) + w, ẏ = b·x + e·xz, ż = −c·z − xy, ẇ = xz − d·y",
                p -> -p.get("a") - p.get("c"), p -> {
                    double a = p.get("a"), b = p.get("b"), c = p.get("c"), dd = p.get("d"), e = p.get("e");
                    return new FieldFlow.Fields(
                            (s, f) -> {
                                f[0] = a * (s[1] - s[0]) + s[3]; f[1] = b * s[0] + e * s[0] * s[2];
                                f[2] = -c * s[2] - s[0] * s[1]; f[3] = s[0] * s[2] - dd * s[1];
                            },
                            (s, j) -> set4(j, -a, a, 0, 1, b + e * s[2], 0, e * s[0], 0, -s[1], -s[0], -c, 0, s[2], -dd, s[0], 0));
                }));
        d.add(new Definition("hyper-wang", "HyperWang", "Wang's hyperchaotic flow", "ẋ = a(y − x), ẏ = b·x − xz + w, ż = e·x² − c·z, ẇ = −d·x",
                p -> -p.get("a") - p.get("c"), p -> {
                    double a = p.get("a"), b = p.get("b"), c = p.get("c"), dd = p.get("d"), e = p.get("e");
                    return new FieldFlow.Fields(
                            (s, f) -> {
                                f[0] = a * (s[1] - s[0]); f[1] = b * s[0] - s[0] * s[2] + s[3];
                                f[2] = e * s[0] * s[0] - c * s[2]; f[3] = -dd * s[0];
                            },
                            (s, j) -> set4(j, -a, a, 0, 0, b - s[2], 0, -s[0], 1, 2 * e * s[0], 0, -c, 0, -dd, 0, 0, 0));
                }));
        d.add(new Definition("hyper-pang", "HyperPang", "Pang's hyperchaotic Lü-type flow", "ẋ = a(y − x), ẏ = c·y − xz + w, ż = xy − b·z, ẇ = −d(x + y)",
                p -> -p.get("a") + p.get("c") - p.get("b"), p -> {
                    double a = p.get("a"), b = p.get("b"), c = p.get("c"), dd = p.get("d");
                    return new FieldFlow.Fields(
                            (s, f) -> {
                                f[0] = a * (s[1] - s[0]); f[1] = c * s[1] - s[0] * s[2] + s[3];
                                f[2] = s[0] * s[1] - b * s[2]; f[3] = -dd * (s[0] + s[1]);
                            },
                            (s, j) -> set4(j, -a, a, 0, 0, -s[2], c, -s[0], 1, s[1], s[0], -b, 0, -dd, -dd, 0, 0));
                }));
        d.add(new Definition("qi", "Qi", "Qi's four-wing hyperchaotic flow",
                "ẋ = a(y − x) + yzw, ẏ = b(x + y) − xzw, ż = xyw − c·z, ẇ = xyz − d·w", p -> -p.get("a") + p.get("b") - p.get("c") - p.get("d"), p -> {
                    double a = p.get("a"), b = p.get("b"), c = p.get("c"), dd = p.get("d");
                    return new FieldFlow.Fields(
                            (s, f) -> {
                                double x = s[0], y = s[1], z = s[2], w = s[3];
                                f[0] = a * (y - x) + y * z * w; f[1] = b * (x + y) - x * z * w;
                                f[2] = x * y * w - c * z; f[3] = x * y * z - dd * w;
                            },
                            (s, j) -> {
                                double x = s[0], y = s[1], z = s[2], w = s[3];
                                set4(j, -a, a + z * w, y * w, y * z,
                                        b - z * w, b, -x * w, -x * z,
                                        y * w, x * w, -c, x * y,
                                        y * z, x * z, x * y, -dd);
                            });
                }));
    }

    private static void hamiltonian(List<Definition> d) {
        d.add(new Definition("nuclear-quadrupole", "NuclearQuadrupole", "quadrupole vibrations of an atomic nucleus (Hamiltonian)",
                "q̇₁ = a·p₁, q̇₂ = a·p₂, ṗ₁ = −a·q₁ + (3/√2)b(q₁² − q₂²) − d·q₁(q₁² + q₂²), ṗ₂ = −a·q₂ − 3√2·b·q₁q₂ − d·q₂(q₁² + q₂²)",
                p -> 0.0, p -> {
                    double a = p.get("a"), b = p.get("b"), dd = p.get("d");
                    return new FieldFlow.Fields(
                            (s, f) -> {
                                double q1 = s[0], q2 = s[1], r2 = q1 * q1 + q2 * q2;
                                f[0] = a * s[2]; f[1] = a * s[3];
                                f[2] = -a * q1 + 3 / SQRT2 * b * (q1 * q1 - q2 * q2) - dd * q1 * r2;
                                f[3] = -a * q2 - 3 * SQRT2 * b * q1 * q2 - dd * q2 * r2;
                            },
                            (s, j) -> {
                                double q1 = s[0], q2 = s[1], cross = -3 * SQRT2 * b * q2 - 2 * dd * q1 * q2;
                                set4(j, 0, 0, a, 0, 0, 0, 0, a,
                                        -a + 3 * SQRT2 * b * q1 - dd * (3 * q1 * q1 + q2 * q2), cross, 0, 0,
                                        cross, -a - 3 * SQRT2 * b * q1 - dd * (q1 * q1 + 3 * q2 * q2), 0, 0);
                            });
                }));
    }

    private static void neural(List<Definition> d) {
        d.add(new Definition("beer-ctrnn", "BeerRNN", "Beer's continuous-time recurrent neural network of three neurons, chaotic",
                "τᵢ ẋᵢ = −xᵢ + Σⱼ wᵢⱼ σ(xⱼ + θⱼ), σ(u) = 1/(1 + e⁻ᵘ), i = 1..3 (parameters wᵢⱼ, θᵢ, τᵢ)", null, p -> {
                    double[] w = new double[9], th = new double[3], inv = new double[3];
                    for (int i = 0; i < 3; i++) {
                        for (int j = 0; j < 3; j++) w[3 * i + j] = p.get("w" + (i + 1) + (j + 1));
                        th[i] = p.get("theta" + (i + 1));
                        inv[i] = 1.0 / positive("beer-ctrnn", "tau" + (i + 1), p.get("tau" + (i + 1)));
                    }
                    return new FieldFlow.Fields(
                            (s, f) -> {
                                double s0 = logistic(s[0] + th[0]), s1 = logistic(s[1] + th[1]), s2 = logistic(s[2] + th[2]);
                                for (int i = 0; i < 3; i++) {
                                    f[i] = (-s[i] + w[3 * i] * s0 + w[3 * i + 1] * s1 + w[3 * i + 2] * s2) * inv[i];
                                }
                            },
                            (s, j) -> {
                                double s0 = logistic(s[0] + th[0]), s1 = logistic(s[1] + th[1]), s2 = logistic(s[2] + th[2]);
                                double g0 = s0 * (1 - s0), g1 = s1 * (1 - s1), g2 = s2 * (1 - s2);
                                for (int i = 0; i < 3; i++) {
                                    j[3 * i] = w[3 * i] * g0 * inv[i];
                                    j[3 * i + 1] = w[3 * i + 1] * g1 * inv[i];
                                    j[3 * i + 2] = w[3 * i + 2] * g2 * inv[i];
                                    j[3 * i + i] -= inv[i];
                                }
                            });
                }));
        d.add(new Definition("hopfield", "Hopfield", "Lewis and Glass' six-neuron network with frustrated (all-inhibitory) connectivity",
                "ẋᵢ = −xᵢ/τ + (1 + tanh(ε Σⱼ kᵢⱼ xⱼ))/2 − β, i = 1..6 (parameters kᵢⱼ, ε, τ, β)",
                p -> {   // trace −6/τ + Σᵢ gᵢ ε kᵢᵢ: constant only while every kᵢᵢ = 0, as dysts has them
                    for (int i = 1; i <= 6; i++) {
                        if (p.get("k" + i + i) != 0.0) return Double.NaN;
                    }
                    return -6.0 / p.get("tau");
                }, p -> {
                    double[] k = new double[36];
                    for (int i = 0; i < 6; i++) {
                        for (int j = 0; j < 6; j++) k[6 * i + j] = p.get("k" + (i + 1) + (j + 1));
                    }
                    double beta = p.get("beta"), eps = p.get("eps"), inv = 1.0 / positive("hopfield", "tau", p.get("tau"));
                    return new FieldFlow.Fields(
                            (s, f) -> {
                                for (int i = 0; i < 6; i++) {
                                    double y = 0;
                                    for (int j = 0; j < 6; j++) y += k[6 * i + j] * s[j];
                                    f[i] = -s[i] * inv + 0.5 * (1 + Math.tanh(eps * y)) - beta;
                                }
                            },
                            (s, jac) -> {
                                for (int i = 0; i < 6; i++) {
                                    double y = 0;
                                    for (int j = 0; j < 6; j++) y += k[6 * i + j] * s[j];
                                    double t = Math.tanh(eps * y), g = 0.5 * (1 - t * t) * eps;
                                    for (int j = 0; j < 6; j++) jac[6 * i + j] = g * k[6 * i + j];
                                    jac[6 * i + i] -= inv;
                                }
                            });
                }));
    }

    private static double logistic(double u) {
        return 1.0 / (1.0 + Math.exp(-u));
    }

    private static double positive(String system, String name, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(system + ": parameter '" + name + "' = " + value + " is not allowed; it must be > 0");
        }
        return value;
    }

    /** Writes the nine row-major entries of a 3 × 3 Jacobian (fixed arguments: no array allocated per call). */
    private static void set3(double[] j, double j00, double j01, double j02, double j10, double j11, double j12,
                             double j20, double j21, double j22) {
        j[0] = j00; j[1] = j01; j[2] = j02;
        j[3] = j10; j[4] = j11; j[5] = j12;
        j[6] = j20; j[7] = j21; j[8] = j22;
    }

    /** Writes the sixteen row-major entries of a 4 × 4 Jacobian. */
    private static void set4(double[] j, double j00, double j01, double j02, double j03, double j10, double j11, double j12,
                             double j13, double j20, double j21, double j22, double j23, double j30, double j31, double j32,
                             double j33) {
        j[0] = j00; j[1] = j01; j[2] = j02; j[3] = j03;
        j[4] = j10; j[5] = j11; j[6] = j12; j[7] = j13;
        j[8] = j20; j[9] = j21; j[10] = j22; j[11] = j23;
        j[12] = j30; j[13] = j31; j[14] = j32; j[15] = j33;
    }
}
