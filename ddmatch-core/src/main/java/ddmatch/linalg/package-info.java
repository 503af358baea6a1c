/**
 * Dense linear-algebra kernels below the network and the fit: the product of row-major {@code double[]} matrices and
 * the Gram product {@code ΦᵀΦ}, each with a register-blocked pure-Java implementation and, when the system's BLAS and
 * LAPACK can be loaded at run time (dev.ludovic.netlib's JNI bridge, used single-threaded), the native
 * {@code dgemm}, {@code dsyrk} and {@code dsytrd}, and, when the JVM has the incubator module
 * {@code jdk.incubator.vector}, Vector API kernels ({@code VectorApi} decides once per JVM whether they are used, for
 * this package and for the network kernels of {@code rnn}); the package depends on nothing else in ddmatch, so the
 * integration engine ({@code solve}: the per-step divergence check's sum of squares), the simulation ({@code rnn})
 * and the training ({@code fit}) share one choice of backend per JVM.
 */
package ddmatch.linalg;
