/**
 * Ensembles of independent trajectories of a trained network, distributed over Spark executors, for metastability
 * statistics (residence times per well, jump counts, transition matrix). Each trajectory's noise is seeded from the
 * ensemble seed and its index alone, and per-trajectory results are merged with exact integer arithmetic, so the
 * aggregate is bit-identical whatever the partitioning.
 */
package ddmatch.spark.ensemble;
