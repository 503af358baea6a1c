package ddmatch.sde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sum of the Lyapunov exponents equals the time average of the divergence {@code tr ∂f/∂z} along a trajectory.
 * Where the catalog declares the divergence constant (Lorenz −(σ + 1 + β), Lorenz-96 −n, Thomas and Halvorsen −3a,
 * …), the time average of the trace of the analytic Jacobian along an RK4 trajectory must equal the declared formula
 * to rounding; where it declares none, the trace must actually vary along the trajectory (so no constant is missed).
 */
class CatalogDivergenceTest {

    static Stream<SystemCatalog.Entry> entries() {
        return SystemCatalog.entries().stream().filter(e -> e.create(Map.of()).hasJacobian());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void timeAveragedTraceEqualsTheDeclaredConstantDivergence(SystemCatalog.Entry e) {
        Map<String, Double> noiseFree = e.defaults().containsKey("noise") ? Map.of("noise", 0.0) : Map.of();
        Sde s = e.create(noiseFree);
        int d = s.dimension();
        double dt = s.defaultTimeStep();
        double[] x = s.initialState(), jac = new double[d * d];
        double[] k1 = new double[d], k2 = new double[d], k3 = new double[d], k4 = new double[d], tmp = new double[d];
        double sum = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        int steps = 20_000;
        for (int n = 0; n < steps; n++) {
            s.jacobian(0, x, jac);
            double tr = 0;
            for (int i = 0; i < d; i++) tr += jac[i * d + i];
            sum += tr;
            min = Math.min(min, tr);
            max = Math.max(max, tr);
            rk4(s, x, dt, k1, k2, k3, k4, tmp);
        }
        // States off the trajectory too (a system may start at a fixed point or on a cycle where the trace is constant).
        for (int k = 1; k <= 3; k++) {
            double[] z = s.initialState();
            for (int i = 0; i < d; i++) z[i] += 0.5 * Math.sin(k + 1.7 * i);
            s.jacobian(0, z, jac);
            double tr = 0;
            for (int i = 0; i < d; i++) tr += jac[i * d + i];
            min = Math.min(min, tr);
            max = Math.max(max, tr);
        }
        OptionalDouble declared = e.info().constantDivergence(e.parameters(noiseFree));
        if (declared.isPresent()) {
            assertThat(sum / steps).isCloseTo(declared.getAsDouble(), within(1e-12 * Math.max(1, Math.abs(declared.getAsDouble()))));
            assertThat(max - min).isLessThan(1e-12 * Math.max(1, Math.abs(declared.getAsDouble())));
        } else {
            assertThat(max - min).as("%s declares no constant divergence, so its trace must vary", e.name()).isGreaterThan(1e-3);
        }
    }

    private static void rk4(Sde s, double[] x, double h, double[] k1, double[] k2, double[] k3, double[] k4, double[] t) {
        int d = x.length;
        s.drift(0, x, k1);
        for (int i = 0; i < d; i++) t[i] = x[i] + 0.5 * h * k1[i];
        s.drift(0, t, k2);
        for (int i = 0; i < d; i++) t[i] = x[i] + 0.5 * h * k2[i];
        s.drift(0, t, k3);
        for (int i = 0; i < d; i++) t[i] = x[i] + h * k3[i];
        s.drift(0, t, k4);
        for (int i = 0; i < d; i++) x[i] += h / 6 * (k1[i] + 2 * (k2[i] + k3[i]) + k4[i]);
    }
}
