package ddmatch.spark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Invalid input is refused before Spark starts: exit code 2, one line naming the problem, nothing written. */
class DdmatchSparkTest {
    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = DdmatchSpark.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void aBadSpecExitsWithTwoAndWritesNothing() throws Exception {
        Path spec = tmp.resolve("bad.yaml");
        Files.writeString(spec, "systems: [ou]\nneurons: [40]\nseeds: [1]\ntrain: {tau: -1}\n");
        Path out = tmp.resolve("sweep");
        Run r = run("sweep", spec.toString(), "-o", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).containsExactly("ddmatch sweep: " + spec + ":4:14: field 'train.tau' = -1 is not allowed; it must be > 0");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void badOptionsExitWithTwo() {
        Path out = tmp.resolve("sweep");
        Run missing = run("sweep", tmp.resolve("none.yaml").toString(), "-o", out.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("SPEC = ").contains("must be a readable YAML file");
        Run parts = run("sweep", "x.yaml", "-o", out.toString(), "--partitions", "-3");
        assertThat(parts.code()).isEqualTo(2);
        assertThat(parts.err()).contains("--partitions = -3 is not allowed");
        Run model = run("ensemble", tmp.resolve("no-model").toString(), "--trajectories", "10");
        assertThat(model.code()).isEqualTo(2);
        assertThat(model.err()).contains("MODEL = ").contains("must be a model directory");
        Run radius = run("ensemble", tmp.toString(), "--core-radius", "1.5");
        assertThat(radius.code()).isEqualTo(2);
        assertThat(radius.err()).contains("--core-radius = 1.5 is not allowed; it must be in (0, 1]");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void helpNamesUnitsAndDefaults() {
        Run r = run("ensemble", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--trajectories").contains("(default: 1000)").contains("model time units");
        Run s = run("sweep", "--help");
        assertThat(s.out()).contains("--master").contains("local[*]");
    }

    /** Without --master the ensemble runs on this machine's threads: results, table and JSON the same for 1 and 2. */
    @Test
    void anEnsembleWithoutAMasterRunsOnThisMachineAndItsThreadCountChangesNothing() throws Exception {
        var sde = ddmatch.sde.SystemCatalog.create("double-well", java.util.Map.of("sigma", 0.7));
        var cfg = ddmatch.fit.MatchConfig.defaults(30, 3)
                .withSampling(ddmatch.fit.SamplingConfig.defaults().withSamples(600));
        var fit = ddmatch.fit.DriftMatcher.train(sde, cfg, ddmatch.solve.ProgressListener.NONE);
        Path model = tmp.resolve("dw");
        ddmatch.io.ModelFiles.save(new ddmatch.io.ModelFiles.SavedModel(fit.network(), "double-well",
                java.util.Map.of("sigma", 0.7), ddmatch.io.ModelFiles.trainingMetadata(fit)), model);
        Path one = tmp.resolve("one.json"), two = tmp.resolve("two.json");
        Run a = run("ensemble", model.toString(), "--trajectories", "12", "--time", "60", "--reference-time", "200",
                "--threads", "1", "-o", one.toString());
        Run b = run("ensemble", model.toString(), "--trajectories", "12", "--time", "60", "--reference-time", "200",
                "--threads", "2", "-o", two.toString());
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(b.code()).as(b.err()).isZero();
        assertThat(a.out()).startsWith("ensemble: 12 trajectories × 60").contains("jumps:");
        assertThat(b.out().replace(two.toString(), one.toString())).isEqualTo(a.out());
        assertThat(Files.readString(two)).isEqualTo(Files.readString(one)).contains("\"trajectories\" : 12");
        assertThat(a.err()).contains("ensemble: 6/12 trajectories done");
        Run threads = run("ensemble", model.toString(), "--threads", "-1");
        assertThat(threads.code()).isEqualTo(2);
        assertThat(threads.err()).contains("--threads = -1 is not allowed");
    }

    @Test
    void aSpecWithSeveralProblemsListsEachOnItsOwnLineBeforeSparkStarts() throws Exception {
        Path spec = tmp.resolve("sigma.yaml");
        Files.writeString(spec, "systems: [double-well]\nneurons: [40, 1000000]\nseeds: [1]\nparameters: {sigma: [-1]}\n");
        Path out = tmp.resolve("sweep");
        Run r = run("sweep", spec.toString(), "-o", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).containsExactly("ddmatch sweep: " + spec + ":4:22: field 'parameters.sigma' = -1 is not"
                + " allowed; for system 'double-well' it must be finite and ≥ 0");
        Files.writeString(spec, "systems: [double-well]\nneurons: [40, 1000000]\nseeds: [1]\nparameters: {sigma: [-1, 1]}\n");
        Run two = run("sweep", spec.toString(), "-o", out.toString());
        assertThat(two.code()).isEqualTo(2);
        assertThat(two.err().lines()).hasSize(2).allSatisfy(l -> assertThat(l).startsWith("ddmatch sweep: " + spec + ":"));
        assertThat(two.err().lines().toList().get(1)).contains(":2:15: field 'neurons' = 1000000 is not allowed; training N");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void aBadMasterIsOneLineWithExitCodeTwo() throws Exception {
        Path spec = tmp.resolve("n2.yaml");
        Files.writeString(spec, "systems: [double-well]\nneurons: [2]\nseeds: [1]\n");
        Path out = tmp.resolve("sweep");
        Run r = run("sweep", spec.toString(), "-o", out.toString(), "--master", "foo://bar");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).containsExactly("ddmatch sweep: --master = foo://bar is not allowed; "
                + ddmatch.spark.Sessions.MASTER_FORMS);
        assertThat(Files.exists(out)).isFalse();
        Run e = run("ensemble", tmp.toString(), "--master", "local[0]");
        assertThat(e.code()).isEqualTo(2);
        assertThat(e.err()).startsWith("ddmatch ensemble: --master = local[0] is not allowed");
    }

    @Test
    void aDirectoryHoldingOtherFilesIsRefusedAndLeftAsItWas() throws Exception {
        Path spec = tmp.resolve("n2.yaml");
        Files.writeString(spec, "systems: [double-well]\nneurons: [2]\nseeds: [1]\n");
        Path other = tmp.resolve("other");
        Files.createDirectories(other);
        Files.writeString(other.resolve("precious.txt"), "keep");
        Run r = run("sweep", spec.toString(), "-o", other.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).containsExactly("ddmatch sweep: --output = " + other + " is not allowed; the directory"
                + " holds files that are not a sweep's (precious.txt) and no sweep.yaml or run.json of an earlier sweep;"
                + " allowed is a new path, an empty directory or an earlier sweep's directory (which is resumed)");
        try (var list = Files.list(other)) {
            assertThat(list.map(p -> p.getFileName().toString())).containsExactly("precious.txt");
        }
        // A trained model's directory is someone else's too.
        Path model = tmp.resolve("model");
        Files.createDirectories(model);
        Files.writeString(model.resolve("model.json"), "{\"format\": \"ddmatch-model\"}");
        assertThat(run("sweep", spec.toString(), "-o", model.toString()).code()).isEqualTo(2);
        assertThat(ddmatch.spark.sweep.SweepJob.directoryProblem(model)).contains("(model.json)");
        // What a sweep may write into: a new path, an empty directory, an earlier sweep's (resumed, also with notes
        // beside it), and what an interrupted first run left.
        assertThat(ddmatch.spark.sweep.SweepJob.directoryProblem(tmp.resolve("new"))).isNull();
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThat(ddmatch.spark.sweep.SweepJob.directoryProblem(empty)).isNull();
        Path earlier = Files.createDirectories(tmp.resolve("earlier").resolve("points"));
        Files.writeString(earlier.resolveSibling("sweep.yaml"), "systems: [ou]");
        Files.writeString(earlier.resolveSibling("notes.txt"), "mine");
        assertThat(ddmatch.spark.sweep.SweepJob.directoryProblem(earlier.getParent())).isNull();
        Path started = Files.createDirectories(tmp.resolve("started").resolve("points"));
        assertThat(ddmatch.spark.sweep.SweepJob.directoryProblem(started.getParent())).isNull();
        assertThat(ddmatch.spark.sweep.SweepJob.directoryProblem(spec)).isEqualTo("it exists and is not a directory");
    }
}
