package dev.backline.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A script allocating without bound is stopped and quarantined, and the JVM (256 MB heap) survives it. */
class MemoryGuardTest {
    @Test
    void aMemoryBombIsStoppedQuarantinedAndTheServerSurvives() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        command.add("-Xmx256m");
        command.add("-XX:+UseG1GC");
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-Dpolyglot.engine.WarnInterpreterOnly=false");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MemoryBombProbe.class.getName());
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean ended = child.waitFor(120, TimeUnit.SECONDS);
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ended) {
            child.destroyForcibly();
        }
        assertThat(ended).as("the probe finished; output:\n%s", output).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        String result = output.lines().filter(l -> l.startsWith("RESULT ")).findFirst().orElse("no RESULT line:\n" + output);
        assertThat(result).contains("kind=RESOURCE").contains("quarantined=true").contains("after=pong")
                .contains("again='hog' is unavailable");
    }
}
