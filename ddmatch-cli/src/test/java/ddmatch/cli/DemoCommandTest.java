package ddmatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ddmatch.cli.CliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ddmatch demo}, the README's first command, end to end through the command line: every check passes against
 * its published or analytic reference (Wolf et al.'s λmax, θ² for the entropy production, …; the values themselves
 * are asserted in {@code AcceptanceTest}), the table's columns line up whatever the length of a system's label, and the
 * report and the JSON are written with one entry per printed check.
 */
class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void demoPassesEveryCheckPrintsAnAlignedTableAndWritesTheReport() throws Exception {
        Path out = dir.resolve("demo");
        Run r = CliTest.run("demo", "--quiet", "-o", out.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("15 checks, 0 failed");

        List<String> lines = r.out().lines().toList();
        String header = lines.get(0);
        assertThat(header).startsWith("system");
        int resultColumn = header.indexOf("result");
        int checkColumn = header.indexOf("check");
        int nEnd = header.indexOf(" N ") + 2;   // N is right-aligned: its last digit sits under the header's N
        Pattern row = Pattern.compile("^(\\S.*?)\\s+(\\d+)\\s");
        int rows = 0, systems = 0;
        for (String line : lines.subList(1, lines.size())) {
            if (!(line.endsWith("PASS") || line.endsWith("FAIL"))) continue;
            rows++;
            assertThat(line.length() - 4).as("result column of %s", line).isEqualTo(resultColumn);
            assertThat(line.substring(checkColumn)).as("check column of %s", line).doesNotStartWith(" ");
            assertThat(line.charAt(checkColumn - 1)).as("check column of %s", line).isEqualTo(' ');
            Matcher m = row.matcher(line);
            if (m.find()) {   // the first row of a system: label, then N
                systems++;
                assertThat(m.end(2)).as("N column of %s", line).isEqualTo(nEnd);
            }
        }
        assertThat(rows).isEqualTo(15);
        assertThat(systems).isEqualTo(4);
        assertThat(r.out()).contains("double-well σ=0.7");

        String json = Files.readString(out.resolve("results.json"));
        assertThat(Pattern.compile("\"quantity\"").matcher(json).results().count()).isEqualTo(15);
        assertThat(json).doesNotContain("\"pass\" : false");
        assertThat(Files.size(out.resolve("report.html"))).isGreaterThan(10_000);
    }
}
