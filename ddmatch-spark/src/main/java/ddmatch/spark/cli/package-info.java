/**
 * The {@code ddmatch sweep} and {@code ddmatch ensemble} subcommands (picocli), which live in the Spark module so
 * that the core command stays small; the launcher script runs them with the Spark class path and JVM options.
 */
package ddmatch.spark.cli;
