public class Rel {
    public static void main(String[] a) {
        double worst = 0, wx = 0, worstAbs = 0;
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < 20_000_000; i++) {
            double x = Math.exp(-690 * r.nextDouble()) * 0.35;
            double e = Math.abs(TableProbe.tableTanh(x) - Math.tanh(x)) / Math.tanh(x);
            if (e > worst) { worst = e; wx = x; }
        }
        for (int i = 0; i < 20_000_000; i++) {
            double x = -25 + 50 * r.nextDouble();
            worstAbs = Math.max(worstAbs, Math.abs(TableProbe.tableTanh(x) - Math.tanh(x)));
        }
        System.out.println("table: max rel " + worst + " at " + wx + "; max abs (random) " + worstAbs);
        worst = 0;
        for (int i = 0; i < 20_000_000; i++) {
            double x = Math.exp(-690 * r.nextDouble()) * 0.35;
            double e = Math.abs(TableProbe.scalarTanh(x) - Math.tanh(x)) / Math.tanh(x);
            if (e > worst) { worst = e; wx = x; }
        }
        System.out.println("lib:   max rel " + worst + " at " + wx);
    }
}
