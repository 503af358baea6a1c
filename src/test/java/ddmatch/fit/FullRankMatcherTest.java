package ddmatch.fit;

import static org.assertj.core.api.Assertions.assertThat;

import ddmatch.rnn.DenseRateNetwork;
import ddmatch.sde.Lorenz;
import ddmatch.sde.Sde;
import ddmatch.solve.Integrator;
import ddmatch.solve.ProgressListener;
import ddmatch.solve.SaveAt;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class FullRankMatcherTest {
    /**
     * The low-rank alternative {@code J = J₀ + U W}: W fitted (λ by GCV) so that the readout drift matches,
     * {@code W φ_n ≈ z̃_n + τ f̃_n − P J₀ φ_n}; it leaves J₀'s transverse push {@code (I − UP) J₀ φ} in place.
     */
    static DenseRateNetwork lowRankCorrection(Sde target, MatchConfig cfg, double g0) {
        DriftMatcher.Design des = DriftMatcher.design(target, cfg, ProgressListener.NONE);
        int n = cfg.neurons(), d = target.dimension(), m = des.samples();
        SplittableRandom seeds = new SplittableRandom(cfg.seed());
        seeds.nextLong();
        seeds.nextLong();
        double[] j0 = new FullRankConfig(g0, 1.0).bulk(n, seeds.nextLong());
        DMatrixRMaj y = FullRankMatcher.latentTargets(target, cfg, des);
        DMatrixRMaj pj0 = new DMatrixRMaj(d, n);   // P J₀ = Uᵀ J₀ / N
        CommonOps_DDRM.multTransA(DMatrixRMaj.wrap(n, d, des.embedding().u()), DMatrixRMaj.wrap(n, n, j0), pj0);
        CommonOps_DDRM.scale(1.0 / n, pj0);
        CommonOps_DDRM.multAddTransB(-1.0, des.phi(), pj0, y);
        RidgeSolution ridge = RidgeRegression.fit(des.phi(), y);
        double[] u = des.embedding().u();
        double[] beta = ridge.coefficients();   // N × d = Wᵀ
        for (int a = 0; a < n; a++) {
            for (int c = 0; c < n; c++) {
                double s = 0;
                for (int k = 0; k < d; k++) s += u[a * d + k] * beta[c * d + k];
                j0[a * n + c] += s;
            }
        }
        return FullRankMatcher.network(target, cfg, des.embedding(), des.standardization(), j0);
    }

    /** {min, max} of the readout's first coordinate over a run of {@code time} from the target's initial state. */
    static double[] readoutRange(DenseRateNetwork net, Sde target, double time) {
        double dt = net.defaultTimeStep();
        double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] z = new double[net.latentDimension()];
        new Integrator(Sampler.schemeFor(net)).run(net, net.stateFor(target.initialState()), 0, dt, Math.round(time / dt), null,
                new SaveAt(5, false), (t, x) -> {
                    net.readout(x, z);
                    range[0] = Math.min(range[0], z[0]);
                    range[1] = Math.max(range[1], z[0]);
                });
        return range;
    }

    /** Largest manifold distance along a run of {@code time} from the target's initial state. */
    static double maxDistance(DenseRateNetwork net, Sde target, double time) {
        double dt = net.defaultTimeStep();
        double[] max = {0};
        new Integrator(Sampler.schemeFor(net)).run(net, net.stateFor(target.initialState()), 0, dt, Math.round(time / dt), null,
                new SaveAt(5, false), (t, x) -> {
                    double v = net.manifoldDistance(x);
                    max[0] = v <= max[0] ? max[0] : v;   // NaN propagates
                });
        return max[0];
    }
}
