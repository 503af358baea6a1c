package ddmatch.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The exit-time guard around native calls: waits for calls in progress, refuses new ones, gives up at its timeout. */
class NativeCallGuardTest {
    @Test
    void shutdownWaitsForTheCallInProgressThenRefusesNewCalls() throws Exception {
        NativeCallGuard guard = new NativeCallGuard();
        guard.enter();
        guard.enter();
        guard.exit();
        assertThat(guard.active()).isEqualTo(1);
        CompletableFuture<Boolean> shutdown = CompletableFuture.supplyAsync(() -> guard.awaitIdle(30, TimeUnit.SECONDS));
        Thread.sleep(200);
        assertThat(shutdown).as("still waiting for the call in progress").isNotDone();
        guard.exit();
        assertThat(shutdown.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(guard.active()).isZero();
        assertThatThrownBy(guard::enter).isInstanceOf(CancellationException.class).hasMessageContaining("shutting down");
    }

    @Test
    void shutdownGivesUpAtItsTimeout() {
        NativeCallGuard guard = new NativeCallGuard();
        guard.enter();
        long start = System.nanoTime();
        assertThat(guard.awaitIdle(100, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
        assertThat(new NativeCallGuard().awaitIdle(0, TimeUnit.SECONDS)).as("idle: returns at once").isTrue();
    }
}
