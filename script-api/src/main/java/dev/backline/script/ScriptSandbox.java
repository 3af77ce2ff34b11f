package dev.backline.script;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;

/**
 * Builds the contexts packs run in. The community runtime offers the CONSTRAINED policy; on top of it:
 * only {@code @HostAccess.Export} members are reachable, no host class lookup, no threads, processes,
 * native access or environment, no polyglot eval, and file reads only inside the pack's own directory.
 *
 * <p>GraalJS extras are switched off where they are made rather than deleted afterwards: without host class
 * lookup there are no {@code Java}, {@code Packages}, {@code java}, {@code javafx}, ... globals, and the
 * options below remove {@code Graal}, {@code load}, {@code print} and GraalJS's console. (The options that
 * would remove {@code SharedArrayBuffer}, {@code Atomics} and the shell's {@code arguments} are refused under
 * CONSTRAINED; the prelude deletes those.) A promise rejection that nothing handles by the end of a call is
 * thrown from that call, so it is charged like any error.
 */
final class ScriptSandbox {
    private static final String CONSOLE = resource("console.js");

    /**
     * {@code -Dbackline.scriptDiagnostics=true}: the engine and its contexts under the TRUSTED policy with
     * experimental options allowed, so that Truffle's tracing options (compilations, deoptimizations, splitting),
     * which CONSTRAINED refuses, can be passed as {@code -Dpolyglot.engine....} to find out why code is compiled
     * again and again. Every permission below stays as it is; only the option checks are lifted. Not for
     * production, and logged as such.
     */
    static final boolean DIAGNOSTICS = Boolean.getBoolean("backline.scriptDiagnostics");

    static SandboxPolicy policy() {
        return DIAGNOSTICS ? SandboxPolicy.TRUSTED : SandboxPolicy.CONSTRAINED;
    }

    /**
     * Only annotated members; no arrays, lists or maps of the host, even if one slipped through. Byte buffers'
     * contents are readable and writable: the prelude wraps the engine's column buffers in ArrayBuffers (scripts
     * never hold the buffer objects themselves, whose methods stay out of reach anyway).
     */
    static final HostAccess HOST_ACCESS = HostAccess.newBuilder(HostAccess.CONSTRAINED)
            .allowAccessAnnotatedBy(HostAccess.Export.class)
            .allowBufferAccess(true)
            .build();

    private ScriptSandbox() {
    }

    static Context newContext(Engine engine, String pack, Path packRoot) {
        return Context.newBuilder("js")
                .engine(engine)
                .sandbox(policy())
                .allowHostAccess(HOST_ACCESS)
                .allowHostClassLoading(false)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowCreateThread(false)
                .allowCreateProcess(false)
                .allowNativeAccess(false)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .allowIO(IOAccess.newBuilder().fileSystem(new PackFileSystem(pack, packRoot)).build())
                .out(new LogStream(pack, Level.INFO))
                .err(new LogStream(pack, Level.WARNING))
                .option("js.esm-eval-returns-exports", "true")
                .option("js.graal-builtin", "false")
                .option("js.load", "false")
                .option("js.print", "false")
                .option("js.console", "false")
                .option("js.unhandled-rejections", "throw")
                .build();
    }

    /**
     * Installs the global {@code console} of {@code console.js}, logging under {@code name}; returns its line
     * builder (parts joined like {@code console.log}, cut to {@link GuestConsole#MAX_LINE} characters).
     */
    static Value installConsole(Context context, String name) {
        return context.eval(Source.newBuilder("js", CONSOLE, "backline-console.js").buildLiteral())
                .execute(new GuestConsole(name), GuestConsole.MAX_LINE);
    }

    static String resource(String name) {
        try (var in = ScriptSandbox.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the script-api jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(name + " is not readable", e);
        }
    }
}
