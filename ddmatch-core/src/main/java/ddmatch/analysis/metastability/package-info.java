/**
 * Which metastable states a trajectory visits, how long it stays and in what order it moves between them: core-set
 * (milestoning) state assignment with hysteresis from given or k-means centres
 * ({@link ddmatch.analysis.metastability.CoreSets}), residence-time distributions, transition counts and matrices,
 * the cyclic-order fraction and cycle affinity of a ring of states ({@link ddmatch.analysis.metastability.Transitions}),
 * and Kramers' escape rate and the exact mean first-passage time of one-dimensional gradient diffusions
 * ({@link ddmatch.analysis.metastability.Kramers}), the references against which a network's switching is judged.
 */
package ddmatch.analysis.metastability;
