package ddmatch.scenario;

import ddmatch.solve.ProgressListener;
import java.util.List;
import java.util.Map;

public class QuickClaims {
    @SuppressWarnings("unchecked")
    public static void main(String[] a) {
        for (long seed = Long.parseLong(a[0]); seed <= Long.parseLong(a[1]); seed++) {
            ScenarioResult r = Scenario.CHAOTIC.run(new Plan(seed, true, a.length > 2 ? List.of(a[2]) : List.of(), List.of()), ProgressListener.NONE);
            StringBuilder sb = new StringBuilder("seed " + seed);
            for (String sys : (a.length > 2 ? List.of(a[2]) : List.of("lorenz", "rossler", "thomas"))) {
                Map<String, Object> m = (Map<String, Object>) r.numbers().get(sys);
                List<Map<String, Object>> sizes = (List<Map<String, Object>>) m.get("sizes");
                sb.append(String.format(" | %s target %.4f net %.4f KYt %.3f KYn %.3f", sys, (double) m.get("lambdaMaxTarget"),
                        (double) sizes.get(1).get("lambdaMaxNetwork"), (double) m.get("kaplanYorkeTarget"),
                        (double) sizes.get(1).get("kaplanYorkeOnManifold")));
            }
            long fails = r.claims().stream().filter(c -> !c.holds()).count();
            sb.append(" | claims failing: ").append(fails);
            r.claims().stream().filter(c -> !c.holds()).forEach(c -> sb.append(" [").append(c.statement()).append(" = ").append(c.value()).append("]"));
            System.out.println(sb);
        }
    }
}
