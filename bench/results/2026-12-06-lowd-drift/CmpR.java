import java.net.*; import java.nio.file.*;
public class CmpR {
    public static void main(String[] a) throws Exception {
        long[][] res = new long[2][];
        for (int b = 0; b < 2; b++) {
            URL[] urls = {Path.of("/tmp/bc/drv2").toUri().toURL(), Path.of(a[b]).toUri().toURL()};
            ClassLoader cl = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
            res[b] = (long[]) cl.loadClass("ReadoutOut").getMethod("run").invoke(null);
        }
        int diff = 0; for (int i = 0; i < res[0].length; i++) if (res[0][i] != res[1][i]) diff++;
        System.out.println(res[0].length + " readout values compared, " + diff + " differ in any bit");
    }
}
