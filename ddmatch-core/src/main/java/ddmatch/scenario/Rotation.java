package ddmatch.scenario;

import ddmatch.analysis.DriftFunction;
import ddmatch.analysis.EntropyProduction;
import ddmatch.analysis.decomposition.ConnectivitySplit;
import ddmatch.analysis.decomposition.DensityDecomposition;
import ddmatch.analysis.decomposition.LinearSplit;
import ddmatch.analysis.decomposition.ReadoutDrift;
import ddmatch.fit.DriftMatcher;
import ddmatch.fit.MatchConfig;
import ddmatch.fit.TrainingResult;
import ddmatch.rnn.RateNetwork;
import ddmatch.sde.RotatingOrnsteinUhlenbeck;
import ddmatch.sde.Sde;
import ddmatch.sde.SystemCatalog;
import ddmatch.solve.ProgressListener;
import ddmatch.solve.Trajectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario 2, rotation without and with a limit cycle. The rotating Ornstein–Uhlenbeck process
 * {@code B = [[2, −θ], [θ, 2]]}, D = I has entropy production Φ = θ² and circulation {@code Q = BS − D} with
 * {@code Q₁₂ = −θ/2}; the network's readout is fitted with a linear (OU) model ({@link EntropyProduction#fromTrajectory})
 * and its Φ̂ and Q̂₁₂ compared with the exact values, for θ ∈ {0, 0.5, 1, 2, 3}. The split of the drift into
 * {@code f_rev = −DS⁻¹z} and {@code f_irr = −QS⁻¹z} ({@link LinearSplit}) is fitted into {@code J_rev + J_irr}
 * ({@link ConnectivitySplit}) and both fields are drawn as arrows, target against network. The noisy Stuart–Landau
 * oscillator {@code ż = (μ − r²)z + ω(−y, x) + σξ} has a radial stationary density, so {@code f_irr = ω(−y, x)} and
 * {@code Φ = ω²⟨r²⟩/D} exactly; here the density-based decomposition ({@link DensityDecomposition}) estimates Φ from the
 * simulated target and network runs, without using that knowledge, for ω over the same values.
 */
final class Rotation {
    static final double[] THETAS = {0.0, 0.5, 1.0, 2.0, 3.0};
    static final double SL_NOISE = 0.5;

    private Rotation() {}

