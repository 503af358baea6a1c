import java.net.*; import java.nio.file.*; import java.util.*;
public class ABProbe {
    public static void main(String[] a) throws Exception {
        String[] builds = {a[0], a[1]}; int n = Integer.parseInt(a[2]); double noise = Double.parseDouble(a[3]); String what = a[4];
        int rounds = Integer.parseInt(a[5]); int steps = Integer.parseInt(a[6]);
        Object[] drivers = new Object[2]; java.lang.reflect.Method[] tm = new java.lang.reflect.Method[2];
        for (int b = 0; b < 2; b++) {
            List<URL> urls = new ArrayList<>();
            urls.add(Path.of("/tmp/abp/drv").toUri().toURL());
            urls.add(Path.of(builds[b], "classes").toUri().toURL());
            for (String p : Files.readString(Path.of(builds[b], "bench-classpath.txt")).trim().split(":")) urls.add(Path.of(p).toUri().toURL());
            ClassLoader cl = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
            Class<?> c = cl.loadClass("Driver");
            drivers[b] = c.getConstructor(int.class, double.class).newInstance(n, noise);
            tm[b] = c.getMethod("time", String.class, int.class);
        }
        double[][] t = new double[2][rounds];
        for (int r = 0; r < rounds; r++) for (int b0 = 0; b0 < 2; b0++) {
            int b = (r % 2 == 0) ? b0 : 1 - b0;   // alternate who goes first
            t[b][r] = (double) tm[b].invoke(drivers[b], what, steps);
        }
        for (int b = 0; b < 2; b++) { double[] s = t[b].clone(); Arrays.sort(s);
            System.out.printf("%-6s %s N=%d noise=%s: median %.1f ns/step (min %.1f, max %.1f) over rounds %d..%d%n", b == 0 ? "before" : "after", what, n, noise, s[s.length/2], s[0], s[s.length-1], 0, rounds-1); }
        double[] ratio = new double[rounds]; for (int r = 0; r < rounds; r++) ratio[r] = t[0][r] / t[1][r];
        double[] rs = ratio.clone(); Arrays.sort(rs);
        System.out.printf("ratio before/after per round: median %.3f (min %.3f, max %.3f); last rounds %s%n", rs[rounds/2], rs[0], rs[rounds-1],
            Arrays.toString(Arrays.copyOfRange(ratio, Math.max(0, rounds - 6), rounds)).replaceAll("(\\d\\.\\d{3})\\d*", "$1"));
    }
}
