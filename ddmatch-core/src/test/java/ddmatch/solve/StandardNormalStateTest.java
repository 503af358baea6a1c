package ddmatch.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The explicit SplitMix64 stream: same numbers as before the rewrite, and resumable from its state. */
class StandardNormalStateTest {
    /** Independent computation: the polar method on {@link SplittableRandom}, the generator used before. */
    private static double[] polarOnSplittableRandom(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i += 2) {
            double u, v, s;
            do {
                u = 2.0 * r.nextDouble() - 1.0;
                v = 2.0 * r.nextDouble() - 1.0;
                s = u * u + v * v;
            } while (s >= 1.0 || s == 0.0);
            double f = Math.sqrt(-2.0 * Math.log(s) / s);
            out[i] = u * f;
            if (i + 1 < n) out[i + 1] = v * f;
        }
        return out;
    }

    @Test
    void reproducesTheSplittableRandomSequenceBitForBit() {
        for (long seed : new long[] {1, -7, 0x123456789L}) {
            double[] mine = new double[10_001];
            new StandardNormal(seed).fill(mine, 0, mine.length);
            assertArrayEquals(polarOnSplittableRandom(seed, mine.length), mine, 0.0, "seed " + seed);
        }
    }

    @Test
    void restoredIncrementsContinueExactly() {
        GaussianIncrements full = new GaussianIncrements(3, 42);
        GaussianIncrements part = new GaussianIncrements(3, 42);
        double[] a = new double[3];
        double[] b = new double[3];
        StandardNormal.State mid = null;
        for (int k = 0; k < 1001; k++) {
            full.increment(0, 0.01, a);
            if (k < 499) {
                part.increment(0, 0.01, b);
            }
            if (k == 498) {
                mid = part.state(); // odd count of normals drawn: the spare is pending
                assertEquals(true, mid.hasSpare());
            }
        }
        GaussianIncrements resumed = new GaussianIncrements(3, 42);
        resumed.restore(mid);
        for (int k = 499; k < 1001; k++) {
            resumed.increment(0, 0.01, b);
        }
        assertArrayEquals(a, b, 0.0);
    }
}
