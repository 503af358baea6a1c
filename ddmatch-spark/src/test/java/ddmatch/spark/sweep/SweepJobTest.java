package ddmatch.spark.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import ddmatch.check.ModelAnalysis;
import ddmatch.fit.DriftMatcher;
import ddmatch.fit.TrainingResult;
import ddmatch.sde.Sde;
import ddmatch.sde.SystemCatalog;
import ddmatch.solve.ProgressListener;
import ddmatch.spark.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The CI sweep (3 systems × 3 sizes × 2 seeds) on local Spark: partition independence, idempotence, resumption. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SweepJobTest {
    static final String SPEC = """
            systems: [double-well, ou, stuart-landau]
            neurons: [30, 45, 60]
            seeds: [1, 2]
            train:
              samples: 400
            analysis:
              time: 5
              metrics: [drift, diffusion]
            """;

    @TempDir
    static Path tmp;
    static SweepSpec spec;
    static SparkSession spark;

    @BeforeAll
    static void setUp() {
        spec = SweepSpec.parse(SPEC, "ci.yaml");
        spark = TestSpark.session();
    }

    static List<Row> table(Path dir) {
        return spark.read().parquet(dir.resolve(SweepJob.TABLE).toUri().toString()).collectAsList();
    }

    static List<String> columns(Path dir) {
        return List.of(spark.read().parquet(dir.resolve(SweepJob.TABLE).toUri().toString()).columns());
    }

    @Test
    @Order(1)
    void twoAndEightPartitionsGiveTheSameTable() throws Exception {
        SweepJob.Summary a = SweepJob.run(spark, spec, tmp.resolve("a"), 2, List.of("test"), s -> { });
        SweepJob.Summary b = SweepJob.run(spark, spec, tmp.resolve("b"), 8, List.of("test"), s -> { });
        assertThat(a.points()).isEqualTo(18);
        assertThat(a.computed()).isEqualTo(18);
        assertThat(a.failed()).isZero();
        assertThat(b.computed()).isEqualTo(18);
        List<Row> ta = table(tmp.resolve("a"));
        List<Row> tb = table(tmp.resolve("b"));
        assertThat(ta).hasSize(18);
        assertThat(columns(tmp.resolve("a"))).isEqualTo(columns(tmp.resolve("b")))
                .contains("point_id", "system", "neurons", "seed", "drift_mean", "drift_p95", "fit_lambda");
        // Every cell, compared as Java values (doubles by their bits through Row.equals).
        assertThat(tb).isEqualTo(ta);
        // Rows are ordered by point id.
        for (int i = 1; i < ta.size(); i++) {
            assertThat(ta.get(i).getString(0)).isGreaterThan(ta.get(i - 1).getString(0));
        }
    }

    @Test
    @Order(2)
    void aRowHoldsWhatTheCoreComputesForTheSameConfiguration() {
        PointConfig p = spec.points().get(5);
        Sde sde = SystemCatalog.create(p.system(), p.parameters());
        TrainingResult fit = DriftMatcher.train(sde, p.trainingConfig(), 0, ProgressListener.NONE);
        Map<String, Map<String, Object>> m = ModelAnalysis.run(fit.network(), sde, p.analysisPlan(), p.trainingConfig(),
                ProgressListener.NONE);
        Row row = table(tmp.resolve("a")).stream().filter(r -> r.getString(0).equals(p.id())).findFirst().orElseThrow();
        assertThat(row.<Double>getAs("drift_mean")).isEqualTo((Double) m.get("drift").get("mean"));
        assertThat(row.<Double>getAs("drift_p95")).isEqualTo((Double) m.get("drift").get("p95"));
        assertThat(row.<Double>getAs("fit_lambda")).isEqualTo(fit.ridge().lambda());
        assertThat(row.<Double>getAs("diffusion_relativeFrobeniusError"))
                .isEqualTo((Double) m.get("diffusion").get("relativeFrobeniusError"));
        assertThat(row.<String>getAs("system")).isEqualTo(p.system());
        assertThat(row.<Integer>getAs("neurons")).isEqualTo(p.neurons());
        // A noisy system trained on 400 samples carries its drift to well under 10 %.
        assertThat(row.<Double>getAs("drift_mean")).isLessThan(0.1);
    }

    @Test
    @Order(3)
    void aSecondRunSkipsEveryPointAndWritesTheSameTable() throws Exception {
        List<Row> before = table(tmp.resolve("a"));
        SweepJob.Summary again = SweepJob.run(spark, spec, tmp.resolve("a"), 3, List.of("test"), s -> { });
        assertThat(again.computed()).isZero();
        assertThat(again.skipped()).isEqualTo(18);
        assertThat(table(tmp.resolve("a"))).isEqualTo(before);
    }

    @Test
    @Order(4)
    void afterACrashOnlyTheUnfinishedPointsAreComputed() throws Exception {
        Path dir = tmp.resolve("a");
        List<Row> before = table(dir);
        // A crash after a point's model was written but before its result: the model stays, the result is missing,
        // and a temporary file from an interrupted atomic write lies next to it.
        PointConfig p1 = spec.points().get(0);
        PointConfig p2 = spec.points().get(11);
        Files.delete(dir.resolve("points").resolve(p1.id()).resolve(PointRunner.RESULT));
        Files.delete(dir.resolve("points").resolve(p2.id()).resolve(PointRunner.RESULT));
        Files.writeString(dir.resolve("points").resolve(p2.id()).resolve(".result.json.tmp-crash"), "{\"trunc");
        SweepJob.Summary again = SweepJob.run(spark, spec, dir, 8, List.of("test"), s -> { });
        assertThat(again.computed()).isEqualTo(2);
        assertThat(again.skipped()).isEqualTo(16);
        assertThat(table(dir)).isEqualTo(before);
    }

    @Test
    @Order(5)
    void aFailingPointIsRecordedDoesNotStopTheSweepAndIsRetried() throws Exception {
        Path dir = tmp.resolve("b");
        PointConfig p = spec.points().get(7);
        Path point = dir.resolve("points").resolve(p.id());
        Files.delete(point.resolve(PointRunner.RESULT));
        SweepJob.deleteTree(point.resolve(PointRunner.MODEL));
        // A file where the model directory must go: saving the model fails.
        Files.writeString(point.resolve(PointRunner.MODEL), "in the way");
        SweepJob.Summary failed = SweepJob.run(spark, spec, dir, 2, List.of("test"), s -> { });
        assertThat(failed.failed()).isEqualTo(1);
        assertThat(failed.skipped()).isEqualTo(17);
        assertThat(point.resolve(PointRunner.ERROR)).exists();
        Row row = table(dir).stream().filter(r -> r.getString(0).equals(p.id())).findFirst().orElseThrow();
        assertThat(row.<String>getAs("status")).isEqualTo("failed");
        assertThat(row.<String>getAs("error")).startsWith("FileAlreadyExistsException: ").contains(p.id());
        assertThat(row.<Double>getAs("drift_mean")).isNull();
        // Cleared, the next run retries only that point and the table is whole again.
        Files.delete(point.resolve(PointRunner.MODEL));
        SweepJob.Summary retried = SweepJob.run(spark, spec, dir, 2, List.of("test"), s -> { });
        assertThat(retried.computed()).isEqualTo(1);
        assertThat(retried.failed()).isZero();
        assertThat(point.resolve(PointRunner.ERROR)).doesNotExist();
        assertThat(table(dir)).isEqualTo(table(tmp.resolve("a")));
    }
}
