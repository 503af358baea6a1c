/**
 * The paper's scenarios, reproducible: each {@link ddmatch.scenario.Scenario} trains networks on a family of targets
 * (chaotic flows, a rotating Ornstein–Uhlenbeck process and a noisy limit cycle, wells on a ring driven round by a
 * circulation, wells switched by input pulses, with a Hopfield network for comparison), simulates the full networks next to their targets and independent target runs (noise floors), takes
 * the networks apart (latent coupling, reversible/irreversible connectivity, α-ablation) and returns every number, table
 * and plot's data as a {@link ddmatch.scenario.ScenarioResult}: plain data that the command line writes to
 * {@code results.json} and the report package draws, so a report can be regenerated from the numbers alone. A
 * {@link ddmatch.scenario.Plan} fixes the seed and the sizes ({@code quick}: small networks and short runs for CI).
 */
package ddmatch.scenario;
