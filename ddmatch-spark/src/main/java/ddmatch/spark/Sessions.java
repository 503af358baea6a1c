package ddmatch.spark;

import org.apache.spark.sql.SparkSession;

/** Spark sessions as ddmatch uses them: local mode bound to the loopback address, or whatever spark-submit set up. */
public final class Sessions {
    private Sessions() {}

    /**
     * The session for a command.
     *
     * @param master a Spark master URL ({@code local[*]}, {@code local[2]}, {@code spark://host:7077}, …), or null to
     *               take {@code spark.master} from spark-submit and fall back to {@code local[*]}
     * @param app    application name shown by the cluster manager
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
        return b.getOrCreate();
    }
}
