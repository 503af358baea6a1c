package ddmatch.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ddmatch.rnn.Standardization;
import ddmatch.sde.Sde;
import ddmatch.sde.SystemCatalog;
import ddmatch.solve.ProgressListener;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The space-filling samplers and the coverage measure. */
class SamplerKindsTest {
    static final Sde LORENZ = SystemCatalog.get("lorenz").create(Map.of());

    static double[] bounds(Sampler.Samples s, int i) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < s.count(); r++) {
            lo = Math.min(lo, s.points()[r * s.dimension() + i]);
            hi = Math.max(hi, s.points()[r * s.dimension() + i]);
        }
        return new double[] {lo, hi};
    }

    @Test
    void latinHypercubeHasExactlyOnePointPerStratumInEveryCoordinate() {
        int m = 500;
        SamplingConfig cfg = SamplingConfig.defaults().withSamples(m).withKind(SamplingConfig.Kind.LHS);
        Sampler.Samples s = Sampler.draw(LORENZ, cfg, 3, ProgressListener.NONE);
        assertThat(s.count()).isEqualTo(m);
        // The box is the trajectory's range widened by 10% per side; recover it from a trajectory draw with the same seed.
        Sampler.Samples traj = Sampler.draw(LORENZ, cfg.withKind(SamplingConfig.Kind.TRAJECTORY).withJitter(0), 3,
                ProgressListener.NONE);
        for (int i = 0; i < 3; i++) {
            double[] b = bounds(traj, i);
            double pad = 0.1 * (b[1] - b[0]);
            double lo = b[0] - pad, hi = b[1] + pad;
            int[] hits = new int[m];
            for (int r = 0; r < m; r++) {
                int k = (int) Math.floor((s.points()[r * 3 + i] - lo) / (hi - lo) * m);
                hits[Math.min(m - 1, Math.max(0, k))]++;
            }
            for (int k = 0; k < m; k++) assertThat(hits[k]).as("coordinate %d stratum %d", i, k).isEqualTo(1);
        }
    }

    @Test
    void gridHasFloorOfTheDthRootPointsPerSideAndIsRefusedAboveThreeDimensions() {
        Sampler.Samples g = Sampler.draw(LORENZ, SamplingConfig.defaults().withSamples(1000).withKind(SamplingConfig.Kind.GRID),
                1, ProgressListener.NONE);
        assertThat(g.count()).isEqualTo(1000); // 10³
        Sampler.Samples g2 = Sampler.draw(LORENZ, SamplingConfig.defaults().withSamples(999).withKind(SamplingConfig.Kind.GRID),
                1, ProgressListener.NONE);
        assertThat(g2.count()).isEqualTo(729); // 9³
        // Spacing along z0: consecutive rows differ by (hi − lo)/9 exactly.
        double step = g2.points()[3] - g2.points()[0];
        double[] b = bounds(g2, 0);
        assertThat(step).isCloseTo((b[1] - b[0]) / 8, within(1e-9));
        Sde l96 = SystemCatalog.get("lorenz96").create(Map.of());
        assertThatThrownBy(() -> Sampler.draw(l96, SamplingConfig.defaults().withSamples(1000).withKind(SamplingConfig.Kind.GRID),
                1, ProgressListener.NONE)).hasMessageContaining("d ≤ 3");
        assertThat(Sampler.draw(LORENZ, SamplingConfig.defaults().withSamples(10).withKind(SamplingConfig.Kind.GRID), 1,
                ProgressListener.NONE).count()).isEqualTo(8); // the smallest allowed M gives 2 per side
    }

    @Test
    void coverageCountsHeldOutPointsInRangeAndNearASample() {
        double[] train = new double[11];
        for (int k = 0; k <= 10; k++) train[k] = 0.1 * k;
        Sampler.Samples t = new Sampler.Samples(train, 1, Standardization.identity(1));
        Sampler.Samples h = new Sampler.Samples(new double[] {0.05, 0.5, 1.2, 0.32}, 1, Standardization.identity(1));
        Sampler.Coverage c = Sampler.coverage(t, h, 0.03);
        assertThat(c.fraction()).isEqualTo(0.5);  // 0.5 and 0.32 are within 0.03 of a sample
        assertThat(c.inRange()).isEqualTo(0.75); // 1.2 is outside [0, 1]
    }

    @Test
    void onLorenzTheTrajectorySamplerCoversAnIndependentTrajectoryBetterThanTheBox() {
        SamplingConfig cfg = SamplingConfig.defaults().withSamples(3000);
        Sampler.Samples traj = Sampler.draw(LORENZ, cfg, 1, ProgressListener.NONE);
        Sampler.Samples held = Sampler.heldOut(LORENZ, cfg, 99, traj, 500, ProgressListener.NONE);
        Sampler.Samples box = Sampler.draw(LORENZ, cfg.withKind(SamplingConfig.Kind.BOX), 1, ProgressListener.NONE);
        Sampler.Samples mix = Sampler.draw(LORENZ, cfg.withKind(SamplingConfig.Kind.MIXTURE), 1, ProgressListener.NONE);
        double ct = Sampler.coverage(traj, held, Sampler.DEFAULT_COVERAGE_RADIUS).fraction();
        double cb = Sampler.coverage(box, held, Sampler.DEFAULT_COVERAGE_RADIUS).fraction();
        double cm = Sampler.coverage(mix, held, Sampler.DEFAULT_COVERAGE_RADIUS).fraction();
        // Measured (seed 1, M = 3000, 500 held-out, r = 0.25): trajectory 0.996, box 0.508, mixture 0.994. The
        // attractor fills a small part of its box, so uniform points are far apart on it.
        assertThat(ct).isGreaterThan(0.98);
        assertThat(cm).isGreaterThan(0.98);
        assertThat(cb).isLessThan(0.7);
    }
}
