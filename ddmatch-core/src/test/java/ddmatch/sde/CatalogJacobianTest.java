package ddmatch.sde;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every analytic Jacobian against central finite differences of the drift, {@code (f(z + h e_j) − f(z − h e_j))/2h},
 * whose error is O(h²): at the initial state and at two deterministic perturbations of it.
 */
class CatalogJacobianTest {

    static Stream<Sde> systems() {
        Stream<Sde> catalog = SystemCatalog.entries().stream().map(e -> e.create(Map.of()));
        Stream<Sde> extra = Stream.of(SystemCatalog.create("lorenz96", Map.of("n", 7.0)),
                SystemCatalog.create("rotating-wells", Map.of("wells", 6.0)),
                SystemCatalog.create("ring-wells", Map.of("wells", 2.0)));
        return Stream.concat(catalog, extra).filter(Sde::hasJacobian);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("systems")
    void analyticJacobianMatchesCentralDifferences(Sde s) {
        int d = s.dimension();
        double[] x0 = s.initialState();
        double[] jac = new double[d * d], fp = new double[d], fm = new double[d], xp = new double[d], xm = new double[d];
        for (int k = 0; k < 3; k++) {
            double[] z = x0.clone();
            for (int i = 0; i < d; i++) {
                // Chua's kinks are at |x| = 1: the offsets 0.37 k (1 + i) keep clear of them at these states.
                z[i] += 0.37 * k * Math.sin(1.3 + i + 2.1 * k) * (1 + 0.1 * i);
            }
            if (s.name().equals("chua")) {
                z[0] = k == 0 ? 0.3 : (k == 1 ? 1.7 : -2.4);
            }
            s.jacobian(0.0, z, jac);
            double scale = 0;
            for (double v : jac) scale = Math.max(scale, Math.abs(v));
            for (int j = 0; j < d; j++) {
                double h = 1e-5 * Math.max(1.0, Math.abs(z[j]));
                System.arraycopy(z, 0, xp, 0, d);
                System.arraycopy(z, 0, xm, 0, d);
                xp[j] += h;
                xm[j] -= h;
                s.drift(0.0, xp, fp);
                s.drift(0.0, xm, fm);
                for (int i = 0; i < d; i++) {
                    double fd = (fp[i] - fm[i]) / (2 * h);
                    assertThat(jac[i * d + j]).as("%s ∂f%d/∂z%d at %s", s.name(), i, j, java.util.Arrays.toString(z))
                            .isCloseTo(fd, org.assertj.core.api.Assertions.within(1e-6 * Math.max(1.0, scale)));
                }
            }
        }
    }
}
