package ddmatch.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IndependentTasksTest {
    @AfterEach
    void restore() {
        Parallelism.setThreads(0);
    }

    /** Σ_{k=1}^{n} k² computed slowly, so that tasks overlap in time. */
    private static long sumOfSquares(int n) {
        long s = 0;
        for (int k = 1; k <= n; k++) s += (long) k * k;
        return s;
    }

    @Test
    void resultsComeBackInTheOrderGivenAndEqualTheClosedForm() {
        Parallelism.setThreads(2);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<Callable<Long>> tasks = new ArrayList<>();
        // Decreasing sizes: the first task finishes last, so completion order differs from list order.
        for (int i = 0; i < 12; i++) {
            int n = 1_000_000 - 50_000 * i;
            tasks.add(() -> {
                threads.add(Thread.currentThread().getName());
                return sumOfSquares(n);
            });
        }
        List<Long> out = IndependentTasks.run(tasks);
        for (int i = 0; i < 12; i++) {
            long n = 1_000_000 - 50_000 * i;
            assertThat(out.get(i)).isEqualTo(n * (n + 1) * (2 * n + 1) / 6);
        }
        assertThat(threads).isNotEmpty();
    }

    @Test
    void nestedCallsShareThePoolAndFinish() {
        Parallelism.setThreads(2);
        List<Callable<List<Long>>> outer = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int base = 1000 * (i + 1);
            outer.add(() -> {
                List<Callable<Long>> inner = new ArrayList<>();
                for (int j = 0; j < 4; j++) {
                    int n = base + j;
                    inner.add(() -> sumOfSquares(n));
                }
                return IndependentTasks.run(inner);
            });
        }
        List<List<Long>> out = IndependentTasks.run(outer);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                long n = 1000L * (i + 1) + j;
                assertThat(out.get(i).get(j)).isEqualTo(n * (n + 1) * (2 * n + 1) / 6);
            }
        }
    }

    @Test
    void aFailingTaskSurfacesItsException() {
        Parallelism.setThreads(2);
        List<Callable<Integer>> tasks = List.of(() -> 1, () -> {
            throw new IllegalArgumentException("task two failed");
        }, () -> 3);
        assertThatThrownBy(() -> IndependentTasks.run(tasks)).hasMessageContaining("task two failed");
    }

    @Test
    void oneThreadRunsInTheCallersThread() {
        Parallelism.setThreads(1);
        String caller = Thread.currentThread().getName();
        List<Callable<String>> tasks = List.of(() -> Thread.currentThread().getName(), () -> Thread.currentThread().getName());
        assertThat(IndependentTasks.run(tasks)).containsExactly(caller, caller);
    }
}
