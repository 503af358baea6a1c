package ddmatch.spark;

import org.apache.spark.sql.SparkSession;

/** One local Spark session for all test classes of the JVM (start-up costs seconds), bound to the loopback address. */
public final class TestSpark {
    private static SparkSession session;

    private TestSpark() {}

    public static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder().appName("ddmatch-spark tests").master("local[2]")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.sql.debug.maxToStringFields", "10000")
                    .getOrCreate();
        }
        return session;
    }
}