    static ScenarioResult run(Plan plan, ProgressListener progress) {
        long start = System.nanoTime();
        int n = plan.quick() ? 200 : 500;
        double ouTime = plan.quick() ? 2000.0 : 20000.0;
        double slTime = plan.quick() ? 1000.0 : 10000.0;
        long seed = plan.seed();
        Map<String, Object> numbers = new LinkedHashMap<>();
        List<Plot> plots = new ArrayList<>();
        List<Claim> claims = new ArrayList<>();
        List<List<String>> ouRows = new ArrayList<>();
        double[] eprNet = new double[THETAS.length];
        double[] eprTarget = new double[THETAS.length];
        double[] exact = new double[THETAS.length];
        double[] qNet = new double[THETAS.length];
        double[] qExact = new double[THETAS.length];
        List<Map<String, Object>> ou = new ArrayList<>();
        ConnectivitySplit shown = null;
        LinearSplit shownSplit = null;
        for (int i = 0; i < THETAS.length; i++) {
            double theta = THETAS[i];
            RotatingOrnsteinUhlenbeck target = new RotatingOrnsteinUhlenbeck(theta, 1.0);
            double[] b = target.driftMatrix();
            double[] dm = target.diffusionMatrix();
            ConnectivitySplit split = ConnectivitySplit.fitLinear(target, b, dm, MatchConfig.defaults(n, seed), progress);
            RateNetwork net = split.full();
            double dt = target.defaultTimeStep();
            double[] z0 = Runs.relax(target, target.initialState(), 10.0, seed + 3);
            Trajectory zt = Runs.target(target, z0, ouTime, 1, seed + 5);
            Trajectory zn = Runs.network(net, z0, dt, ouTime, 1, seed + 7);
            EntropyProduction.LinearEstimate et = EntropyProduction.fromTrajectory(zt.values(), 2, dt);
            EntropyProduction.LinearEstimate en = EntropyProduction.fromTrajectory(zn.values(), 2, dt);
            exact[i] = EntropyProduction.linear(b, dm, 2);
            qExact[i] = EntropyProduction.circulationMatrix(b, dm, 2)[1];
            eprNet[i] = en.phi();
            eprTarget[i] = et.phi();
            qNet[i] = en.q()[1];
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("theta", theta);
            r.put("eprExact", exact[i]);
            r.put("eprTargetSimulated", et.phi());
            r.put("eprNetwork", en.phi());
            r.put("circulationQ12Exact", qExact[i]);
            r.put("circulationQ12Target", et.q()[1]);
            r.put("circulationQ12Network", en.q()[1]);
            r.put("driftMatrixNetwork", en.b());
            r.put("irreversibleToReversibleNorm", norm(split.irreversible()) / norm(split.reversible()));
            ou.add(r);
            ouRows.add(List.of(Runs.fmt(theta), Runs.fmt(exact[i]), Runs.fmt(et.phi()), Runs.fmt(en.phi()), Runs.fmt(qExact[i]),
                    Runs.fmt(et.q()[1]), Runs.fmt(en.q()[1])));
            if (theta == 0.0) {
                claims.add(Claim.atMost("OU θ = 0: network EPR ≈ 0", en.phi(), 0.05, "exact Φ = 0 (estimator floor)"));
            } else {
                double tol = (plan.quick() ? 0.15 : 0.10) * exact[i] + (plan.quick() ? 0.05 : 0.02);
                claims.add(new Claim("OU θ = " + theta + ": network EPR", en.phi(), exact[i] - tol, exact[i] + tol,
                        "θ² (exact) ± " + (plan.quick() ? "(15% + 0.05)" : "(10% + 0.02)")));
            }
            if (theta == 2.0) {
                shown = split;
                shownSplit = LinearSplit.of(b, dm, 2);
            }
        }
        numbers.put("ou", Map.of("neurons", n, "time", ouTime, "runs", ou));
        plots.add(new Plot("ou-epr", "Rotating OU: entropy production vs θ", "θ", "Φ (1/time)", false,
                List.of(Plot.Series.line("exact θ²", THETAS, exact), Plot.Series.markers("target (simulated)", THETAS, eprTarget),
                        Plot.Series.lineMarkers("network N = " + n, THETAS, eprNet))));
        plots.add(new Plot("ou-current", "Rotating OU: circulation Q₁₂ (probability current j = −Q S⁻¹ z p)", "θ", "Q₁₂", false,
                List.of(Plot.Series.line("exact −θ/2", THETAS, qExact), Plot.Series.lineMarkers("network N = " + n, THETAS, qNet))));
        if (shown != null) {
            ReadoutDrift rev = new ReadoutDrift(shown.network(0.0));
            ReadoutDrift full = new ReadoutDrift(shown.network(1.0));
            double[] a = new double[2];
            DriftFunction irr = (z, out) -> {
                full.drift(z, out);
                rev.drift(z, a);
                out[0] -= a[0];
                out[1] -= a[1];
            };
            DriftFunction tRev = shownSplit.reversibleField()::drift;
            DriftFunction tIrr = shownSplit.irreversibleField()::drift;
            plots.add(quiverPlot("ou-reversible", "Rotating OU θ = 2: reversible drift f_rev = −D S⁻¹ z (network: J_rev)", tRev, rev));
            plots.add(quiverPlot("ou-irreversible", "Rotating OU θ = 2: irreversible drift f_irr = −Q S⁻¹ z (network: J_irr)", tIrr, irr));
        }

        // Stuart–Landau.
        List<List<String>> slRows = new ArrayList<>();
        List<Map<String, Object>> sl = new ArrayList<>();
        double[] slExact = new double[THETAS.length];
        double[] slTarget = new double[THETAS.length];
        double[] slNet = new double[THETAS.length];
        DensityDecomposition.Result shownT = null, shownN = null;
        double dCoef = SL_NOISE * SL_NOISE / 2;
        double[] dm = {dCoef, 0, 0, dCoef};
        for (int i = 0; i < THETAS.length; i++) {
            double omega = THETAS[i];
            Sde target = SystemCatalog.create("stuart-landau", Map.of("omega", omega, "noise", SL_NOISE));
            TrainingResult tr = DriftMatcher.train(target, MatchConfig.defaults(n, seed), progress);
            RateNetwork net = tr.network();
            double dt = target.defaultTimeStep();
            double[] z0 = Runs.relax(target, target.initialState(), 10.0, seed + 3);
            Trajectory zt = Runs.target(target, z0, slTime, 1, seed + 5);
            Trajectory zn = Runs.network(net, z0, dt, slTime, 1, seed + 7);
            double r2 = 0;
            double[] v = zt.values();
            for (int k = 0; k < v.length; k += 2) r2 += v[k] * v[k] + v[k + 1] * v[k + 1];
            r2 /= v.length / 2;
            slExact[i] = omega * omega * r2 / dCoef;
            DriftFunction ft = (z, out) -> target.drift(0.0, z, out);
            DensityDecomposition.Result dt_ = DensityDecomposition.of(zt.values(), 2, ft, dm, DensityDecomposition.Config.defaults());
            DensityDecomposition.Result dn = DensityDecomposition.of(zn.values(), 2, new ReadoutDrift(net), dm,
                    DensityDecomposition.Config.defaults());
            slTarget[i] = dt_.entropyProduction();
            slNet[i] = dn.entropyProduction();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("omega", omega);
            r.put("meanR2Target", r2);
            r.put("eprExact", slExact[i]);
            r.put("eprTargetDensity", slTarget[i]);
            r.put("eprNetworkDensity", slNet[i]);
            sl.add(r);
            slRows.add(List.of(Runs.fmt(omega), Runs.fmt(slExact[i]), Runs.fmt(slTarget[i]), Runs.fmt(slNet[i])));
            if (omega == 2.0) {
                shownT = dt_;
                shownN = dn;
            }
        }
        for (int i = 0; i < THETAS.length; i++) {
            if (THETAS[i] > 0) {
                claims.add(Claim.relative("Stuart–Landau ω = " + THETAS[i] + ": network EPR (density) vs target EPR (density)", slNet[i],
                        slTarget[i], 0.25, "same estimator on the target run"));
            }
        }
        numbers.put("stuartLandau", Map.of("neurons", n, "time", slTime, "noise", SL_NOISE, "runs", sl));
        plots.add(new Plot("sl-epr", "Stuart–Landau: entropy production vs ω (density-based estimate)", "ω", "Φ (1/time)", false,
                List.of(Plot.Series.line("exact ω²⟨r²⟩/D", THETAS, slExact), Plot.Series.markers("target (density estimate)", THETAS, slTarget),
                        Plot.Series.lineMarkers("network (density estimate)", THETAS, slNet))));
        if (shownT != null) {
            plots.add(currentPlot("sl-current", "Stuart–Landau ω = 2: probability current j = f_irr p (arrows ∝ j)", shownT, shownN));
        }
        List<Table> tables = List.of(
                new Table("Rotating OU (D = I), N = " + n + ", " + ouTime + " time units per run: Φ from a linear fit of each run",
                        List.of("θ", "Φ exact", "Φ target", "Φ network", "Q₁₂ exact", "Q₁₂ target", "Q₁₂ network"), ouRows),
                new Table("Noisy Stuart–Landau (μ = 1, σ = " + SL_NOISE + "), N = " + n + ", " + slTime
                        + " time units: Φ from the density-based decomposition (60 bins, bandwidth 0.25σ)",
                        List.of("ω", "Φ = ω²⟨r²⟩/D", "Φ target (density)", "Φ network (density)"), slRows));
        return new ScenarioResult("ou-limit-cycle", "Rotation: entropy production and probability currents",
                "A rotating OU process and a noisy limit cycle: the network reproduces the target's entropy production and probability "
                        + "current as the rotation grows, and its connectivity splits into a reversible part (relaxation) and an irreversible "
                        + "part (circulation) that carry the target's f_rev and f_irr.",
                numbers, tables, plots, claims,
                List.of("The density-based EPR has a positive bias from kernel smoothing and finite samples (see DensityDecomposition); "
                        + "compare network and target estimates with each other, not with 0."),
                Runs.seconds(start));
    }

