package ddmatch.scenario;

import ddmatch.fit.DriftMatcher;
import ddmatch.rnn.RateNetwork;
import ddmatch.sde.RingWells;
import ddmatch.solve.ProgressListener;
import ddmatch.solve.Trajectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Scenario 3, associative memory: K = 4 wells on a ring (reversible, γ = 0) are the memories.
 *
 * <p><b>Recall.</b> A cue is a well's position plus Gaussian noise of standard deviation s (target units); the
 * noiseless network and the noiseless target are run from it for 10 time units, and the cue counts as recalled when the
 * run ends in the cue's own well (within 0.5).
 *
 * <p><b>Switching.</b> Pulses of input towards a target memory, over a grid of amplitude × duration, at least 100 trials
 * per target memory and cell, for the target and for a network trained with inputs; agreement is tested per cell against
 * a binomial bound ({@link Switching}).
 *
 * <p><b>Hopfield.</b> A Hopfield network of the same N binary units (Hebbian couplings; J. J. Hopfield, PNAS 79, 2554
 * (1982)) stores the sign patterns {@code sign(U z̃_k)} of the wells and is cued with a fraction p of flipped bits; its
 * capacity is measured at N = {@value #HOPFIELD_N} by storing P = αN random patterns and following the mean retrieval
 * overlap, with the known limit α_c ≈ 0.138 (D. J. Amit, H. Gutfreund and H. Sompolinsky, Phys. Rev. Lett. 55, 1530
 * (1985)). Its couplings are symmetric, so its stochastic dynamics obey detailed balance: next to it, the reversible
 * matched network's transitions have no preferred order, and a matched network of rotating wells (an irreversible
 * drift, asymmetric latent coupling) runs through its memories in order with positive entropy production.
 */
final class Memory {
    static final int WELLS = 4;
    static final double[] CUE_NOISE = {0.1, 0.3, 0.5, 0.7, 0.9, 1.2};
    static final double[] FLIPS = {0.0, 0.1, 0.2, 0.3, 0.4, 0.45};
    static final double[] LOADS = {0.02, 0.05, 0.08, 0.1, 0.12, 0.13, 0.14, 0.15, 0.16, 0.18, 0.2, 0.25, 0.3};
    /** Hopfield size for the capacity curve (fixed, so that the finite-size shift is the same in every run). */
    static final int HOPFIELD_N = 500;
    /**
     * Overlap of the retrieval state at the critical load in the replica-symmetric theory, m(α_c) ≈ 0.967
     * (Amit, Gutfreund &amp; Sompolinsky, Ann. Phys. 173, 30 (1987)): the capacity is read off where the mean retrieval
     * overlap of the stored patterns first drops below it.
     */
    static final double CRITICAL_OVERLAP = 0.967;
    /** Pulse amplitudes (target drift units) and durations (time units) of the switching grid, quick and full. */
    static final double[] AMPLITUDES_QUICK = {1.0, 2.0, 3.0}, DURATIONS_QUICK = {0.5, 1.0, 2.0};
    static final double[] AMPLITUDES = {0.5, 1.0, 1.5, 2.0, 3.0}, DURATIONS = {0.25, 0.5, 1.0, 2.0, 4.0};
    /** Switching trials per target memory and grid cell. */
    static final int TRIALS = 100;
    /** Circulation of the asymmetric comparison network (4 rotating wells). */
    static final double GAMMA = 0.5;

    private Memory() {}

