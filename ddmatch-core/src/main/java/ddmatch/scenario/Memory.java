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
 * Scenario 3 without inputs, associative recall: K = 4 wells on a ring (reversible, γ = 0) are the memories. A cue is a
 * well's position plus Gaussian noise of standard deviation s (target units); the noiseless network and the noiseless
 * target are run from it for 10 time units, and the cue counts as recalled when the run ends in the cue's own well
 * (within 0.5). For comparison a Hopfield network of the same N binary units (Hebbian couplings; J. J. Hopfield, PNAS
 * 79, 2554 (1982)) stores the sign patterns {@code sign(U z̃_k)} of the wells and is cued with a fraction p of flipped
 * bits; its capacity is measured by storing P = αN random patterns and counting those retrieved (overlap &gt; 0.95
 * after asynchronous updates from the pattern itself), with the known limit α_c ≈ 0.138 (D. J. Amit, H. Gutfreund and
 * H. Sompolinsky, Phys. Rev. Lett. 55, 1530 (1985)). Input-driven switching between memories by pulses needs network
 * inputs and is not part of this scenario.
 */
final class Memory {
    static final int WELLS = 4;
    static final double[] CUE_NOISE = {0.1, 0.3, 0.5, 0.7, 0.9, 1.2};
    static final double[] FLIPS = {0.0, 0.1, 0.2, 0.3, 0.4, 0.45};
    static final double[] LOADS = {0.02, 0.05, 0.1, 0.138, 0.2, 0.3};

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
        for (int i = 0; i < LOADS.length; i++) {
            int p = Math.max(1, (int) Math.round(LOADS[i] * n));
            int[][] random = new int[p][n];
            for (int[] row : random) for (int j = 0; j < n; j++) row[j] = rnd.nextBoolean() ? 1 : -1;
            int ok = 0;
            for (int k = 0; k < p; k++) ok += overlap(hopfield(random, random[k].clone(), rnd), random[k]) > 0.95 ? 1 : 0;
            capacity[i] = (double) ok / p;
        }
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("setup", Map.of("wells", WELLS, "neurons", n, "cuesPerLevel", cues, "recallTime", 10.0));
        numbers.put("cueNoise", CUE_NOISE);
        numbers.put("recallNetwork", recNet);
        numbers.put("recallTarget", recTarget);
        numbers.put("hopfieldFlipFraction", FLIPS);
        numbers.put("hopfieldRecall", hopRecall);
        numbers.put("hopfieldLoad", LOADS);
        numbers.put("hopfieldRetrieved", capacity);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < CUE_NOISE.length; i++) {
            rows.add(List.of(Runs.fmt(CUE_NOISE[i]), Runs.fmt(recTarget[i]), Runs.fmt(recNet[i])));
        }
        List<List<String>> hrows = new ArrayList<>();
        for (int i = 0; i < FLIPS.length; i++) hrows.add(List.of(Runs.fmt(FLIPS[i]), Runs.fmt(hopRecall[i])));
        List<List<String>> crows = new ArrayList<>();
        for (int i = 0; i < LOADS.length; i++) crows.add(List.of(Runs.fmt(LOADS[i]), Runs.fmt(capacity[i])));
        double agree = 0;
        for (int i = 0; i < CUE_NOISE.length; i++) agree = Math.max(agree, Math.abs(recNet[i] - recTarget[i]));
        List<Claim> claims = List.of(
                Claim.atMost("largest |recall(network) − recall(target)| over cue noise", agree, plan.quick() ? 0.15 : 0.08,
                        "the target's own basins of attraction"),
                Claim.atLeast("network recall at cue noise 0.1", recNet[0], 0.95, "cues inside the basin"),
                Claim.atLeast("Hopfield: retrieved fraction at load 0.05", capacity[1], 0.9, "below α_c ≈ 0.138 (Amit et al. 1985)"),
                Claim.atMost("Hopfield: retrieved fraction at load 0.3", capacity[LOADS.length - 1], 0.5, "above α_c ≈ 0.138"));
        List<Plot> plots = List.of(
                new Plot("memory-recall", "Recall from noisy cues: network vs target basins (K = 4 wells)", "cue noise s (target units)",
                        "fraction recalled", false, List.of(Plot.Series.lineMarkers("target", CUE_NOISE, recTarget),
                        Plot.Series.lineMarkers("network N = " + n, CUE_NOISE, recNet))),
                new Plot("memory-hopfield", "Hopfield network, same N, storing the wells' sign patterns", "fraction of flipped bits in the cue",
                        "fraction recalled", false, List.of(Plot.Series.lineMarkers("Hopfield", FLIPS, hopRecall))),
                new Plot("memory-capacity", "Hopfield capacity: random patterns retrieved vs load P/N", "load P/N", "fraction retrieved",
                        false, List.of(Plot.Series.lineMarkers("Hopfield N = " + n, LOADS, capacity))));
        List<Table> tables = List.of(
                new Table("Recall from noisy cues (" + cues + " cues per level, noiseless runs of 10 time units)",
                        List.of("cue noise", "recall target", "recall network"), rows),
                new Table("Hopfield recall from cues with flipped bits", List.of("flipped fraction", "recall"), hrows),
                new Table("Hopfield capacity (random patterns)", List.of("load P/N", "retrieved"), crows));
        return new ScenarioResult("memory", "Associative memory without inputs: recall from noisy cues",
                "Four wells of a reversible potential are four memories: the network recalls a memory from a noisy cue exactly when the "
                        + "target's flow would, its basins are the target's. A Hopfield network of the same size stores the same patterns "
                        + "with Hebbian couplings; its capacity is bounded by ≈ 0.138 N random patterns, while the matched network stores "
                        + "whatever wells its target has, in a d-dimensional manifold.",
                numbers, tables, plots, claims,
                List.of("Not done: input-driven switching between memories by pulses (needs network inputs B u(t), being added "
                        + "separately); the Hopfield comparison is of recall and capacity only."),
                Runs.seconds(start));
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
