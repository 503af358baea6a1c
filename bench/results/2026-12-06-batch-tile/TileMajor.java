/**
 * Stand-alone probe (2026-12-06, session 12): the batch step's two sweeps (read-in, then update; the library's
 * operations, from InterleaveProbe) run step-major (every tile one step, then the next step: what eulerStepBatch
 * called once per step does) against tile-major (each tile advanced by all its steps before the next tile, so its
 * states stay in L1). Same bits; times alternate.
 *   java --add-modules jdk.incubator.vector -cp out TileMajor [B] [rounds]
 */
public class TileMajor {
    public static void main(String[] args) {
        int n = Integer.getInteger("n", 1000);
        int batch = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        int steps = 100, ops = Integer.getInteger("ops", 30);
        double h = 0.01;
        InterleaveProbe k = new InterleaveProbe(n, 20240601L);
        double[] x0 = new double[batch * n];
        java.util.SplittableRandom r = new java.util.SplittableRandom(99);
        for (int i = 0; i < x0.length; i++) x0[i] = 2 * InterleaveProbe.gauss(r);
        double[] cs = new double[3 * batch];
        double[] s = new double[InterleaveProbe.L + 64];
        int[] tiles = {2, 4};
        double[] ref = x0.clone();
        run(k, ref, batch, h, cs, s, steps, 4, false);
        for (int t : tiles) for (boolean tm : new boolean[] {false, true}) {
            double[] x = x0.clone();
            run(k, x, batch, h, cs, s, steps, t, tm);
            System.out.println("T = " + t + (tm ? " tile-major" : " step-major") + ": same bits " + java.util.Arrays.equals(x, ref));
        }
        for (int w = 0; w < 2; w++) for (int t : tiles) for (boolean tm : new boolean[] {false, true}) {
            double[] x = x0.clone();
            for (int o = 0; o < ops; o++) run(k, x, batch, h, cs, s, steps, t, tm);
        }
        System.out.printf("N = %d, B = %d, %s %s; µs per step of B states (ns per neuron-step)%n", n, batch,
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        for (int round = 0; round < rounds; round++) {
            StringBuilder line = new StringBuilder("round " + round + ":");
            for (int t : tiles) for (boolean tm : new boolean[] {false, true}) {
                double[] x = x0.clone();
                long t0 = System.nanoTime();
                for (int o = 0; o < ops; o++) run(k, x, batch, h, cs, s, steps, t, tm);
                double us = (System.nanoTime() - t0) / 1e3 / ops / steps;
                line.append(String.format("  T=%d %s: %.2f (%.3f)", t, tm ? "tile" : "step", us, us * 1e3 / ((double) batch * n)));
            }
            System.out.println(line);
        }
    }

    static void run(InterleaveProbe k, double[] xs, int batch, double h, double[] cs, double[] s, int steps, int tile, boolean tileMajor) {
        int n = k.n, L = InterleaveProbe.L;
        if (tileMajor) {
            for (int beta = 0; beta + tile <= batch; beta += tile) {
                for (int i = 0; i < steps; i++) {
                    if (tile == 2) { k.readIn2(xs, beta * n, s, L); k.update2(xs, beta, h, cs, s, L); }
                    else { k.readIn4(xs, beta * n, s, L); k.update4(xs, beta, h, cs, s, L); }
                }
            }
        } else {
            for (int i = 0; i < steps; i++) {
                for (int beta = 0; beta + tile <= batch; beta += tile) {
                    if (tile == 2) { k.readIn2(xs, beta * n, s, L); k.update2(xs, beta, h, cs, s, L); }
                    else { k.readIn4(xs, beta * n, s, L); k.update4(xs, beta, h, cs, s, L); }
                }
            }
        }
    }
}
