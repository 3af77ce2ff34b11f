package dev.backline.tools.bench.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * {@code rule.js} alone in a plain GraalJS context, no pack or world around it: on an engine of its own, or on an
 * engine built to be shared as the server's is. The pair isolates what code sharing costs the compiled loop:
 * on a shared engine GraalJS compiles code that every context of the engine can run, so a module's constants
 * and functions are loaded on each use instead of folded into the code.
 */
final class BareRule implements AutoCloseable {
    /** The shared engine, null when the context has an engine of its own. */
    private final Engine engine;
    private final Context context;
    private final Value stepAll;
    private final Value checksum;
    private final Value[] columns = new Value[4];
    private final int entities;

    BareRule(boolean sharedEngine, int entities) {
        this(resource(), sharedEngine, entities);
    }

    /**
     * {@code source}: a module exporting {@code seed}, {@code stepAll} and {@code checksum} as {@code rule.js} does.
     *
     * @throws IllegalArgumentException if it does not
     * @throws org.graalvm.polyglot.PolyglotException if it does not evaluate
     */
    BareRule(String source, boolean sharedEngine, int entities) {
        this.entities = entities;
        engine = sharedEngine ? Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build() : null;
        Context.Builder builder = Context.newBuilder("js").option("js.esm-eval-returns-exports", "true");
        // Engine options go to the engine when there is an explicit one, else to the context's own.
        context = engine == null ? builder.option("engine.WarnInterpreterOnly", "false").build()
                : builder.engine(engine).build();
        try {
            Value rule = context.eval(Source.newBuilder("js", source, "rule.js")
                    .mimeType("application/javascript+module").buildLiteral());
            Value seed = export(rule, "seed");
            stepAll = export(rule, "stepAll");
            checksum = export(rule, "checksum");
            Value newColumn = context.eval("js", "(n) => new Float64Array(n)");
            for (int c = 0; c < columns.length; c++) {
                columns[c] = newColumn.execute(entities);
            }
            for (int i = 0; i < entities; i++) {
                seed.execute(columns[0], columns[1], columns[2], columns[3], i);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static Value export(Value module, String name) {
        Value f = module.getMember(name);
        if (f == null || !f.canExecute()) {
            throw new IllegalArgumentException("the rule exports no function '" + name + "' (it needs seed, stepAll and "
                    + "checksum, as rule.js has)");
        }
        return f;
    }

    private static String resource() {
        try (InputStream in = BareRule.class.getResourceAsStream("pack/rule.js")) {
            if (in == null) {
                throw new IllegalStateException("pack/rule.js is missing from the tools jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One tick: the rule once over every entity. */
    void tick() {
        stepAll.execute(columns[0], columns[1], columns[2], columns[3], entities, RulePack.DT_HOURS);
    }

    double checksum() {
        return checksum.execute(columns[0], columns[1], columns[2], columns[3], entities).asDouble();
    }

    @Override
    public void close() {
        context.close();
        if (engine != null) {
            engine.close();
        }
    }
}
