package ddmatch.scenario;

import ddmatch.solve.ProgressListener;
import java.util.ArrayList;
import java.util.List;

/** The reproducible scenarios of DESIGN §1.6 and issue 7, in the order {@code reproduce all} runs them. */
public enum Scenario {
    /** Chaotic flows vs network size: drift error, λmax, Kaplan–Yorke dimension, D_stsp and D_H against noise floors. */
    CHAOTIC("chaotic"),
    /** Rotating OU and noisy Stuart–Landau: entropy production and probability current vs rotation, vector-field splits. */
    OU_LIMIT_CYCLE("ou-limit-cycle"),
    /** Wells on a ring with a circulation: transitions, cyclic order, cycle affinity, EPR vs γ; the α-ablation. */
    EPISODIC("episodic"),
    /** Associative memory: recall from noisy cues, switching by input pulses, and a Hopfield network on the same patterns. */
    MEMORY("memory"),
    /** Latent-coupling asymmetry, ‖J_irr‖/‖J_rev‖, connectivity vs its null and ablations, for every scenario's targets. */
    DECOMPOSITION("decomposition");

    private final String id;

    Scenario(String id) {
        this.id = id;
    }

    /** The command-line name. */
    public String id() {
        return id;
    }

    /** Runs the scenario. */
    public ScenarioResult run(Plan plan, ProgressListener progress) {
        return switch (this) {
            case CHAOTIC -> Chaotic.run(plan, progress);
            case OU_LIMIT_CYCLE -> Rotation.run(plan, progress);
            case EPISODIC -> Episodic.run(plan, progress);
            case MEMORY -> Memory.run(plan, progress);
            case DECOMPOSITION -> Decomposition.run(plan, progress);
        };
    }

    /** The scenario with command-line name {@code id}. */
    public static Scenario byId(String id) {
        List<String> ids = new ArrayList<>();
        for (Scenario s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
            ids.add(s.id);
        }
        throw new IllegalArgumentException("unknown scenario '" + id + "'; known scenarios: " + String.join(", ", ids) + ", or all");
    }
}
