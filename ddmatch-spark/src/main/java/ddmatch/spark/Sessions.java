package ddmatch.spark;

import java.util.ServiceLoader;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.scheduler.ExternalClusterManager;
import org.apache.spark.sql.SparkSession;

/** Spark sessions as ddmatch uses them: local mode bound to the loopback address, or whatever spark-submit set up. */
public final class Sessions {
    private Sessions() {}

    /** A Spark session that could not be started (exit code 1: the input was valid, the start failed). */
    public static final class StartFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StartFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    // The master URL forms SparkContext itself parses (org.apache.spark.SparkMasterRegex, Spark 4.1); anything else
    // must be accepted by a cluster manager on the class path (yarn, k8s://…), as SparkContext.getClusterManager asks.
    private static final Pattern LOCAL = Pattern.compile("local(\\[([1-9][0-9]*|\\*)(\\s*,\\s*[0-9]+)?\\])?");
    private static final Pattern LOCAL_CLUSTER = Pattern.compile("local-cluster\\[\\s*[0-9]+\\s*,\\s*[0-9]+\\s*,\\s*[0-9]+\\s*]");
    private static final String HOST_PORT = "([^\\s:/,@?#\\[\\]]+|\\[[0-9A-Fa-f:.]+\\]):([1-9][0-9]{0,4})";
    private static final Pattern STANDALONE = Pattern.compile("spark://" + HOST_PORT + "(," + HOST_PORT + ")*");
    private static final Pattern K8S = Pattern.compile("k8s://\\S+");

    /** What {@link #checkMaster} accepts, for messages. */
    public static final String MASTER_FORMS = "allowed are local, local[N], local[*] (N ≥ 1 threads; local[N,F] with F "
            + "task retries), spark://HOST:PORT[,HOST:PORT…] (a standalone cluster), yarn and k8s://https://HOST:PORT "
            + "(with their cluster manager, as under spark-submit)";

    /**
     * Checks a master URL before Spark is started, so that a typo is one line and exit code 2, not a failed
     * SparkContext.
     *
     * @param option the option that gave it, for the message (e.g. {@code --master})
     * @throws IllegalArgumentException naming the option, the value and the accepted forms
     */
    public static void checkMaster(String option, String master) {
        if (master == null) return;
        if (LOCAL.matcher(master).matches() || LOCAL_CLUSTER.matcher(master).matches()) return;
        if (master.startsWith("spark://")) {
            if (STANDALONE.matcher(master).matches() && ports(master)) return;
            throw new IllegalArgumentException(option + " = " + master + " is not allowed; a standalone master is "
                    + "spark://HOST:PORT (port 1–65535), or several separated by commas: spark://HOST1:PORT1,HOST2:PORT2");
        }
        if (master.startsWith("k8s") && !K8S.matcher(master).matches()) {
            throw new IllegalArgumentException(option + " = " + master + " is not allowed; a Kubernetes master is "
                    + "k8s://https://HOST:PORT");
        }
        if (master.equals("yarn") || master.startsWith("k8s://")) {
            if (hasClusterManager(master)) return;
            throw new IllegalArgumentException(option + " = " + master + " is not allowed here: this Spark has no cluster "
                    + "manager for it on its class path; submit the job with spark-submit on such a cluster (README, "
                    + "'On a cluster')");
        }
        if (hasClusterManager(master)) return;
        throw new IllegalArgumentException(option + " = " + master + " is not allowed; " + MASTER_FORMS);
    }

    private static boolean ports(String master) {
        for (String hostPort : master.substring("spark://".length()).split(",")) {
            int port = Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
            if (port > 65535) return false;
        }
        return true;
    }

    /** Whether a cluster manager on the class path takes the URL (what SparkContext does for forms it does not know). */
    private static boolean hasClusterManager(String master) {
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader == null) loader = Sessions.class.getClassLoader();
            for (ExternalClusterManager m : ServiceLoader.load(ExternalClusterManager.class, loader)) {
                if (m.canCreate(master)) return true;
            }
        } catch (java.util.ServiceConfigurationError | LinkageError e) {
            return false;
        }
        return false;
    }

    /**
     * The session for a command.
     *
     * @param master a Spark master URL ({@code local[*]}, {@code local[2]}, {@code spark://host:7077}, …), or null to
     *               take {@code spark.master} from spark-submit and fall back to {@code local[*]}
     * @param app    application name shown by the cluster manager
     * @throws StartFailure if Spark does not start (its log's stack trace is kept off the terminal; the message says why)
     */
    public static SparkSession open(String master, String app) {
        String m = master != null ? master : System.getProperty("spark.master", "local[*]");
        SparkSession.Builder b = SparkSession.builder().appName(app).master(m)
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                // Wide sweep tables (one column per metric) would otherwise log a truncation warning.
                .config("spark.sql.debug.maxToStringFields", "10000");
        if (m.startsWith("local")) {
            // Local mode talks to itself only: no listening socket beyond the loopback interface.
            b = b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        SparkSession.Builder builder = b;
        try {
            // A SparkContext that fails to start logs the exception with its stack trace at ERROR ("Error initializing
            // SparkContext"); the exception itself becomes this command's one-line message instead.
            return quietly("org.apache.spark.SparkContext", builder::getOrCreate);
        } catch (RuntimeException e) {
            throw new StartFailure("Spark did not start with master " + m + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code body} with the named logger switched off (if the logging back end is log4j 2, as Spark's is). */
    private static <T> T quietly(String logger, Supplier<T> body) {
        Level before;
        try {
            before = LogManager.getLogger(logger).getLevel();
            Configurator.setLevel(logger, Level.OFF);
        } catch (LinkageError | RuntimeException e) {
            return body.get();   // another logging back end: leave it as configured
        }
        try {
            return body.get();
        } finally {
            Configurator.setLevel(logger, before);
        }
    }

    /** Switches Spark's (and Hadoop's) log off: once the JVM is shutting down on Ctrl-C, its errors are only noise. */
    public static void silence() {
        try {
            Configurator.setRootLevel(Level.OFF);
            Configurator.setLevel("org.apache", Level.OFF);
        } catch (LinkageError | RuntimeException e) {
            // another logging back end: nothing to do
        }
    }
}
