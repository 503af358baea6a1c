package ddmatch.scenario;

import ddmatch.analysis.DriftError;
import ddmatch.analysis.LargestLyapunovExponent;
import ddmatch.analysis.StateSpaceDivergence;
import ddmatch.analysis.lyapunov.LyapunovSpectrum;
import ddmatch.analysis.statistics.SpectralDivergence;
import ddmatch.fit.DriftMatcher;
import ddmatch.fit.MatchConfig;
import ddmatch.fit.TrainingResult;
import ddmatch.rnn.RateNetwork;
import ddmatch.sde.LyapunovReference;
import ddmatch.sde.Sde;
import ddmatch.sde.SystemCatalog;
import ddmatch.solve.IndependentTasks;
import ddmatch.solve.ProgressListener;
import ddmatch.solve.Trajectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario 1, chaotic attractors carried by networks of growing size N: per catalog flow and N, the held-out drift
 * error, λmax of the full network against the target's (Benettin renormalisation, {@link LargestLyapunovExponent}),
 * the Kaplan–Yorke dimension of the leading d exponents ({@link LyapunovSpectrum}), and the state-space (D_stsp) and
 * power-spectrum (D_H) divergences of a network run from a reference target run, each next to its noise floor: the
 * same divergence between the reference and an independent target run started from an independent point (a
 * perturbation of the reference start relaxed for 100 time units, so that the runs are decorrelated, not time shifts
 * of one orbit). The network run starts from the same point as the independent target run.
 */
final class Chaotic {
    /**
     * Training jitter (standardised units) for Rössler. Its z coordinate is standardised by a scale set by the rare
     * excursions (s_z ≈ 2.8), while between excursions z stays near 0.03: the default jitter 0.1 spreads the samples
     * over z ∈ [−0.25, 0.3], ten times the slow part's thickness, where |ż| reaches 4 and the fit spends its accuracy.
     * Measured at N = 200, seeds 1–6: the network's z-drift error between excursions is 0.010–0.022 in target units,
     * 5–11% of the reinjection constant b = 0.2, and 4 of 6 networks settle on periodic orbits (λmax 0.011–0.034 vs
     * 0.078); with jitter 0.02 the error drops threefold, and at N = 400 all of seeds 1–8 are chaotic (λmax 0.060–0.075
     * over 500 time units).
     */
    static final double ROSSLER_JITTER = 0.02;

    /**
     * Tolerance of the Kaplan–Yorke claim (absolute). Measured at the quick sizes (N = 400, seed 1): Lorenz 2.063 vs
     * 2.064, Rössler 2.014 vs 2.011, Thomas 2.079 vs 2.065; the full network's leading d + 1 exponents would give 2.91,
     * 2.07 and 2.44.
     */
    static final double KY_TOLERANCE = 0.05;

    /**
     * Averaging time of the target's Lyapunov estimates (λmax and spectrum), in the quick scenario too: they are the
     * reference every network is judged against, and a 3-dimensional flow costs little to run long. With the quick
     * scenario's 150 time units the reference was itself off: Thomas λmax 0.416 at 150 against 0.4745 at 1000 (−12 %),
     * while the quick N = 400 networks of seeds 1–4, the same W simulated with two tanh forms that differ in the last
     * bit, gave 0.421–0.531 (150 units) and 0.448–0.517 (1000 units); so the quick claim's misses (λmax "high" at
     * some seeds) came from a short reference, not from the networks. The networks keep the scenario's own time
     * (150 quick, 1000 full) for their spectra; their λmax, the estimate the λmax claim judges, averages over this
     * time too (see {@link #networkSide}).
     */
    static final double TARGET_LYAPUNOV_TIME = 1000.0;

    private Chaotic() {}

    /** The fit of flow {@code system} at N = {@code n}: the defaults, with the Rössler jitter (see {@link #ROSSLER_JITTER}). */
    static MatchConfig config(String system, int n, long seed) {
        MatchConfig c = MatchConfig.defaults(n, seed);
        return "rossler".equals(system) ? c.withSampling(c.sampling().withJitter(ROSSLER_JITTER)) : c;
    }

    /** The target side of one flow: its reference runs, noise floors and Lyapunov estimates, shared by every N. */
    private record TargetSide(Sde target, double[] z0, double[] z1, Trajectory reference, Trajectory other, double floorStsp,
                              double floorH, LargestLyapunovExponent.Result lt, LyapunovSpectrum.Result st, LyapunovReference ref,
                              Trajectory shown) {}

