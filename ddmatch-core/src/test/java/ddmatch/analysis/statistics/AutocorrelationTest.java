package ddmatch.analysis.statistics;

import ddmatch.solve.StandardNormal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AutocorrelationTest {

    @Test
    void equalsTheDirectSum() {
        double[] x = SpectralDivergenceTest.ar1(0.7, 300, 9);
        double[] rho = Autocorrelation.of(x, 40);
        double mean = 0;
        for (double v : x) mean += v;
        mean /= x.length;
        double c0 = 0;
        for (double v : x) c0 += (v - mean) * (v - mean);
        for (int k = 0; k <= 40; k++) {
            double c = 0;
            for (int t = 0; t + k < x.length; t++) c += (x[t] - mean) * (x[t + k] - mean);
            assertThat(rho[k]).isCloseTo(c / c0, within(1e-12));
        }
    }

    @Test
    void ornsteinUhlenbeckGivesExpMinusT() {
        // Exact discretisation of dz = −z dt + √2 dW at Δt = 0.1: AR(1) with φ = e^{−Δt}; ρ(t) = e^{−t}.
        double dt = 0.1, phi = Math.exp(-dt);
        int n = 40000;
        StandardNormal g = new StandardNormal(21);
        double[] x = new double[n];
        double z = g.next(), s = Math.sqrt(1 - phi * phi);
        for (int t = 0; t < n; t++) {
            x[t] = z;
            z = phi * z + s * g.next();
        }
        int maxLag = 30;
        double[] rho = Autocorrelation.of(x, maxLag);
        for (int k = 1; k <= maxLag; k++) {
            // Bartlett's variance of the sample autocorrelation of an AR(1) process.
            double p2k = Math.pow(phi, 2 * k);
            double var = ((1 + phi * phi) * (1 - p2k) / (1 - phi * phi) - 2 * k * p2k) / n;
            assertThat(rho[k]).isCloseTo(Math.exp(-k * dt), within(4 * Math.sqrt(var)));
        }
    }
}
