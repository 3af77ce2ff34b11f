package dev.backline.script.testing;

import dev.backline.script.GuestSandbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;

/**
 * One evaluation of a test module, in its own sandboxed context rooted at its pack: the test prelude, the
 * module, and its default export declaring the tests. The runner evaluates a module afresh for every test
 * it runs, so nothing a test leaves behind in module variables reaches the next one.
 */
final class TestModule implements AutoCloseable {
    private static final String PRELUDE = preludeText();

    /** A module that could not be evaluated, or whose default export failed to declare its tests. */
    static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient TestFailure failure;

        Failed(TestFailure failure) {
            super(failure.message(), null, false, false);
            this.failure = failure;
        }

        TestFailure failure() {
            return failure;
        }
    }

    private final Path root;
    private final Path file;
    private final GuestSandbox sandbox;
    private final TestContextHost host;
    private final TestBudget budget;
    private Value prelude;

    private TestModule(Path root, Path file, GuestSandbox sandbox, TestContextHost host, TestBudget budget) {
        this.root = root;
        this.file = file;
        this.sandbox = sandbox;
        this.host = host;
        this.budget = budget;
    }

    /** Opens a context for {@code file} (inside {@code root}, both real paths); nothing is evaluated yet. */
    static TestModule open(Engine engine, String pack, Path root, Path file, long seed, long gameStartMillis,
                           TestBudget budget) {
        GuestSandbox sandbox = GuestSandbox.open(engine, pack, root);
        return new TestModule(root, file, sandbox, new TestContextHost(seed, () -> gameStartMillis), budget);
    }

    /**
     * Evaluates the module and runs its default export with {@code t}, under {@code limit}.
     *
     * @return the declared tests, in order
     * @throws Failed if the module does not evaluate (syntax error, a refused import, …) or declaring fails
     */
    List<TestCase> declare(Duration limit, Duration defaultBudget) throws Failed {
        Value declared = guarded(limit, () -> {
            prelude = sandbox.context().eval(Source.newBuilder("js", PRELUDE, "backline-test-prelude.js").buildLiteral())
                    .execute(host);
            Source source;
            try {
                source = sandbox.moduleSource(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Value exports = sandbox.context().eval(source);
            return prelude.invokeMember("collect", exports.getMember("default"));
        });
        List<TestCase> cases = new ArrayList<>();
        int index = 0;
        for (Object o : (List<?>) GuestSandbox.toHost(declared, "the declared tests")) {
            Map<?, ?> c = (Map<?, ?>) o;
            long seed = c.get("seed") instanceof Number n ? n.longValue() : ScriptTestRunner.DEFAULT_SEED;
            Duration own = c.get("timeout") instanceof Number n ? Duration.ofMillis(n.longValue()) : defaultBudget;
            cases.add(new TestCase(index++, (String) c.get("name"), Boolean.TRUE.equals(c.get("skip")), seed, own));
        }
        return cases;
    }

    /**
     * Runs one declared test against {@code world}.
     *
     * @return why it failed, or null if it passed
     */
    TestFailure run(TestCase test, TestWorld world, String pack) {
        host.useClock(() -> world.shard().clock().nowMillis());
        TestWorldFacade facade;
        SourceSection testFunction = prelude.invokeMember("functionOf", test.index()).getSourceLocation();
        try (TestBudget.Run run = budget.start(sandbox.context(), test.budget())) {
            facade = new TestWorldFacade(world, sandbox, run, pack);
            try {
                Value state = prelude.invokeMember("run", test.index(), facade);
                if (state.getMember("failed").asBoolean()) {
                    prelude.invokeMember("rethrow", state);
                }
                if (!state.getMember("done").asBoolean()) {
                    return onHost(TestFailure.at(sandbox.guestPath(file), testFunction, "the test returned a promise that never settled "
                            + "(there are no timers in the sandbox: use w.advance to let game time pass)"));
                }
            } catch (PolyglotException e) {
                return onHost(TestFailure.of(e, sandbox.guestPath(file), sandbox.guestPath(root), run.expired() ? run.budget() : null, testFunction));
            } catch (IllegalArgumentException | IllegalStateException e) {
                return onHost(TestFailure.at(sandbox.guestPath(file), testFunction, e.getMessage()));
            }
        }
        return facade.unseenFaults().stream().findFirst()
                .map(f -> new TestFailure("the pack reported a script error during the test (read w.faults() in the "
                        + "test if you expect it): " + f.hook() + ": " + f.message(),
                        f.file() == null ? file : root.resolveSibling(f.pack()).resolve(f.file()), f.line(), f.column()))
                .orElse(null);
    }

    /** The failure with its file named on the host again: sources are named as the sandboxed code sees them. */
    private TestFailure onHost(TestFailure failure) {
        return new TestFailure(failure.message(), sandbox.hostPath(failure.file()), failure.line(), failure.column());
    }

    private Value guarded(Duration limit, Supplier<Value> body) throws Failed {
        try (TestBudget.Run run = budget.start(sandbox.context(), limit)) {
            try {
                return body.get();
            } catch (PolyglotException e) {
                throw new Failed(onHost(TestFailure.of(e, sandbox.guestPath(file), sandbox.guestPath(root), run.expired() ? run.budget() : null, null)));
            } catch (UncheckedIOException e) {
                throw new Failed(TestFailure.at(file, "not readable: " + e.getCause().getMessage()));
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new Failed(TestFailure.at(file, e.getMessage()));
            }
        }
    }

    private static String preludeText() {
        try (InputStream in = TestModule.class.getResourceAsStream("test-prelude.js")) {
            if (in == null) {
                throw new IllegalStateException("test-prelude.js is missing from the script-api jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
