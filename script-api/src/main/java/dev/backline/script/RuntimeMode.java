package dev.backline.script;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.graalvm.polyglot.Engine;

/**
 * Whether GraalJS runs with the optimizing runtime (Truffle with the Graal compiler as its JIT) or fell
 * back to the interpreter, and why. On a stock JDK the fallback happens silently unless the Graal compiler
 * is on {@code --upgrade-module-path} with JVMCI enabled, and it makes scripts some 30 times slower, so the
 * server logs {@link #describe()} at start-up and warns when {@link #jit()} is false.
 *
 * <pre>{@code
 * RuntimeMode mode = RuntimeMode.detect(scripts.engine());
 * LOG.log(mode.jit() ? Level.INFO : Level.WARNING, mode.describe());
 * }</pre>
 *
 * @param jit whether hot guest code is compiled to machine code
 * @param implementationName the polyglot runtime's name, e.g. {@code GraalVM CE}, or {@code Interpreted}
 *     for the fallback runtime
 * @param reason one line saying why the engine runs interpreted; empty when {@code jit} is true
 */
public record RuntimeMode(boolean jit, String implementationName, String reason) {
    /** The name Truffle's fallback runtime reports; the only name that means "no JIT". */
    static final String FALLBACK_NAME = "Interpreted";

    private static final String CAUSE_PREFIX = "The following cause was found:";

    public RuntimeMode {
        Objects.requireNonNull(implementationName, "implementationName");
        Objects.requireNonNull(reason, "reason");
        if (implementationName.isBlank()) {
            throw new IllegalArgumentException("implementationName must not be blank");
        }
        if (jit && !reason.isEmpty()) {
            throw new IllegalArgumentException("a JIT runtime has no fallback reason, got: " + reason);
        }
        if (!jit && reason.isBlank()) {
            throw new IllegalArgumentException("an interpreted runtime needs a reason");
        }
        if (reason.contains("\n")) {
            throw new IllegalArgumentException("reason must be one line, got: " + reason);
        }
    }

    /**
     * Reports the mode of the runtime behind {@code engine}. The runtime is chosen once per JVM, so every
     * engine in the process runs in the same mode. Finding the reason for a fallback builds a short-lived
     * probe engine (tens of milliseconds); a JIT runtime costs nothing extra.
     */
    public static RuntimeMode detect(Engine engine) {
        String name = engine.getImplementationName();
        if (!FALLBACK_NAME.equals(name)) {
            return new RuntimeMode(true, name, "");
        }
        return new RuntimeMode(false, name, fallbackReason());
    }

    /**
     * One line for the start-up log: which runtime runs scripts, and for the interpreter why and what
     * to do about it.
     */
    public String describe() {
        String java = "Java " + Runtime.version();
        if (jit) {
            return "GraalJS runs with the optimizing JIT (" + implementationName + " runtime, Graal compiler via JVMCI, "
                    + java + ")";
        }
        return "GraalJS runs INTERPRETED, scripts will be about 30x slower (" + java + "): " + reason
                + " Start through ./backline, which adds the Graal compiler and JVMCI flags.";
    }

    /**
     * Truffle says why it fell back only in its interpreter-only warning, which our engines switch off. A
     * probe engine with the warning on and its log captured recovers the cause line; our own check of the
     * JVM stands in when the wording changes.
     */
    private static String fallbackReason() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (Engine probe = Engine.newBuilder()
                .option("engine.WarnInterpreterOnly", "true")
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .logHandler(log)
                .build()) {
            probe.getImplementationName();
        } catch (IllegalArgumentException e) {
            return ownDiagnosis();
        }
        return log.toString(StandardCharsets.UTF_8).lines()
                .map(String::strip)
                .filter(line -> line.startsWith(CAUSE_PREFIX))
                .map(line -> line.substring(CAUSE_PREFIX.length()).strip())
                .filter(cause -> !cause.isEmpty())
                .findFirst()
                .orElseGet(RuntimeMode::ownDiagnosis);
    }

    private static String ownDiagnosis() {
        if (Boolean.getBoolean("truffle.UseFallbackRuntime")) {
            return "the fallback runtime was chosen with -Dtruffle.UseFallbackRuntime=true.";
        }
        if (ModuleLayer.boot().findModule("jdk.internal.vm.ci").isEmpty()) {
            return "JVMCI is not enabled (-XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI).";
        }
        if (ModuleLayer.boot().findModule("jdk.graal.compiler").isEmpty()) {
            return "the Graal compiler is not on --upgrade-module-path.";
        }
        return "Truffle gave no cause; check that the Graal compiler jars match the JDK and the polyglot version.";
    }
}
