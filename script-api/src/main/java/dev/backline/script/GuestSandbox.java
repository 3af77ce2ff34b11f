package dev.backline.script;

import dev.backline.world.Entity;
import dev.backline.world.EntityId;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * The pack sandbox, for guest code that is not a pack but must live by the same rules: the script test
 * runner ({@code dev.backline.script.testing}) runs each test module in one. The context has the policy,
 * host access, read-only file system (the given directory) and console of a pack generation, and plain
 * data crosses it with the same conversions, limits and argument messages as the {@code game} API, so
 * the two cannot drift apart.
 *
 * <pre>{@code
 * try (GuestSandbox sandbox = GuestSandbox.open(engine, "backline-city", packRoot)) {
 *     Value exports = sandbox.context().eval(moduleSource);
 * }
 * }</pre>
 */
public final class GuestSandbox implements AutoCloseable {
    private final Context context;
    private final GuestData data;
    private final String name;
    private final Path root;

    private GuestSandbox(Context context, String name, Path root) {
        this.context = context;
        this.data = new GuestData(context);
        this.name = name;
        this.root = root;
    }

    /**
     * A new sandboxed context on {@code engine} (which must come from {@link ScriptRuntime#newEngine()}),
     * able to read the files under {@code root} and nothing else; its console is logged under {@code name}.
     */
    public static GuestSandbox open(Engine engine, String name, Path root) {
        Context context = ScriptSandbox.newContext(engine, name, root);
        ScriptSandbox.installConsole(context, name);
        return new GuestSandbox(context, name, root);
    }

    public Context context() {
        return context;
    }

    /**
     * The module at {@code file} (a real path under the root) as code in this sandbox sees it: under the
     * virtual directory {@code /<name>/}, like a pack's own modules.
     */
    public Source moduleSource(Path file) throws IOException {
        return PackFileSystem.moduleSource(name, root, file);
    }

    /** The path code in this sandbox sees for {@code hostPath}, a real path under the root. */
    public Path guestPath(Path hostPath) {
        return PackFileSystem.guestRoot(name).resolve(root.relativize(hostPath).toString());
    }

    /** The real path of {@code guestPath} as code in this sandbox names it; a path outside it is returned as it is. */
    public Path hostPath(Path guestPath) {
        Path guestRoot = PackFileSystem.guestRoot(name);
        return guestPath.startsWith(guestRoot) ? root.resolve(guestRoot.relativize(guestPath).toString()) : guestPath;
    }

    /** Plain Java data (maps, lists, strings, numbers, booleans, null) as real JavaScript objects and arrays. */
    public Object toGuest(Object plain) {
        return data.toGuest(plain);
    }

    /**
     * A guest value as plain Java data.
     *
     * @param what names the value in the error, e.g. {@code "w.setProp: value"}
     * @throws IllegalArgumentException naming the path of the first part that is not plain data
     */
    public static Object toHost(Value value, String what) {
        return GuestData.toHost(value, what);
    }

    /** The plain view of an entity that {@code game.entity} returns: id, kind, template, container, tags, props. */
    public static Map<String, Object> entityView(Entity entity) {
        return EntityViews.viewOf(entity);
    }

    /** @throws IllegalArgumentException {@code call: 'param' must be a string, was …} */
    public static String string(Value value, String call, String param) {
        return Args.string(value, call, param);
    }

    /** @throws IllegalArgumentException {@code call: 'param' must be an entity id like 'city:bar', was …} */
    public static EntityId entityId(Value value, String call, String param) {
        return Args.entityId(value, call, param);
    }

    /** A game-time duration: milliseconds, or text like {@code "90m"}, {@code "2d"}, {@code "1d 6h"}. @throws IllegalArgumentException otherwise */
    public static Duration duration(Value value, String call, String param) {
        return Args.duration(value, call, param);
    }

    /** The error every API call raises for a bad argument, worded like the {@code game} API's. */
    public static IllegalArgumentException argumentError(String call, String param, String expected, Value actual) {
        return Args.error(call, param, expected, actual);
    }

    @Override
    public void close() {
        context.close(true);
    }
}
