package ddmatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ddmatch.fit.RidgeSolution;
import ddmatch.io.SystemSpecs;
import ddmatch.sde.Sde;
import ddmatch.solve.EulerMaruyama;
import ddmatch.solve.RungeKutta4;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Warnings instead of silence: λ at the grid edge, the eigen fallback, and steps near the stability limit. */
class WarningsTest {
    @TempDir
    Path dir;

    @Test
    void ridgeWarningsFollowTheSolution() {
        RidgeSolution edgeEigen = new RidgeSolution(new double[2], 2, 1, 1e-16, 1.0, 0.1, 1.5, RidgeSolution.Form.PRIMAL,
                "eigen", true);
        assertThat(Warnings.ofRidge(edgeEigen, true)).hasSize(2);
        assertThat(Warnings.ofRidge(edgeEigen, false)).hasSize(1); // a λ given by hand is not "at the grid edge"
        RidgeSolution clean = new RidgeSolution(new double[2], 2, 1, 1e-9, 1.0, 0.1, 1.5, RidgeSolution.Form.PRIMAL,
                "cholesky", false);
        assertThat(Warnings.ofRidge(clean, true)).isEmpty();
        RidgeSolution ldlt = new RidgeSolution(new double[2], 2, 1, 1e-9, 1.0, 0.1, 1.5, RidgeSolution.Form.PRIMAL,
                RidgeSolution.TRIDIAGONAL_LDLT, false);
        assertThat(Warnings.ofRidge(ldlt, true)).isEmpty();
        RidgeSolution lu = new RidgeSolution(new double[2], 2, 1, 1e-9, 1.0, 0.1, 1.5, RidgeSolution.Form.PRIMAL,
                RidgeSolution.TRIDIAGONAL_LU, false);
        assertThat(Warnings.ofRidge(lu, true)).hasSize(1);
        // λ at the rounding floor (the lowest scored grid point, 1e-16·n·e_max here 2.2e-12 × scale): working precision,
        // not a grid problem — no warning, and the λ line says where it sits.
        RidgeSolution floor = new RidgeSolution(new double[2], 2, 1, 3.2e-12, 1.0, 0.1, 1.5, RidgeSolution.Form.PRIMAL,
                RidgeSolution.TRIDIAGONAL_LDLT, false, ddmatch.fit.LambdaCurve.NONE, 2.2e-12, true);
        assertThat(Warnings.ofRidge(floor, true)).isEmpty();
        assertThat(TrainCommand.ridgeNote(floor)).isEqualTo(", at the rounding floor n·u·e_max = 2.2e-12 × scale");
        assertThat(TrainCommand.ridgeNote(edgeEigen)).isEqualTo(", AT THE UPPER EDGE OF THE GRID");
        assertThat(TrainCommand.ridgeNote(clean)).isEmpty();
    }

    @Test
    void aStiffLinearTargetIsFlaggedAtTheAnalyticRate() throws Exception {
        // dz = −k z: the only eigenvalue is −k, so Euler is stable for dt·k < 2 and we warn from dt·k ≥ 1.
        Sde stiff = SystemSpecs.parse("name: stiff\nstate: [z]\nparameters: {k: 300}\ndrift:\n  z: -k*z\n"
                + "initial_state: [1]\ndt: 0.01\n", false, "test", dir, Map.of());
        String w = Warnings.ofTargetStep(stiff, 0.01, EulerMaruyama.INSTANCE);
        assertThat(w).contains("300").contains("stiff");
        assertThat(Warnings.ofTargetStep(stiff, 0.0033, EulerMaruyama.INSTANCE)).isNull(); // 0.99 < 1
        assertThat(Warnings.ofTargetStep(stiff, 0.0034, EulerMaruyama.INSTANCE)).isNotNull(); // 1.02 ≥ 1
        // RK4's real-axis limit 2.785: warn from dt·k ≥ 1.3925.
        assertThat(Warnings.ofTargetStep(stiff, 0.0046, RungeKutta4.INSTANCE)).isNull();
        assertThat(Warnings.ofTargetStep(stiff, 0.0047, RungeKutta4.INSTANCE)).isNotNull();
    }

    @Test
    void trainAndSimulateWarnOnStderrWhenDtApproachesTwoTau() {
        Path model = dir.resolve("dw");
        var r = CliTest.run("train", "double-well", "--neurons", "60", "--samples", "800", "--tau", "0.012",
                "-o", model.toString());
        assertThat(r.code()).as(r.err()).isZero();
        // default dt 0.01 with τ = 0.012: dt/τ = 0.83 ≥ 1 = half of Euler's limit 2? No: 0.83 < 1, so no warning yet.
        assertThat(r.err()).doesNotContain("stability limit");
        assertThat(r.out()).containsPattern("form, tridiagonal-(ldlt|lu)");
        var fine = CliTest.run("simulate", model.toString(), "--time", "1", "--dt", "0.0119", "-o",
                dir.resolve("a.npy").toString());
        assertThat(fine.code()).isZero();
        assertThat(fine.err()).doesNotContain("warning");
        var close = CliTest.run("simulate", model.toString(), "--time", "1", "--dt", "0.012", "-o",
                dir.resolve("b.npy").toString());
        assertThat(close.code()).as(close.err()).isZero();
        assertThat(close.err()).contains("warning").contains("50% of euler-maruyama's explicit stability limit 2.00·τ");
        assertThat(close.out()).doesNotContain("warning");
    }
}
