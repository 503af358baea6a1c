package ddmatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** {@code ddmatch train --help} documents every option with its default (or says it is required). */
class TrainHelpCliTest {
    @Test
    void everyOptionStatesItsDefaultOrThatItIsRequired() {
        CommandLine cmd = new CommandLine(new Ddmatch()).getSubcommands().get("train");
        List<OptionSpec> options = cmd.getCommandSpec().options();
        assertThat(options.size()).isGreaterThan(30);
        for (OptionSpec o : options) {
            if (o.usageHelp() || o.versionHelp()) {
                continue;
            }
            String text = String.join(" ", o.description());
            assertThat(text.contains("default") || o.required()).as("%s: %s", o.longestName(), text).isTrue();
        }
        CliTest.Run r = CliTest.run("train", "--help");
        assertThat(r.code()).isZero();
        // Units of the physical options are named.
        assertThat(r.out()).contains("system's time units").contains("standardised units").contains("dimensionless")
                .contains("absolute units");
    }
}