    static double norm(double[] w) {
        double s = 0;
        for (double v : w) s += v * v;
        return Math.sqrt(s);
    }

    private static Plot quiverPlot(String id, String title, DriftFunction target, DriftFunction network) {
        double[][] t = Runs.quiver(target, -1.5, 1.5, 9, 0.08);
        double[][] nw = Runs.quiver(network, -1.5, 1.5, 9, 0.08);
        return new Plot(id, title, "z₁", "z₂", false,
                List.of(new Plot.Series("target", Plot.Style.SEGMENTS, t[0], t[1]), new Plot.Series("network", Plot.Style.SEGMENTS, nw[0], nw[1])));
    }

    /** Arrows of the current on every 4th cell of the density grid where the density is above 5% of its maximum. */
    private static Plot currentPlot(String id, String title, DensityDecomposition.Result t, DensityDecomposition.Result n) {
        return new Plot(id, title, "z₁", "z₂", false,
                List.of(currentSeries("target", t), currentSeries("network", n)));
    }

    private static Plot.Series currentSeries(String name, DensityDecomposition.Result r) {
        double[] p = r.density();
        double[] j = r.current();
        double max = 0;
        for (double v : p) max = Math.max(max, v);
        double jmax = 0;
        for (int c = 0; c < r.cells(); c++) jmax = Math.max(jmax, Math.hypot(j[2 * c], j[2 * c + 1]));
        double scale = 0.25 / (jmax > 0 ? jmax : 1);
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        double[] c0 = new double[2];
        int bins = r.bins();
        for (int a = 0; a < bins; a += 4) {
            for (int b = 0; b < bins; b += 4) {
                int c = a * bins + b;
                if (p[c] < 0.05 * max || !Double.isFinite(j[2 * c])) continue;
                r.center(c, c0);
                xs.add(c0[0]);
                ys.add(c0[1]);
                xs.add(c0[0] + scale * j[2 * c]);
                ys.add(c0[1] + scale * j[2 * c + 1]);
            }
        }
        return new Plot.Series(name, Plot.Style.SEGMENTS, Runs.doubles(xs), Runs.doubles(ys));
    }
}
