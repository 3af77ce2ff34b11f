package dev.backline.script;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.io.IOAccess;

/**
 * Builds the contexts packs run in. The community runtime offers the CONSTRAINED policy; on top of it:
 * only {@code @HostAccess.Export} members are reachable, no host class lookup, no threads, processes,
 * native access or environment, no polyglot eval, and file reads only inside the pack's own directory.
 */
final class ScriptSandbox {
    /** Only annotated members; no arrays, lists or maps of the host, even if one slipped through. */
    static final HostAccess HOST_ACCESS = HostAccess.newBuilder(HostAccess.CONSTRAINED)
            .allowAccessAnnotatedBy(HostAccess.Export.class)
            .build();

    private ScriptSandbox() {
    }

    static Context newContext(Engine engine, String pack, Path packRoot) {
        return Context.newBuilder("js")
                .engine(engine)
                .sandbox(SandboxPolicy.CONSTRAINED)
                .allowHostAccess(HOST_ACCESS)
                .allowHostClassLookup(className -> false)
                .allowHostClassLoading(false)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowCreateThread(false)
                .allowCreateProcess(false)
                .allowNativeAccess(false)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .allowIO(IOAccess.newBuilder().fileSystem(new PackFileSystem(packRoot)).build())
                .out(new LogStream(pack, Level.INFO))
                .err(new LogStream(pack, Level.WARNING))
                .option("js.esm-eval-returns-exports", "true")
                .build();
    }
}