    static ScenarioResult run(Plan plan, ProgressListener progress) {
        long start = System.nanoTime();
        int n = plan.quick() ? 200 : 500;
        int cues = plan.quick() ? 40 : 200;
        long seed = plan.seed();
        RingWells target = new RingWells("ring-wells", WELLS, 4.0, 1.0, 0.0, 0.5, new double[] {1.0, 0.0}, 0.01);
        RingWells quiet = new RingWells("ring-wells", WELLS, 4.0, 1.0, 0.0, 0.0, new double[] {1.0, 0.0}, 0.01);
        RateNetwork trained = DriftMatcher.train(target, Episodic.config(n, seed), progress).network();
        RateNetwork net = new RateNetwork(trained.name() + "-noiseless", trained.embedding(), trained.readInWeights(), new double[0], 0,
                trained.tau(), trained.activation(), trained.standardization(), trained.defaultTimeStep());
        double[] centres = new double[2 * WELLS];
        for (int k = 0; k < WELLS; k++) {
            centres[2 * k] = Math.cos(target.wellAngle(k));
            centres[2 * k + 1] = Math.sin(target.wellAngle(k));
        }
        double[] recNet = new double[CUE_NOISE.length];
        double[] recTarget = new double[CUE_NOISE.length];
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = 0; i < CUE_NOISE.length; i++) {
            int okN = 0, okT = 0;
            for (int c = 0; c < cues; c++) {
                int k = c % WELLS;
                double[] cue = {centres[2 * k] + CUE_NOISE[i] * gauss(rnd), centres[2 * k + 1] + CUE_NOISE[i] * gauss(rnd)};
                Trajectory zn = Runs.network(net, cue, net.defaultTimeStep(), 10.0, 1000, seed);
                Trajectory zt = Runs.target(quiet, cue, 10.0, 1000, seed);
                okN += recalled(zn, centres, k) ? 1 : 0;
                okT += recalled(zt, centres, k) ? 1 : 0;
            }
            recNet[i] = (double) okN / cues;
            recTarget[i] = (double) okT / cues;
        }

