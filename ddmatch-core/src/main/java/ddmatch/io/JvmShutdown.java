package ddmatch.io;

/**
 * Whether the JVM is shutting down (Ctrl-C, SIGTERM, System.exit): work stopped then is cancelled, not failed (the
 * command line and the Spark sweeps ask).
 */
public final class JvmShutdown {
    private JvmShutdown() {}

    /** True once the JVM has begun to shut down (a shutdown hook can no longer be added then). */
    public static boolean inProgress() {
        try {
            Thread probe = new Thread(() -> { });
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
