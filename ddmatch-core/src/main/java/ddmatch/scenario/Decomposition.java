package ddmatch.scenario;

import ddmatch.analysis.decomposition.Ablation;
import ddmatch.analysis.decomposition.ConnectivityDecomposition;
import ddmatch.analysis.decomposition.ConnectivitySplit;
import ddmatch.analysis.decomposition.LatentCoupling;
import ddmatch.analysis.decomposition.LinearSplit;
import ddmatch.fit.DriftField;
import ddmatch.fit.DriftMatcher;
import ddmatch.fit.MatchConfig;
import ddmatch.rnn.RateNetwork;
import ddmatch.sde.RingWells;
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
 * Scenario 5, one table that takes every scenario's network apart (DESIGN §1.6): the asymmetry index of the latent
 * coupling {@code L = W diag(φ') U} along the network's run ({@link LatentCoupling}); {@code ‖J_A‖/‖J‖} next to its
 * random-embedding null ({@link ConnectivityDecomposition}); the size of the irreversible connectivity
 * {@code ‖J_irr‖/‖J_rev‖ = ‖W_irr‖/‖W_rev‖} (U has orthogonal columns of equal norm) for targets whose split is known
 * (linear: {@link LinearSplit}; Stuart–Landau and the ring: analytic); the α-ablation's entropy production at α = 1 and
 * α = 0 ({@link Ablation}, linear-model estimate from the readout); and whether the symmetric part J_S alone keeps the
 * network on its manifold.
 */
final class Decomposition {
    private Decomposition() {}

    private record Case(String label, Sde target, DriftField rev, DriftField irr, boolean noisy) {}

    static ScenarioResult run(Plan plan, ProgressListener progress) {
        long start = System.nanoTime();
        int n = plan.quick() ? 200 : 500;
        double time = plan.quick() ? 300.0 : 1000.0;
        long seed = plan.seed();
        List<Case> cases = new ArrayList<>();
        Sde lorenz = SystemCatalog.create("lorenz", Map.of());
        cases.add(new Case("lorenz (chaotic)", lorenz, null, null, false));
        RotatingOrnsteinUhlenbeck ou = new RotatingOrnsteinUhlenbeck(2.0, 1.0);
        LinearSplit ls = LinearSplit.of(ou.driftMatrix(), ou.diffusionMatrix(), 2);
        cases.add(new Case("rotating OU θ = 2", ou, ls.reversibleField(), ls.irreversibleField(), true));
        cases.add(new Case("rotating OU θ = 0 (reversible)", new RotatingOrnsteinUhlenbeck(0.0, 1.0), (z, o) -> {
            o[0] = -2 * z[0];
            o[1] = -2 * z[1];
        }, (z, o) -> {
            o[0] = 0;
            o[1] = 0;
        }, true));
        Sde sl = SystemCatalog.create("stuart-landau", Map.of("omega", 1.0, "noise", Rotation.SL_NOISE));
        cases.add(new Case("Stuart–Landau ω = 1", sl, (z, o) -> {
            double g = 1.0 - z[0] * z[0] - z[1] * z[1];
            o[0] = g * z[0];
            o[1] = g * z[1];
        }, (z, o) -> {
            o[0] = -z[1];
            o[1] = z[0];
        }, true));
        for (double gamma : new double[] {0.0, Episodic.ABLATION_GAMMA}) {
            RingWells w = Episodic.target(gamma);
            RingWells grad = Episodic.target(0.0);
            cases.add(new Case("ring wells γ = " + gamma, w, (z, o) -> grad.drift(0.0, z, o), (z, o) -> {
                o[0] = -gamma * z[1];
                o[1] = gamma * z[0];
            }, true));
        }
        List<List<String>> rows = new ArrayList<>();
        List<Map<String, Object>> out = new ArrayList<>();
        Map<String, Double> index = new LinkedHashMap<>();
        List<Claim> claims = new ArrayList<>();
        double maxNullGap = 0;
        for (Case c : cases) {
            MatchConfig cfg = c.target() instanceof RingWells ? Episodic.config(n, seed) : MatchConfig.defaults(n, seed);
            ConnectivitySplit split = c.rev() == null ? null : ConnectivitySplit.fit(c.target(), cfg, c.rev(), c.irr(), progress);
            RateNetwork net = split != null ? split.full() : DriftMatcher.train(c.target(), cfg, progress).network();
            double[] z0 = Runs.relax(c.target(), c.target().initialState(), 20.0, seed + 1);
            Trajectory zn = Runs.network(net, z0, c.target().defaultTimeStep(), time, 10, seed + 3);
            LatentCoupling.Summary s = new LatentCoupling(net).summarize(zn.values(), LatentCoupling.Coordinates.TARGET);
            ConnectivityDecomposition.Result cd = ConnectivityDecomposition.of(net);
            double ratio = split == null ? Double.NaN : Rotation.norm(split.irreversible()) / Rotation.norm(split.reversible());
            double epr1 = Double.NaN, epr0 = Double.NaN;
            if (split != null && c.noisy()) {
                Ablation.Run[] runs = Ablation.alphaSweep(split, new double[] {1.0, 0.0}, Ablation.Simulation.of(time, 5.0, seed + 5));
                epr1 = runs[0].entropyProduction();
                epr0 = runs[1].entropyProduction();
            }
            Ablation.Run sym = Ablation.variant(net, Ablation.Variant.SYMMETRIC, Ablation.Simulation.of(20.0, 0.0, seed + 7));
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("system", c.label());
            r.put("neurons", n);
            r.put("couplingAsymmetryIndex", s.asymmetryIndex());
            r.put("meanCouplingAsymmetryIndex", s.meanAsymmetryIndex());
            r.put("antisymmetricFraction", cd.asymmetryRatio());
            r.put("nullAntisymmetricFraction", cd.nullRatio());
            r.put("nullStd", cd.nullRatioStd());
            r.put("irreversibleToReversibleNorm", ratio);
            r.put("eprAlpha1", epr1);
            r.put("eprAlpha0", epr0);
            r.put("symmetricPartLeavesManifold", sym.leftManifold());
            r.put("symmetricPartMaxManifoldDistance", sym.maxManifoldDistance());
            out.add(r);
            index.put(c.label(), s.asymmetryIndex());
            maxNullGap = Math.max(maxNullGap, Math.abs(cd.asymmetryRatio() - cd.nullRatio()));
            rows.add(List.of(c.label(), Runs.fmt(s.asymmetryIndex()), Runs.fmt(cd.asymmetryRatio()), Runs.fmt(cd.nullRatio()),
                    Runs.fmt(ratio), Runs.fmt(epr1), Runs.fmt(epr0), sym.leftManifold() ? "yes" : "no"));
            if (c.label().startsWith("rotating OU θ = 2")) {
                claims.add(Claim.atMost("rotating OU θ = 2: EPR of J_rev alone (α = 0)", epr0, 0.1 * epr1, "≤ 10% of the EPR at α = 1"));
            }
        }
        claims.add(Claim.atLeast("coupling asymmetry: rotating OU θ = 2 minus reversible OU θ = 0",
                index.get("rotating OU θ = 2") - index.get("rotating OU θ = 0 (reversible)"), 0.3, "rotation makes L antisymmetric"));
        claims.add(Claim.atMost("largest |‖J_A‖/‖J‖ − null| over all systems", maxNullGap, 0.05,
                "‖J_A‖/‖J‖ carries no information for J = UW (DESIGN §1.6)"));
        Table table = new Table("Decomposition of every scenario's network (N = " + n + "): L-index = √⟨‖L_A‖²⟩/√⟨‖L‖²⟩ along the network's run; "
                + "EPR by a linear fit of the readout of J_α (α = 1: full, α = 0: J_rev alone)",
                List.of("system", "L asymmetry index", "‖J_A‖/‖J‖", "null", "‖J_irr‖/‖J_rev‖", "EPR α = 1", "EPR α = 0", "J_S alone leaves M"),
                rows);
        List<String> notes = List.of(
                "Which behaviours need the irreversible / antisymmetric structure: the entropy production, the probability current "
                        + "and the ordered (cyclic) switching between wells exist only with J_irr (α-ablation: EPR and cyclic order vanish at "
                        + "α = 0 while the wells and the stationary spread remain), and rotation and oscillation show as an antisymmetric "
                        + "latent coupling L. Relaxation, the wells themselves and their occupation are carried by J_rev.",
                "‖J_A‖/‖J‖ of the trained connectivity sits at its random-embedding null (≈ 1/√2) for every target, reversible or not: "
                        + "the antisymmetric part of J as a whole is not the irreversible structure; the latent coupling and the J_rev/J_irr "
                        + "split are.",
                "J_S alone (and J_A alone) is not of the form U·W: the network leaves its manifold, so such runs are no model of the "
                        + "target (last column).",
                "Chaotic flows have no known split into reversible and irreversible parts (no stationary density in closed form): "
                        + "only L and the connectivity null are reported for Lorenz.");
        return new ScenarioResult("decomposition", "Taking the networks apart: what needs the irreversible structure",
                "Latent coupling asymmetry, the reversible/irreversible connectivity split, the connectivity null comparison and the "
                        + "ablations, for the targets of every scenario in one table.",
                Map.of("systems", out), List.of(table), List.of(), claims, notes, Runs.seconds(start));
    }
}
