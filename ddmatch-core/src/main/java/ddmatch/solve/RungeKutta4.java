package ddmatch.solve;

import ddmatch.sde.NoiseType;
import ddmatch.sde.Sde;
import java.util.EnumSet;
import java.util.Set;

/**
 * The classical fourth-order Runge–Kutta method for ordinary differential equations (systems with
 * {@link NoiseType#NONE}). Butcher tableau:
 * <pre>
 *   0   |
 *   1/2 | 1/2
 *   1/2 | 0    1/2
 *   1   | 0    0    1
 *   ----+--------------------
 *       | 1/6  1/3  1/3  1/6
 * </pre>
 * Reference: W. Kutta, "Beitrag zur näherungsweisen Integration totaler Differentialgleichungen", Z. Math. Phys. 46,
 * 435 (1901); E. Hairer, S. P. Nørsett and G. Wanner, <i>Solving Ordinary Differential Equations I</i>, §II.1.
 */
public final class RungeKutta4 implements Scheme {
    public static final RungeKutta4 INSTANCE = new RungeKutta4();

    private RungeKutta4() {}

    @Override public String name() { return "rk4"; }

    @Override public Set<NoiseType> supports() { return EnumSet.of(NoiseType.NONE); }

    @Override public double strongOrder(NoiseType noise) { return 4.0; }

    @Override public double weakOrder() { return 4.0; }

    @Override
    public Stepper stepper(Sde sde) {
        requireSupported(sde);
        return new Workspace(sde);
    }

    private static final class Workspace implements Stepper {
        private final Sde sde;
        private final int d;
        private final double[] k1, k2, k3, k4, tmp;

        Workspace(Sde sde) {
            this.sde = sde;
            this.d = sde.dimension();
            k1 = new double[d];
            k2 = new double[d];
            k3 = new double[d];
            k4 = new double[d];
            tmp = new double[d];
        }

        @Override
        public void step(double t, double h, double[] x, double[] dW) {
            double half = 0.5 * h;
            sde.drift(t, x, k1);
            for (int i = 0; i < d; i++) tmp[i] = x[i] + half * k1[i];
            sde.drift(t + half, tmp, k2);
            for (int i = 0; i < d; i++) tmp[i] = x[i] + half * k2[i];
            sde.drift(t + half, tmp, k3);
            for (int i = 0; i < d; i++) tmp[i] = x[i] + h * k3[i];
            sde.drift(t + h, tmp, k4);
            double sixth = h / 6.0;
            for (int i = 0; i < d; i++) {
                x[i] += sixth * (k1[i] + 2.0 * (k2[i] + k3[i]) + k4[i]);
            }
        }
    }
}
