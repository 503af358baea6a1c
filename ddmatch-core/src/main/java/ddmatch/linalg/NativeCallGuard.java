package ddmatch.linalg;

import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the JVM from finishing its exit while a thread is inside a native BLAS/LAPACK call.
 *
 * <p>Why: on Ctrl-C (SIGINT) or SIGTERM the JVM runs its shutdown hooks and then calls the C library's
 * {@code exit}, which runs the native libraries' destructors while other threads go on running. OpenBLAS's
 * destructor frees the buffers its kernels are using, so a thread still inside {@code dgemm} then crashes the process
 * (SIGSEGV in {@code dgemm_itcopy}, a {@code hs_err_pid*.log} file in the working directory and exit status 134
 * instead of 130; seen when {@code train lorenz --neurons 3000} was interrupted during the fit). The shutdown hook
 * {@link #awaitIdle} therefore refuses new native calls and waits until the ones in progress have returned.
 *
 * <p>Protocol: every native call is bracketed by {@link #enter()} and {@link #exit()}; once {@link #awaitIdle} has
 * begun, {@code enter} throws {@link CancellationException}, so the interrupted computation unwinds instead of
 * starting another call.
 */
final class NativeCallGuard {
    private int active;
    private boolean closing;

    /** Marks the start of a native call. @throws CancellationException once the JVM is shutting down */
    synchronized void enter() {
        if (closing) {
            throw new CancellationException("interrupted: the JVM is shutting down, no further native BLAS call is started");
        }
        active++;
    }

    /** Marks the end of a native call. */
    synchronized void exit() {
        active--;
        if (active == 0) notifyAll();
    }

    /** Native calls in progress. */
    synchronized int active() {
        return active;
    }

    /**
     * Refuses new calls and waits until none is in progress, at most {@code timeout}.
     *
     * @return true if no call is in progress on return
     */
    synchronized boolean awaitIdle(long timeout, TimeUnit unit) {
        closing = true;
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (active > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return false;
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return active == 0;
            }
        }
        return true;
    }
}
