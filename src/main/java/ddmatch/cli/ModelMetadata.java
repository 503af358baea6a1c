package ddmatch.cli;

import ddmatch.fit.TrainingResult;
import java.util.LinkedHashMap;
import java.util.Map;

/** The training facts stored with a model, so that a model file says how it was made. */
final class ModelMetadata {
    private ModelMetadata() {}

    static Map<String, Object> training(TrainingResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", r.config().seed());
        m.put("lambda", r.ridge().lambda());
        m.put("lambdaScale", r.ridge().lambdaScale());
        m.put("lambdaSelection", Double.isNaN(r.config().lambda()) ? "gcv" : "given");
        m.put("gcv", r.ridge().gcv());
        m.put("effectiveDof", r.ridge().effectiveDof());
        m.put("form", r.ridge().form().name().toLowerCase());
        m.put("factorization", r.ridge().factorization());
        m.put("trainingError", r.trainingError());
        m.put("samples", r.samples());
        m.put("tonicStd", r.config().tonicStd());
        m.put("jitter", r.config().sampling().jitter());
        m.put("sampleInterval", r.config().sampling().interval());
        m.put("transient", r.config().sampling().transientTime());
        m.put("boxFraction", r.config().sampling().boxFraction());
        return m;
    }
}
