package dev.backline.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Escape suite, part 7: running out of Java stack. GraalJS turns a stack overflow in script code into a
 * RangeError, but the overflow can land anywhere the script chooses, also inside a class initialiser or
 * in host code; a class whose initialiser failed stays broken for the whole JVM. Each case runs a
 * {@link StackExhaustionProbe} in a JVM of its own, so the attack cannot damage the other tests.
 */
class StackExhaustionTest {
    private static List<String> runProbe(String attack) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process probe = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-Dpolyglot.engine.WarnInterpreterOnly=false", "-cp", System.getProperty("java.class.path"),
                StackExhaustionProbe.class.getName(), attack)
                .redirectErrorStream(true)
                .start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(probe.exitValue()).as(output).isZero();
        return output.lines().filter(l -> l.matches("(ATTACK|VICTIM|BYSTANDER|LOOT) .*")).toList();
    }

    @Test
    void exhaustingTheStackInOnePackBreaksNothingForTheOthers() throws Exception {
        List<String> lines = runProbe("first-uses");

        assertThat(lines).contains(
                "VICTIM all " + StackExhaustionProbe.USES.size() + " uses work",
                "BYSTANDER " + Bystander.UNHARMED);
        // Every overflow is a RangeError the attack catches, so it runs to its end, unless the machine is so
        // slow that the watchdog stops it first; either way it ends as a script, not in the engine.
        assertThat(lines).filteredOn(l -> l.startsWith("ATTACK ")).singleElement().satisfies(attack ->
                assertThat(attack).matches("ATTACK (dived to \\d+|'attack' took too long and was stopped\\.)"));
        assertThat(lines).noneMatch(l -> l.contains("NoClassDefFoundError") || l.contains("StackOverflowError"));
    }

    @Test
    void aStackOverflowThroughTheApiIsARangeErrorAndBreaksNothing() throws Exception {
        List<String> lines = runProbe("reentry");

        assertThat(lines).contains(
                "VICTIM all " + StackExhaustionProbe.USES.size() + " uses work",
                "BYSTANDER " + Bystander.UNHARMED,
                "LOOT null");
        assertThat(lines).filteredOn(l -> l.startsWith("ATTACK ")).singleElement().satisfies(attack ->
                assertThat(attack).isEqualTo("ATTACK true | RangeError | Maximum call stack size exceeded"));
        assertThat(lines).noneMatch(l -> l.contains("NoClassDefFoundError") || l.contains("StackOverflowError"));
    }
}
