package dev.backline.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backline.content.WorldData;
import dev.backline.content.WorldDataLoader;
import dev.backline.script.testing.ScriptTestReport;
import dev.backline.script.testing.ScriptTestResult;
import dev.backline.script.testing.ScriptTestRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Runs every pack's script tests ({@code scripts/<pack>/**}{@code /*.test.js}) on the real world data, so
 * {@code ./backline test} runs them with the Java tests. {@code ./backline test-scripts} runs the same
 * tests on their own, with one line per test.
 */
class PackScriptTestsTest {
    private static final Path REPO = Path.of("").toAbsolutePath().getParent();

    @Test
    void everyPacksScriptTestsPass() {
        WorldData data = WorldDataLoader.load(REPO.resolve("world-data"));
        ScriptTestReport report;
        try (ScriptTestRunner runner = ScriptTestRunner.builder(REPO.resolve("scripts"))
                .world(data::populate, data.startRoom()).build()) {
            report = runner.run(List.of());
        }
        String failures = report.failures().stream()
                .map(r -> r.pack() + ": " + r.name() + "\n    " + r.location(REPO) + ": " + r.message())
                .collect(Collectors.joining("\n"));
        assertThat(report.failed()).as("script tests failed (%s):%n%s", report.summary(), failures).isZero();
        assertThat(report.results()).as("the reference pack has script tests")
                .anyMatch(r -> r.pack().equals("backline-city") && r.status() == ScriptTestResult.Status.PASSED);
    }
}
