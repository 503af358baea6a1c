/**
 * Sweeps and ensembles of ddmatch on Apache Spark: the same question asked of many systems, network sizes, seeds,
 * noise levels and trainer settings ({@code ddmatch.spark.sweep}), and long ensembles of independent network
 * trajectories for rare-event statistics ({@code ddmatch.spark.ensemble}). Spark only distributes work that the core
 * library already does on one machine; every number is computed by {@code ddmatch-core}, and results do not depend on
 * how the work is partitioned. Local mode needs no setup; on a cluster the same job runs under {@code spark-submit}.
 */
package ddmatch.spark;