    /** One row of the table: the network of one flow at one N (or why its fit failed). */
    private record NetworkSide(int n, String failure, DriftError.Result de, Trajectory zn, double stsp, double hellinger,
                               LargestLyapunovExponent.Result ln, LyapunovSpectrum.Result sn, LyapunovSpectrum.Result sm,
                               double lambdaOverScale, Trajectory shown) {}

    /**
     * Points in the attractor figures, one per integration step: the runs measured are recorded every 0.05 time units,
     * which draws Lorenz's outer loops (speeds up to ~300) as polygons of chords over ten units long.
     */
    private static final int SHOWN_POINTS = 4000;

    /** The time span of the attractor figures: {@link #SHOWN_POINTS} steps, at most the whole run. */
    private static double shownTime(double dt, double runTime) {
        return Math.min(runTime, SHOWN_POINTS * dt);
    }

    private static TargetSide targetSide(String system, long seed, double runTime, double lyapTime) {
        SystemCatalog.Entry entry = SystemCatalog.get(system);
        Sde target = entry.create(Map.of());
        int d = target.dimension();
        double dt = target.defaultTimeStep();
        int every = Math.max(1, (int) Math.round(0.05 / dt));
        double[] z0 = Runs.relax(target, target.initialState(), 100.0, seed);
        double[] z1 = Runs.independentStart(target, z0, 100.0, seed + 7);
        Trajectory reference = Runs.target(target, z0, runTime, every, seed + 11);
        Trajectory other = Runs.target(target, z1, runTime, every, seed + 13);
        double floorStsp = StateSpaceDivergence.histogram(reference.values(), other.values(), d);
        double floorH = SpectralDivergence.hellinger(reference.values(), other.values(), d);
        LargestLyapunovExponent.Result lt = LargestLyapunovExponent.estimate(target, z0, dt, 20.0, lyapTime, 10);
        LyapunovSpectrum.Result st = LyapunovSpectrum.of(target, z0, d, LyapunovSpectrum.Config.of(dt, lyapTime));
        LyapunovReference ref = entry.info() == null ? null : entry.info().lyapunov();
        // For the figure: the start of the run "other" again, sampled finely (a flow: the same orbit).
        Trajectory shown = Runs.target(target, z1, shownTime(dt, runTime), 1, seed + 13);
        return new TargetSide(target, z0, z1, reference, other, floorStsp, floorH, lt, st, ref, shown);
    }

    private static NetworkSide networkSide(String system, int n, TargetSide ts, long seed, double runTime, double lyapTime,
                                           ProgressListener progress) {
        Sde target = ts.target();
        int d = target.dimension();
        double dt = target.defaultTimeStep();
        int every = Math.max(1, (int) Math.round(0.05 / dt));
        TrainingResult tr;
        try {
            tr = DriftMatcher.train(target, config(system, n, seed), progress);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // A failed fit at one size must not lose the others (nor the other scenarios of `reproduce all`):
            // recorded as a row of NaNs with the reason.
            return new NetworkSide(n, String.valueOf(e.getMessage()), null, null, Double.NaN, Double.NaN, null, null, null, Double.NaN, null);
        }
        RateNetwork net = tr.network();
        DriftError.Result de = Runs.heldOut(tr, target, seed);
        Trajectory zn, shown;
        double vStsp, vH;
        try {
            zn = Runs.network(net, ts.z1(), dt, runTime, every, seed + 17);
            shown = Runs.network(net, ts.z1(), dt, shownTime(dt, runTime), 1, seed + 17);
            vStsp = StateSpaceDivergence.histogram(ts.reference().values(), zn.values(), d);
            vH = SpectralDivergence.hellinger(ts.reference().values(), zn.values(), d);
        } catch (ddmatch.solve.DivergenceException e) {
            zn = null;
            shown = null;
            vStsp = Double.POSITIVE_INFINITY;
            vH = Double.NaN;
        }
        // The network's λmax over the target's averaging time in the quick scenario too: over 150 units the estimate of a
        // good network strays beyond the claim's ±25% (measured 2026-12-06, Thomas N = 400, seed 1, JDK 25, Java kernels:
        // 0.350 over 150 units against the target's 0.4745; the same model through `analyze` 0.4655 ± 0.014 over 1000),
        // and a largest-exponent run of an N = 400 network over 1000 units costs well under a second.
        LargestLyapunovExponent.Result ln = LargestLyapunovExponent.estimate(net, net.stateFor(ts.z0()), dt, 20.0,
                TARGET_LYAPUNOV_TIME, 10);
        LyapunovSpectrum.Result sn = LyapunovSpectrum.of(net, net.stateFor(ts.z0()), d + 1, LyapunovSpectrum.Config.of(dt, lyapTime));
        // The d exponents of the network's own flow on its manifold: the ones that compare with the target's (the full
        // network's leading d + 1 include a transverse one, ≈ −1/τ; see ManifoldFlow).
        double[] zt0 = new double[d];
        net.standardization().toLatent(ts.z0(), zt0);
        LyapunovSpectrum.Result sm = LyapunovSpectrum.of(net.manifoldFlow(), zt0, d, LyapunovSpectrum.Config.of(dt, lyapTime));
        return new NetworkSide(n, null, de, zn, vStsp, vH, ln, sn, sm, tr.ridge().lambda() / tr.ridge().lambdaScale(), shown);
    }

