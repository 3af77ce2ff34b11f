package dev.backline.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;

class RuntimeModeTest {
    /** Set by the build's surefire/failsafe argLine next to the JIT flags; absent in a plain IDE run. */
    private static final String EXPECT_JIT = "backline.expectJit";

    @Test
    void theBuildRunsGraalJsWithTheOptimizingJit() {
        assumeTrue(Boolean.getBoolean(EXPECT_JIT), "not run through the build (-D" + EXPECT_JIT + "=true is absent)");
        try (Engine engine = quietEngine(Engine.newBuilder("js"))) {
            RuntimeMode mode = RuntimeMode.detect(engine);

            assertThat(mode.jit()).as(mode.describe()).isTrue();
            assertThat(mode.implementationName()).isNotEqualTo(RuntimeMode.FALLBACK_NAME);
            assertThat(mode.reason()).isEmpty();
            assertThat(mode.describe()).contains("optimizing JIT").doesNotContain("\n");
        }
    }

    @Test
    void hotGuestCodeReallyGetsCompiled() {
        assumeTrue(Boolean.getBoolean(EXPECT_JIT), "not run through the build (-D" + EXPECT_JIT + "=true is absent)");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        // Foreground compilation makes the compile happen during the calls, so the trace is complete when
        // the loop ends: the test observes the compiler's work, not the clock.
        try (Engine engine = quietEngine(Engine.newBuilder("js")
                        .allowExperimentalOptions(true)
                        .option("engine.BackgroundCompilation", "false")
                        .option("engine.TraceCompilation", "true")
                        .logHandler(log));
                Context context = Context.newBuilder("js").engine(engine).build()) {
            Value hot = context.eval("js",
                    "(function hotLoop(n) { let s = 0; for (let i = 0; i < n; i++) { s += i % 7; } return s; })");
            long sum = 0;
            for (int call = 0; call < 2_000; call++) {
                sum += hot.execute(100).asLong();
            }
            assertThat(sum).isEqualTo(2_000L * 295);
        }
        assertThat(log.toString(StandardCharsets.UTF_8).lines())
                .as("compilation trace")
                .anySatisfy(line -> assertThat(line).contains("opt done").contains("hotLoop"));
    }

    @Test
    void aJvmWithoutTheJitFlagsFallsBackToTheInterpreterAndSaysWhy() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(List.of(java.toString(),
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp", System.getProperty("java.class.path"),
                        PrintMode.class.getName()))
                .redirectErrorStream(true)
                .start();
        child.getOutputStream().close();
        boolean exited = child.waitFor(2, TimeUnit.MINUTES);
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!exited) {
            child.destroyForcibly();
        }

        assertThat(exited).as("child JVM finished; output:%n%s", output).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).as(output)
                .contains("jit=false")
                .contains("name=" + RuntimeMode.FALLBACK_NAME)
                .containsPattern("reason=.*JVMCI")
                .contains("INTERPRETED");
    }

    @Test
    void valuesThatContradictThemselvesAreRejected() {
        assertThatThrownBy(() -> new RuntimeMode(true, "GraalVM CE", "JVMCI is off"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no fallback reason");
        assertThatThrownBy(() -> new RuntimeMode(false, RuntimeMode.FALLBACK_NAME, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a reason");
        assertThatThrownBy(() -> new RuntimeMode(false, RuntimeMode.FALLBACK_NAME, "one\ntwo"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one line");
        assertThatThrownBy(() -> new RuntimeMode(true, "", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
    }

    @Test
    void anInterpretedModeTellsHowToGetTheJit() {
        RuntimeMode mode = new RuntimeMode(false, RuntimeMode.FALLBACK_NAME, "JVMCI is not enabled for this JVM.");

        assertThat(mode.describe())
                .contains("INTERPRETED")
                .contains("JVMCI is not enabled for this JVM.")
                .contains("./backline")
                .doesNotContain("\n");
    }

    private static Engine quietEngine(Engine.Builder builder) {
        return builder.option("engine.WarnInterpreterOnly", "false")
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .build();
    }

    /** Runs in a child JVM started without the JIT flags. */
    public static final class PrintMode {
        private PrintMode() {
        }

        public static void main(String[] args) {
            try (Engine engine = quietEngine(Engine.newBuilder("js"))) {
                RuntimeMode mode = RuntimeMode.detect(engine);
                System.out.println("jit=" + mode.jit());
                System.out.println("name=" + mode.implementationName());
                System.out.println("reason=" + mode.reason());
                System.out.println("describe=" + mode.describe());
            }
        }
    }
}
