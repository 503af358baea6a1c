/**
 * Parameter sweeps: a YAML spec gives a grid (systems × network sizes × seeds × system parameters × λ × trainer
 * options) and the analyses; each grid point is identified by a hash of its full configuration, trained, analysed and
 * written under its own directory on a Spark executor, and the results are gathered into one Parquet table whose
 * content does not depend on partitioning or on how often the sweep was interrupted and resumed.
 */
package ddmatch.spark.sweep;