        // Hopfield network on the wells' sign patterns.
        double[] u = trained.embedding().u();
        int[][] patterns = new int[WELLS][n];
        double[] zt = new double[2];
        for (int k = 0; k < WELLS; k++) {
            trained.standardization().toLatent(new double[] {centres[2 * k], centres[2 * k + 1]}, zt);
            for (int j = 0; j < n; j++) {
                double v = u[j * 2] * zt[0] + u[j * 2 + 1] * zt[1];
                patterns[k][j] = v >= 0 ? 1 : -1;
            }
        }
        double[] hopRecall = new double[FLIPS.length];
        for (int i = 0; i < FLIPS.length; i++) {
            int ok = 0;
            for (int c = 0; c < cues; c++) {
                int k = c % WELLS;
                int[] s = patterns[k].clone();
                for (int j = 0; j < n; j++) if (rnd.nextDouble() < FLIPS[i]) s[j] = -s[j];
                ok += overlap(hopfield(patterns, s, rnd), patterns[k]) > 0.95 ? 1 : 0;
            }
            hopRecall[i] = (double) ok / cues;
        }
        double[] capacity = new double[LOADS.length];
        double[] meanOverlap = new double[LOADS.length];
        int sets = plan.quick() ? 2 : 4;
        for (int i = 0; i < LOADS.length; i++) {
            int p = Math.max(1, (int) Math.round(LOADS[i] * HOPFIELD_N));
            int ok = 0;
            double m = 0;
            for (int set = 0; set < sets; set++) {
                int[][] random = new int[p][HOPFIELD_N];
                for (int[] row : random) for (int j = 0; j < HOPFIELD_N; j++) row[j] = rnd.nextBoolean() ? 1 : -1;
                for (int k = 0; k < p; k++) {
                    double o = overlap(hopfield(random, random[k].clone(), rnd), random[k]);
                    ok += o > 0.95 ? 1 : 0;
                    m += o;
                }
            }
            capacity[i] = (double) ok / (p * sets);
            meanOverlap[i] = m / (p * sets);
        }
        double alphaC = Double.NaN;
        for (int i = 1; i < LOADS.length && Double.isNaN(alphaC); i++) {
            if (meanOverlap[i] < CRITICAL_OVERLAP && meanOverlap[i - 1] >= CRITICAL_OVERLAP) {
                alphaC = LOADS[i - 1] + (LOADS[i] - LOADS[i - 1]) * (meanOverlap[i - 1] - CRITICAL_OVERLAP) / (meanOverlap[i - 1] - meanOverlap[i]);
            }
        }
        // The Hebbian couplings of the wells' patterns are symmetric by construction: ‖J_A‖/‖J‖ measured, 0 up to rounding.
        double hebbA = 0, hebb = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) continue;
                double jij = 0, jji = 0;
                for (int[] pt : patterns) {
                    jij += pt[i] * pt[j];
                    jji += pt[j] * pt[i];
                }
                hebb += jij * jij;
                hebbA += 0.25 * (jij - jji) * (jij - jji);
            }
        }
        double hopfieldAsymmetry = Math.sqrt(hebbA / hebb);

        // Input-driven switching: target and network side by side over the pulse grid.
        double[] amps = plan.quick() ? AMPLITUDES_QUICK : AMPLITUDES;
        double[] durs = plan.quick() ? DURATIONS_QUICK : DURATIONS;
        Switching.PushedWells pushed = Switching.target(WELLS);
        ddmatch.fit.InputMatcher.Result sw = Switching.train(pushed, amps[amps.length - 1], durs[durs.length - 1], n, seed, progress);
        Switching.Counts swT = Switching.run(pushed, null, amps, durs, TRIALS, seed + 101);
        Switching.Counts swN = Switching.run(pushed, sw.result().network(), amps, durs, TRIALS, seed + 202);
        double[] zs = Switching.zScores(swT, swN);
        double maxZ = 0;
        for (double z : zs) maxZ = Math.max(maxZ, Math.abs(z));
        double zBound = Switching.bonferroniBound(zs.length, Switching.FAMILY_LEVEL);
        double[] fracT = swT.fractionPerCell(), fracN = swN.fractionPerCell();

        // What asymmetry adds: noise-driven transitions among 4 wells, reversible (the memory network) vs rotating.
        double runTime = plan.quick() ? 2000.0 : 10000.0;
        RingWells rotating = new RingWells("rotating-wells", WELLS, 4.0, 1.0, GAMMA, 0.5, new double[] {1.0, 0.0}, 0.01);
        RateNetwork rotNet = DriftMatcher.train(rotating, Episodic.config(n, seed), progress).network();
        Map<String, Object> revStats = Episodic.stats(Runs.network(trained, centresOf(target, 0), trained.defaultTimeStep(), runTime, 5, seed + 31),
                centres, WELLS);
        Map<String, Object> rotStats = Episodic.stats(Runs.network(rotNet, centresOf(target, 0), rotNet.defaultTimeStep(), runTime, 5, seed + 37),
                centres, WELLS);
        Map<String, Object> rotTarget = Episodic.stats(Runs.target(rotating, centresOf(target, 0), runTime, 5, seed + 41), centres, WELLS);
        double revCyc = Episodic.num(revStats, "cyclicFraction"), rotCyc = Episodic.num(rotStats, "cyclicFraction");
        long revJumps = ((Number) revStats.get("jumps")).longValue();

        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("setup", Map.of("wells", WELLS, "neurons", n, "cuesPerLevel", cues, "recallTime", 10.0));
        numbers.put("cueNoise", CUE_NOISE);
        numbers.put("recallNetwork", recNet);
        numbers.put("recallTarget", recTarget);
        numbers.put("hopfieldFlipFraction", FLIPS);
        numbers.put("hopfieldRecall", hopRecall);
        numbers.put("hopfieldLoad", LOADS);
        numbers.put("hopfieldRetrieved", capacity);
        numbers.put("hopfieldMeanOverlap", meanOverlap);
        numbers.put("hopfieldCapacity", Map.of("neurons", HOPFIELD_N, "patternSets", sets, "criticalOverlap", CRITICAL_OVERLAP,
                "alphaC", alphaC));
        numbers.put("hopfieldCouplingAsymmetry", hopfieldAsymmetry);
        Map<String, Object> swNumbers = new LinkedHashMap<>();
        swNumbers.put("noise", Switching.NOISE);
        swNumbers.put("lead", Switching.LEAD);
        swNumbers.put("settle", Switching.SETTLE);
        swNumbers.put("coreRadius", Switching.CORE_RADIUS);
        swNumbers.put("inputMode", sw.mode().name().toLowerCase(java.util.Locale.ROOT));
        swNumbers.put("trainingError", sw.result().trainingError());
        swNumbers.put("trainingInputs", "random pulses (Switching.trainingPulses): amplitude uniform in [0, " + amps[amps.length - 1]
                + "], direction uniform, duration uniform in [0.25, " + durs[durs.length - 1] + "], pauses uniform in [0.5, 3]");
        swNumbers.put("amplitudes", amps);
        swNumbers.put("durations", durs);
        swNumbers.put("trialsPerCell", TRIALS);
        swNumbers.put("successesTarget", swT.successes());
        swNumbers.put("successesNetwork", swN.successes());
        swNumbers.put("fractionTarget", fracT);
        swNumbers.put("fractionNetwork", fracN);
        swNumbers.put("zScores", zs);
        swNumbers.put("maxAbsZ", maxZ);
        swNumbers.put("bonferroniBound", zBound);
        numbers.put("switching", swNumbers);
        Map<String, Object> asym = new LinkedHashMap<>();
        asym.put("time", runTime);
        asym.put("gamma", GAMMA);
        asym.put("reversibleNetwork", revStats);
        asym.put("rotatingNetwork", rotStats);
        asym.put("rotatingTarget", rotTarget);
        numbers.put("asymmetry", asym);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < CUE_NOISE.length; i++) {
            rows.add(List.of(Runs.fmt(CUE_NOISE[i]), Runs.fmt(recTarget[i]), Runs.fmt(recNet[i])));
        }
        List<List<String>> hrows = new ArrayList<>();
        for (int i = 0; i < FLIPS.length; i++) hrows.add(List.of(Runs.fmt(FLIPS[i]), Runs.fmt(hopRecall[i])));
        List<List<String>> crows = new ArrayList<>();
        for (int i = 0; i < LOADS.length; i++) crows.add(List.of(Runs.fmt(LOADS[i]), Runs.fmt(capacity[i]), Runs.fmt(meanOverlap[i])));
        List<List<String>> srows = new ArrayList<>();
        for (int a = 0; a < amps.length; a++) {
            for (int d = 0; d < durs.length; d++) {
                int c = a * durs.length + d;
                double zc = 0;
                StringBuilder perT = new StringBuilder(), perN = new StringBuilder();
                for (int k = 0; k < WELLS; k++) {
                    zc = Math.max(zc, Math.abs(zs[c * WELLS + k]));
                    perT.append(k == 0 ? "" : " ").append(swT.successes()[c * WELLS + k]);
                    perN.append(k == 0 ? "" : " ").append(swN.successes()[c * WELLS + k]);
                }
                srows.add(List.of(Runs.fmt(amps[a]), Runs.fmt(durs[d]), Runs.fmt(fracT[c]), Runs.fmt(fracN[c]), perT.toString(), perN.toString(),
                        Runs.fmt(zc)));
            }
        }
        List<List<String>> arows = List.of(
                List.of("Hopfield, Hebbian couplings of the wells' patterns (N = " + n + ")", Runs.fmt(hopfieldAsymmetry), "—", "—", "0 (exact)"),
                List.of("matched network, reversible wells (γ = 0, N = " + n + ")", Runs.fmt(Episodic.num(revStats, "asymmetry")),
                        String.valueOf(revJumps), Runs.fmt(revCyc), Episodic.eprCell(revStats)),
                List.of("matched network, rotating wells (γ = " + GAMMA + ", N = " + n + ")", Runs.fmt(Episodic.num(rotStats, "asymmetry")),
                        String.valueOf(rotStats.get("jumps")), Runs.fmt(rotCyc), Episodic.eprCell(rotStats)),
                List.of("target, rotating wells (γ = " + GAMMA + ")", Runs.fmt(Episodic.num(rotTarget, "asymmetry")), String.valueOf(rotTarget.get("jumps")),
                        Runs.fmt(Episodic.num(rotTarget, "cyclicFraction")), Episodic.eprCell(rotTarget)));
        double agree = 0;
        for (int i = 0; i < CUE_NOISE.length; i++) agree = Math.max(agree, Math.abs(recNet[i] - recTarget[i]));
        // Binomial bound on the reversible network's forward fraction: 0.5 ± 3.3σ (two-sided 0.1%), σ = ½/√jumps.
        double revTol = 3.3 * 0.5 / Math.sqrt(Math.max(1, revJumps));
        int strongest = amps.length * durs.length - 1;
        List<Claim> claims = List.of(
                Claim.atMost("largest |recall(network) − recall(target)| over cue noise", agree, plan.quick() ? 0.15 : 0.08,
                        "the target's own basins of attraction"),
                Claim.atLeast("network recall at cue noise 0.1", recNet[0], 0.95, "cues inside the basin"),
                Claim.atMost("switching: largest |z| of network vs target success over " + zs.length + " cells", maxZ, zBound,
                        "Bonferroni bound Φ⁻¹(1 − 0.005/" + zs.length + ") for equal switching probabilities (independent binomials, "
                                + TRIALS + " trials each)"),
                Claim.atLeast("switching: network success at A = " + Runs.fmt(amps[amps.length - 1]) + ", D = " + Runs.fmt(durs[durs.length - 1]),
                        fracN[strongest], 0.9, "a push stronger than the wells' largest restoring force (h = 1), held long enough"),
                Claim.atLeast("Hopfield: retrieved fraction at load 0.05", capacity[1], 0.9, "below α_c ≈ 0.138 (Amit et al. 1985)"),
                Claim.atMost("Hopfield: retrieved fraction at load 0.3", capacity[LOADS.length - 1], 0.5, "above α_c ≈ 0.138"),
                Claim.relative("Hopfield capacity α_c (mean retrieval overlap falls below 0.967), N = " + HOPFIELD_N, alphaC, 0.138, 0.2,
                        "α_c ≈ 0.138 (Amit, Gutfreund & Sompolinsky 1985); ±20% for the finite size"),
                Claim.atMost("Hopfield couplings: ‖J_A‖/‖J‖", hopfieldAsymmetry, 1e-12, "Hebbian couplings are symmetric: detailed balance, EPR = 0"),
                new Claim("reversible wells (γ = 0): network's forward fraction of ring jumps", revCyc, 0.5 - revTol, 0.5 + revTol,
                        "no preferred order: 0.5 ± 3.3·½/√jumps (binomial, " + revJumps + " jumps)"),
                Claim.atLeast("rotating wells (γ = " + GAMMA + "): network's forward fraction of ring jumps", rotCyc, 0.8,
                        "the circulation J_irr sets the order (target: " + Runs.fmt(Episodic.num(rotTarget, "cyclicFraction")) + ")"));
        // The capacity plot's marks: the theoretical α_c, the overlap threshold the claim reads α_c at, and the α_c
        // measured there (none if the mean overlap never crossed it).
        List<Plot.Series> capacitySeries = new ArrayList<>(List.of(Plot.Series.lineMarkers("retrieved (overlap > 0.95)", LOADS, capacity),
                Plot.Series.lineMarkers("mean retrieval overlap", LOADS, meanOverlap),
                Plot.Series.guide("α_c = 0.138 (AGS 1985)", new double[] {0.138, 0.138}, new double[] {0, 1}),
                Plot.Series.guide("overlap threshold " + CRITICAL_OVERLAP + " (defines α_c)",
                        new double[] {LOADS[0], LOADS[LOADS.length - 1]}, new double[] {CRITICAL_OVERLAP, CRITICAL_OVERLAP})));
        if (Double.isFinite(alphaC)) {
            capacitySeries.add(Plot.Series.guide("measured α_c = " + Runs.fmt(alphaC), new double[] {alphaC, alphaC}, new double[] {0, 1}));
        }
        List<Plot> plots = List.of(
                new Plot("memory-recall", "Recall from noisy cues: network vs target basins (K = 4 wells)", "cue noise s (target units)",
                        "fraction recalled", false, List.of(Plot.Series.lineMarkers("target", CUE_NOISE, recTarget),
                        Plot.Series.lineMarkers("network N = " + n, CUE_NOISE, recNet))),
                new Plot("memory-switching-target", "Switching by a pulse: success rate of the target (" + TRIALS * WELLS + " trials per cell)",
                        "pulse duration D (time units)", "pulse amplitude A", false, List.of(Plot.Series.heatmap("target", durs, amps, fracT))),
                new Plot("memory-switching-network", "Switching by a pulse: success rate of the network N = " + n + " (" + TRIALS * WELLS
                        + " trials per cell)", "pulse duration D (time units)", "pulse amplitude A", false,
                        List.of(Plot.Series.heatmap("network", durs, amps, fracN))),
                new Plot("memory-hopfield", "Hopfield network, same N, storing the wells' sign patterns", "fraction of flipped bits in the cue",
                        "fraction recalled", false, List.of(Plot.Series.lineMarkers("Hopfield", FLIPS, hopRecall))),
                new Plot("memory-capacity", "Hopfield capacity: retrieval of random patterns vs load P/N (N = " + HOPFIELD_N + ")", "load P/N",
                        "fraction / overlap", false, capacitySeries));
        List<Table> tables = List.of(
                new Table("Recall from noisy cues (" + cues + " cues per level, noiseless runs of 10 time units)",
                        List.of("cue noise", "recall target", "recall network"), rows),
                new Table("Switching by a pulse A·(cos θ_k, sin θ_k) for D time units towards memory k, from each other memory in turn; success = last "
                        + "core set after " + Switching.SETTLE + " time units of settling is k (" + TRIALS + " trials per memory and cell, noise σ = "
                        + Switching.NOISE + "; independent seeds for target and network)",
                        List.of("A", "D", "success target", "success network", "target per memory", "network per memory", "max |z|"), srows),
                new Table("What asymmetry adds: noise-driven transitions among the 4 memories (" + Runs.fmt(runTime) + " time units, noise 0.5)",
                        List.of("model", "asymmetry (Hopfield: ‖J_A‖/‖J‖; runs: |n_ij − n_ji| of the jumps)", "jumps", "forward fraction", "coarse-grained EPR"), arows),
                new Table("Hopfield recall from cues with flipped bits", List.of("flipped fraction", "recall"), hrows),
                new Table("Hopfield capacity (random patterns, N = " + HOPFIELD_N + ", " + sets + " pattern sets)",
                        List.of("load P/N", "retrieved", "mean overlap"), crows));
        return new ScenarioResult("memory", "Associative memory: recall, input-driven switching, and a Hopfield network",
                "Four wells of a reversible potential are four memories: the network recalls a memory from a noisy cue exactly when the "
                        + "target's flow would, its basins are the target's, and a pulse of input switches it to another memory with the "
                        + "target's success rate over pulse amplitude and duration. A Hopfield network of the same size stores the same "
                        + "patterns with Hebbian couplings; its capacity is bounded by ≈ 0.138 N random patterns, and its symmetric couplings "
                        + "obey detailed balance: no preferred order of transitions, no entropy production. The matched network gets an order "
                        + "only from an irreversible drift (rotating wells): asymmetry is what carries sequences.",
                numbers, tables, plots, claims,
                List.of("Switching success is read at the end of the settle window from the last core set visited (hysteresis), so a state "
                                + "between wells counts as where it came from.",
                        "The Hopfield entropy production is 0 exactly (symmetric couplings, Glauber dynamics obey detailed balance with "
                                + "respect to exp(−E/T)); it is not estimated from a simulation: at N = " + n + " its noise-driven "
                                + "transitions between stored patterns are far too rare to count.",
                        "The capacity is measured at N = " + HOPFIELD_N + " by asynchronous zero-temperature updates started from each "
                                + "stored pattern; finite-size curves are smooth, so α_c is read where the mean overlap crosses 0.967."),
                Runs.seconds(start));
    }

    private static double[] centresOf(RingWells w, int k) {
        return new double[] {Math.cos(w.wellAngle(k)), Math.sin(w.wellAngle(k))};
    }

    private static boolean recalled(Trajectory z, double[] centres, int k) {
        double[] v = z.values();
        int last = (z.rows() - 1) * 2;
        return Math.hypot(v[last] - centres[2 * k], v[last + 1] - centres[2 * k + 1]) < 0.5;
    }

    private static double gauss(SplittableRandom r) {
        double u1 = r.nextDouble(), u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** Asynchronous Hopfield dynamics (Hebbian couplings, no self-coupling) in random order until no unit changes. */
    static int[] hopfield(int[][] patterns, int[] s, SplittableRandom rnd) {
        int n = s.length;
        double[] h = new double[n];
        for (int[] p : patterns) {
            double m = 0;
            for (int j = 0; j < n; j++) m += p[j] * s[j];
            for (int i = 0; i < n; i++) h[i] += p[i] * m;
        }
        // h_i = Σ_μ ξ_i (ξ·s) includes the self term P·s_i; remove it.
        for (int i = 0; i < n; i++) h[i] -= patterns.length * s[i];
        for (int sweep = 0; sweep < 100; sweep++) {
            boolean changed = false;
            for (int k = 0; k < n; k++) {
                int i = k;
                int ns = h[i] >= 0 ? 1 : -1;
                if (ns != s[i]) {
                    int delta = ns - s[i];
                    for (int[] p : patterns) {
                        double c = p[i] * delta;
                        for (int j = 0; j < n; j++) if (j != i) h[j] += p[j] * c;
                    }
                    s[i] = ns;
                    changed = true;
                }
            }
            if (!changed) break;
        }
        return s;
    }

    private static double overlap(int[] a, int[] b) {
        double m = 0;
        for (int j = 0; j < a.length; j++) m += a[j] * b[j];
        return m / a.length;
    }
}