    static ScenarioResult run(Plan plan, ProgressListener progress) {
        long start = System.nanoTime();
        double runTime = plan.quick() ? 200.0 : 1000.0;
        double lyapTime = plan.quick() ? 150.0 : 1000.0;
        List<Integer> sizes = plan.chaoticSizes();
        long seed = plan.seed();
        List<String> systems = plan.chaoticSystems();
        // Every flow's target side, then every (flow, N) network, side by side (IndependentTasks: each draws from its
        // own seeds, so the numbers are those of a serial run); the largest networks are queued first so that the
        // longest computations do not start last.
        List<java.util.concurrent.Callable<TargetSide>> targetTasks = new ArrayList<>();
        for (String system : systems) targetTasks.add(() -> targetSide(system, seed, runTime, TARGET_LYAPUNOV_TIME));
        List<TargetSide> targets = IndependentTasks.run(targetTasks);
        List<int[]> order = new ArrayList<>();
        for (int i = sizes.size() - 1; i >= 0; i--) {
            for (int s = 0; s < systems.size(); s++) order.add(new int[] {s, i});
        }
        List<java.util.concurrent.Callable<NetworkSide>> networkTasks = new ArrayList<>();
        for (int[] o : order) {
            String system = systems.get(o[0]);
            int n = sizes.get(o[1]);
            TargetSide ts = targets.get(o[0]);
            networkTasks.add(() -> networkSide(system, n, ts, seed, runTime, lyapTime, progress));
        }
        List<NetworkSide> done = IndependentTasks.run(networkTasks);
        NetworkSide[][] networks = new NetworkSide[systems.size()][sizes.size()];
        for (int k = 0; k < order.size(); k++) networks[order.get(k)[0]][order.get(k)[1]] = done.get(k);

        Map<String, Object> numbers = new LinkedHashMap<>();
        List<List<String>> rows = new ArrayList<>();
        List<Plot> plots = new ArrayList<>();
        List<Claim> claims = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int si = 0; si < systems.size(); si++) {
            String system = systems.get(si);
            TargetSide ts = targets.get(si);
            Sde target = ts.target();
            int d = target.dimension();
            double dt = target.defaultTimeStep();
            double floorStsp = ts.floorStsp();
            double floorH = ts.floorH();
            LargestLyapunovExponent.Result lt = ts.lt();
            LyapunovSpectrum.Result st = ts.st();
            LyapunovReference ref = ts.ref();
            Map<String, Object> sys = new LinkedHashMap<>();
            sys.put("dimension", d);
            sys.put("dt", dt);
            sys.put("runTime", runTime);
            sys.put("lyapunovTime", lyapTime);
            sys.put("lyapunovTimeTarget", TARGET_LYAPUNOV_TIME);
            sys.put("lambdaMaxTarget", lt.exponent());
            sys.put("lambdaMaxTargetBlockSpread", lt.blockSpread());
            sys.put("lambdaMaxLiterature", ref == null ? Double.NaN : ref.maxExponent());
            sys.put("lambdaMaxLiteratureSource", ref == null ? "" : ref.source());
            sys.put("kaplanYorkeTarget", st.kaplanYorkeDimension());
            sys.put("spectrumTarget", st.exponents());
            sys.put("stspFloor", floorStsp);
            sys.put("hellingerFloor", floorH);
            List<Map<String, Object>> perN = new ArrayList<>();
            double[] ns = new double[sizes.size()];
            double[] err = new double[sizes.size()];
            double[] lam = new double[sizes.size()];
            double[] lamSpread = new double[sizes.size()];
            double[] stsp = new double[sizes.size()];
            double[] hel = new double[sizes.size()];
            Trajectory last = null;
            for (int i = 0; i < sizes.size(); i++) {
                int n = sizes.get(i);
                NetworkSide ns1 = networks[si][i];
                if (ns1.failure() != null) {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("neurons", n);
                    r.put("error", ns1.failure());
                    perN.add(r);
                    failures.add(system + " N = " + n + ": training failed: " + ns1.failure());
                    ns[i] = n;
                    err[i] = lam[i] = lamSpread[i] = stsp[i] = hel[i] = Double.NaN;
                    rows.add(List.of(system, String.valueOf(n), "failed", "—", Runs.fmt(lt.exponent()), "—",
                            Runs.fmt(st.kaplanYorkeDimension()), "—", Runs.fmt(floorStsp), "—", Runs.fmt(floorH)));
                    continue;
                }
                DriftError.Result de = ns1.de();
                double vStsp = ns1.stsp();
                double vH = ns1.hellinger();
                LargestLyapunovExponent.Result ln = ns1.ln();
                LyapunovSpectrum.Result sn = ns1.sn();
                LyapunovSpectrum.Result sm = ns1.sm();
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("neurons", n);
                r.put("lambdaOverScale", ns1.lambdaOverScale());
                r.put("driftErrorMean", de.mean());
                r.put("driftErrorP95", de.p95());
                r.put("lambdaMaxNetwork", ln.exponent());
                r.put("lambdaMaxNetworkBlockSpread", ln.blockSpread());
                r.put("spectrumNetwork", sn.exponents());
                r.put("kaplanYorkeNetwork", sn.kaplanYorkeDimension());
                r.put("spectrumOnManifold", sm.exponents());
                r.put("kaplanYorkeOnManifold", sm.kaplanYorkeDimension());
                r.put("stsp", vStsp);
                r.put("hellinger", vH);
                perN.add(r);
                ns[i] = n;
                err[i] = de.mean();
                lam[i] = ln.exponent();
                lamSpread[i] = ln.blockSpread();
                stsp[i] = vStsp;
                hel[i] = vH;
                if (ns1.shown() != null) last = ns1.shown();
                rows.add(List.of(system, String.valueOf(n), Runs.fmt(de.mean()), Runs.fmt(ln.exponent()), Runs.fmt(lt.exponent()),
                        Runs.fmt(sm.kaplanYorkeDimension()), Runs.fmt(st.kaplanYorkeDimension()), Runs.fmt(vStsp), Runs.fmt(floorStsp),
                        Runs.fmt(vH), Runs.fmt(floorH)));
            }
            sys.put("sizes", perN);
            numbers.put(system, sys);
            int top = sizes.size() - 1;
            while (top > 0 && Double.isNaN(lam[top])) top--;
            Claim lambdaClaim = Claim.relative(system + ": λmax of the network at N = " + sizes.get(top), lam[top], lt.exponent(),
                    plan.quick() ? 0.25 : 0.10, "target's λmax (same estimator)");
            claims.add(lambdaClaim);
            claims.add(Claim.atMost(system + ": D_stsp at N = " + sizes.get(top), stsp[top], 3.0 * floorStsp,
                    "3× noise floor (independent target run)"));
            double kyNet = networks[si][top].sm() == null ? Double.NaN : networks[si][top].sm().kaplanYorkeDimension();
            claims.add(new Claim(system + ": Kaplan–Yorke dimension of the network on its manifold at N = " + sizes.get(top), kyNet,
                    st.kaplanYorkeDimension() - KY_TOLERANCE, st.kaplanYorkeDimension() + KY_TOLERANCE,
                    "target's Kaplan–Yorke dimension (same estimator) ± " + KY_TOLERANCE));
            double[] floorLine = new double[ns.length];
            java.util.Arrays.fill(floorLine, floorStsp);
            double[] floorHLine = new double[ns.length];
            java.util.Arrays.fill(floorHLine, floorH);
            double[] tl = new double[ns.length];
            java.util.Arrays.fill(tl, lt.exponent());
            // N on a log axis: the sizes are geometric (250 … 4000 doubling).
            plots.add(new Plot(system + "-drift", system + ": held-out drift error vs N", "neurons N (log scale)", "relative drift error", true,
                    List.of(Plot.Series.lineMarkers("network", ns, err)), true));
            // The claim's allowed range as a band under the curves (its bounds, not a tolerance restated here), so that
            // the distance of the network's λmax from the target's reads against what the claim accepts; error bars: the
            // estimator's block spread (standard error over 10 blocks).
            double[] bandX = {java.util.Arrays.stream(ns).min().orElse(0), java.util.Arrays.stream(ns).max().orElse(0)};
            double[] bandLo = {lambdaClaim.lower(), lambdaClaim.lower()}, bandHi = {lambdaClaim.upper(), lambdaClaim.upper()};
            plots.add(new Plot(system + "-lambda", system + ": largest Lyapunov exponent vs N, with the claim's allowed range", "neurons N (log scale)",
                    "λmax (1/time)", false,
                    List.of(Plot.Series.band("allowed by the claim (at N = " + sizes.get(top) + ")", bandX, bandLo, bandHi),
                            Plot.Series.lineMarkers("network (± standard error over 10 blocks)", ns, lam, lamSpread),
                            Plot.Series.line("target", ns, tl)), true));
            plots.add(new Plot(system + "-divergence", system + ": D_stsp and D_H vs N, with noise floors", "neurons N (log scale)", "divergence", true,
                    List.of(Plot.Series.lineMarkers("D_stsp network", ns, stsp), Plot.Series.line("D_stsp floor", ns, floorLine),
                            Plot.Series.lineMarkers("D_H network", ns, hel), Plot.Series.line("D_H floor", ns, floorHLine)), true));
            List<Plot.Series> attractor = new ArrayList<>();
            // A short window at every step (ts.shown()) rather than the whole run thinned to 3000 points: thinned,
            // Lorenz's loops (about 0.75 time units each) became polygons of straight chords.
            Trajectory shown = ts.shown();
            attractor.add(Plot.Series.line("target", Runs.head(shown, 0, shown.rows()), Runs.head(shown, 1, shown.rows())));
            if (last != null) {
                attractor.add(Plot.Series.line("network N = " + sizes.get(top), Runs.head(last, 0, last.rows()), Runs.head(last, 1, last.rows())));
            }
            plots.add(new Plot(system + "-attractor", system + String.format(java.util.Locale.ROOT,
                    ": attractor (first two coordinates), target vs network from the same start, first %.0f time units",
                    shown.rows() * shown.interval()), "z₁", "z₂", false, attractor));
        }
        Table table = new Table("Chaotic attractors vs network size (λmax: Benettin, renormalised every 10 steps; KY: Kaplan–Yorke dimension (network: of its flow on the manifold); "
                + "D_stsp: 30 bins/dim, KL(target‖network); D_H: Hellinger of smoothed power spectra; floors: independent target runs)",
                List.of("system", "N", "drift err", "λmax net", "λmax target", "KY net", "KY target", "D_stsp", "D_stsp floor", "D_H", "D_H floor"),
                rows);
        List<String> notes = new ArrayList<>(List.of("Each divergence compares one network run with one reference target run of " + runTime
                        + " time units; the floor is the same divergence between two independent target runs.",
                "The target's λmax and spectrum and the network's λmax average over " + TARGET_LYAPUNOV_TIME
                        + " time units, the network's spectra over " + lyapTime + ".",
                "KY net is the Kaplan–Yorke dimension of the network's own flow on its manifold (its d on-manifold exponents, "
                        + "spectrumOnManifold in the numbers); the full network's leading d + 1 exponents (spectrumNetwork) include a "
                        + "transverse one near −1/τ, which lies above Lorenz's λ₃ ≈ −14.6, so a dimension computed from them measures "
                        + "the transverse contraction, not the attractor.",
                "A small drift error does not guarantee the attractor: a network can settle on a nearby periodic window (λmax ≈ 0, "
                        + "D_stsp far above the floor); λmax and D_stsp tell, the drift error does not."));
        notes.addAll(failures);
        return new ScenarioResult("chaotic", "Chaotic attractors in networks of growing size",
                "Lorenz, Rössler and Thomas (or any catalog flow) carried by low-rank rate networks of N neurons: accuracy of the drift, "
                        + "the largest Lyapunov exponent and Kaplan–Yorke dimension of the full N-dimensional network against the target, and the "
                        + "state-space and spectral divergences of simulated runs against the target's own run-to-run noise floor.",
                numbers, List.of(table), plots, claims,
                notes,
                Runs.seconds(start));
    }
}
