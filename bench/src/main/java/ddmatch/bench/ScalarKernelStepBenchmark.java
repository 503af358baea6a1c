package ddmatch.bench;

import org.openjdk.jmh.annotations.Fork;

/**
 * {@link NetworkStepBenchmark} with the scalar kernels forced ({@code -Dddmatch.kernel=scalar}): the in-run
 * "without the Vector API" figure next to the default (vector) one.
 */
@Fork(value = 1, jvmArgsAppend = "-Dddmatch.kernel=scalar")
public class ScalarKernelStepBenchmark extends NetworkStepBenchmark {
}
