package dev.backline.tools.bench.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.graalvm.polyglot.PolyglotException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The rules benchmark compares like with like: every implementation of the rule computes the same numbers. */
class RulesBenchmarkTest {
    @Test
    void javaThePackInBothModesAndNodeComputeTheSameNumbers() throws Exception {
        NodeRules node = new NodeRules("node");
        boolean hasNode = node.version() != null;

        assertThat(RulesBenchmark.disagreement(200, 30, hasNode ? node : null)).isNull();
    }

    @Test
    void aRuleThatComputesSomethingElseIsCaught() throws Exception {
        // Node running a rule.js whose burnout gain differs must be reported, so the check above can fail.
        NodeRules node = new NodeRules("node");
        org.junit.jupiter.api.Assumptions.assumeTrue(node.version() != null, "no Node.js on this machine");
        Path fake = Files.createTempFile("node-liar", ".sh");
        Files.writeString(fake, "#!/bin/sh\n[ \"$1\" = --version ] && { echo v0; exit 0; }\n"
                + "echo '{\"engine\":\"liar\",\"entities\":200,\"nsPerEntity\":[1],\"median\":1,\"checksum\":42}'\n");
        fake.toFile().setExecutable(true);

        assertThat(RulesBenchmark.disagreement(200, 30, new NodeRules(fake.toString())))
                .startsWith("Node computes 42.0 where Java computes");
    }

    @Test
    void aProbeFileWithoutTheRulesFunctionsIsRefusedByName() {
        assertThatThrownBy(() -> new BareRule("export function seed() {}\nexport function checksum() { return 0; }", false, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exports no function 'stepAll'");
        assertThatThrownBy(() -> new BareRule("export function seed( {", true, 10)).isInstanceOf(PolyglotException.class);
    }

    @Test
    void aProbeOfAFileThatIsMissingOrBrokenEndsWithExitCode2() throws Exception {
        Path broken = Files.createTempFile("broken-rule", ".js");
        Files.writeString(broken, "export function stepAll( {");

        assertThat(new CommandLine(new RulesBenchmark()).execute("--probe", "/nonexistent/rule.js")).isEqualTo(2);
        assertThat(new CommandLine(new RulesBenchmark()).execute("--probe", broken.toString())).isEqualTo(2);
    }
}
