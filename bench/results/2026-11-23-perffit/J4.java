public class J4 { public static void main(String[] a) throws Exception {
  int n = Integer.parseInt(a[0]); java.util.SplittableRandom g = new java.util.SplittableRandom(1);
  double[] A = new double[n*n]; for (int i = 0; i < n; i++) for (int j = i; j < n; j++) { double v = g.nextGaussian(); A[i*n+j] = v; A[j*n+i] = v; }
  java.lang.reflect.Method red = ddmatch.fit.SymmetricTridiagonal.class.getDeclaredMethod("reduce", double[].class, int.class, int.class, boolean.class); red.setAccessible(true);
  long t0 = System.nanoTime(); red.invoke(null, A.clone(), n, 2, a[1].equals("native")); long t1 = System.nanoTime();
  System.out.printf("n=%d %s reduce %.2f s%n", n, a[1], (t1-t0)/1e9);
}}
