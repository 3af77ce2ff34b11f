package dev.backline.script.testing;

import dev.backline.script.PackLoadException;
import dev.backline.script.PackManifest;
import dev.backline.shard.ShardConfig;
import dev.backline.world.EntityId;
import dev.backline.world.World;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs the script tests of packs: every {@code *.test.js} module anywhere in a pack. Each test runs in a
 * fresh evaluation of its module (its own sandboxed context, able to import files of its pack only)
 * against a fresh {@link TestWorld} holding the world data and every pack of the scripts directory, as
 * the server would, with a virtual clock and a seeded random sequence. A test that runs past its budget
 * is stopped and fails; so does one during which a pack reported a script error it did not expect.
 *
 * <pre>{@code
 * try (ScriptTestRunner runner = ScriptTestRunner.builder(Path.of("scripts"))
 *         .world(data::populate, data.startRoom()).filter("look").build()) {
 *     ScriptTestReport report = runner.run(List.of("backline-city"));
 *     System.out.println(report.summary());           // 5 passed, 0 failed
 * }
 * }</pre>
 */
public final class ScriptTestRunner implements AutoCloseable {
    /** The seed of every test's world and {@code Math.random()}, unless the test sets {@code seed}. */
    public static final long DEFAULT_SEED = ShardConfig.defaults().seed();
    /** CPU time a test may use (its world's work included), unless it sets {@code timeout}. */
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(10);
    static final String TEST_SUFFIX = ".test.js";

    private final Path scriptsDir;
    private final Consumer<World> worldBuilder;
    private final EntityId startRoom;
    private final String filter;
    private final Duration budget;
    private final Consumer<ScriptTestResult> onResult;
    private final TestBudget watchdog = new TestBudget();

    private ScriptTestRunner(Builder b) {
        this.scriptsDir = b.scriptsDir;
        this.worldBuilder = b.worldBuilder;
        this.startRoom = b.startRoom;
        this.filter = b.filter;
        this.budget = b.budget;
        this.onResult = b.onResult;
    }

    /** A runner for the packs under {@code scriptsDir} (each a directory with a {@code pack.yaml}). */
    public static Builder builder(Path scriptsDir) {
        return new Builder(scriptsDir);
    }

    public static final class Builder {
        private final Path scriptsDir;
        private Consumer<World> worldBuilder = w -> { };
        private EntityId startRoom;
        private String filter = "";
        private Duration budget = DEFAULT_BUDGET;
        private Consumer<ScriptTestResult> onResult = r -> { };

        private Builder(Path scriptsDir) {
            this.scriptsDir = Objects.requireNonNull(scriptsDir, "scriptsDir");
        }

        /** Builds each test's world (e.g. {@code data::populate}); players start in {@code startRoom}. */
        public Builder world(Consumer<World> builder, EntityId startRoom) {
            this.worldBuilder = Objects.requireNonNull(builder, "builder");
            this.startRoom = startRoom;
            return this;
        }

        /** Runs only the tests whose full name, or whose file's path inside the pack, contains {@code text}. */
        public Builder filter(String text) {
            this.filter = text == null ? "" : text;
            return this;
        }

        /** The default CPU-time budget of a test. */
        public Builder budget(Duration perTest) {
            if (perTest.toMillis() < 1) {
                throw new IllegalArgumentException("the test budget must be at least 1 ms");
            }
            this.budget = perTest;
            return this;
        }

        /** Called with each result as soon as it is known, e.g. to print progress. */
        public Builder onResult(Consumer<ScriptTestResult> listener) {
            this.onResult = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public ScriptTestRunner build() {
            return new ScriptTestRunner(this);
        }
    }

    /** The names of the packs under the scripts directory, sorted. */
    public List<String> packs() {
        try (Stream<Path> list = Files.list(scriptsDir)) {
            return list.filter(d -> Files.isRegularFile(d.resolve(PackManifest.FILE)))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException(scriptsDir + ": cannot list packs: " + e.getMessage(), e);
        }
    }

    /**
     * Runs the tests of the named packs (all packs when {@code packNames} is empty), one after another on
     * the calling thread.
     *
     * @throws IllegalArgumentException if a named pack is not under the scripts directory
     */
    public ScriptTestReport run(List<String> packNames) {
        List<String> all = packs();
        for (String name : packNames) {
            if (!all.contains(name)) {
                throw new IllegalArgumentException("no pack '" + name + "' in " + scriptsDir + "; packs: "
                        + String.join(", ", all));
            }
        }
        List<ScriptTestResult> results = new ArrayList<>();
        if (all.isEmpty()) {
            return new ScriptTestReport(results);
        }
        Consumer<ScriptTestResult> record = r -> {
            results.add(r);
            onResult.accept(r);
        };
        try (TestWorld probe = newWorld(DEFAULT_SEED)) {
            probe.tick();
        } catch (PackLoadException | IllegalArgumentException | IllegalStateException e) {
            // Every test would fail the same way: say it once.
            record.accept(ScriptTestResult.failed("(packs)", scriptsDir, "loading the packs",
                    TestFailure.at(scriptsDir, "the packs do not load, so no test can run:\n" + e.getMessage()), 0));
            return new ScriptTestReport(results);
        }
        for (String name : packNames.isEmpty() ? all : packNames) {
            Path root = realPath(scriptsDir.resolve(name));
            for (Path file : testFiles(root)) {
                new TestFileRun(name, root, file).run(record);
            }
        }
        return new ScriptTestReport(results);
    }

    /** Every {@code *.test.js} file in the pack, in path order; hidden directories and node_modules are skipped. */
    static List<Path> testFiles(Path packRoot) {
        try (Stream<Path> walk = Files.walk(packRoot)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(TEST_SUFFIX) && Files.isRegularFile(p))
                    .filter(p -> !inSkippedDirectory(packRoot.relativize(p)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean inSkippedDirectory(Path inPack) {
        for (int i = 0; i < inPack.getNameCount() - 1; i++) {
            String part = inPack.getName(i).toString();
            if (part.startsWith(".") || part.equals("node_modules")) {
                return true;
            }
        }
        return false;
    }

    TestWorld newWorld(long seed) {
        TestWorld.Builder b = TestWorld.builder().config(ShardConfig.defaults().withSeed(seed)).world(worldBuilder)
                .scripts(scriptsDir);
        if (startRoom != null) {
            b.startRoom(startRoom);
        }
        return b.build();
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tests of one file: declared once to learn their names, then each run in a fresh evaluation. */
    private final class TestFileRun {
        private final String pack;
        private final Path root;
        private final Path file;

        TestFileRun(String pack, Path root, Path file) {
            this.pack = pack;
            this.root = root;
            this.file = file;
        }

        void run(Consumer<ScriptTestResult> record) {
            List<TestCase> cases;
            long started = System.nanoTime();
            try (TestModule module = open(DEFAULT_SEED)) {
                cases = module.declare(budget, budget);
            } catch (TestModule.Failed e) {
                record.accept(ScriptTestResult.failed(pack, file, "(test file)", e.failure(), millisSince(started)));
                return;
            }
            String inPack = root.relativize(file).toString();
            for (TestCase test : cases) {
                if (!filter.isEmpty() && !test.name().contains(filter) && !inPack.contains(filter)) {
                    continue;
                }
                record.accept(test.skip() ? ScriptTestResult.skipped(pack, file, test.name()) : runOne(test));
            }
        }

        private ScriptTestResult runOne(TestCase test) {
            long started = System.nanoTime();
            TestFailure failure;
            try (TestModule module = open(test.seed()); TestWorld world = newWorld(test.seed())) {
                List<TestCase> again = module.declare(test.budget(), budget);
                if (again.size() <= test.index() || !again.get(test.index()).name().equals(test.name())) {
                    failure = TestFailure.at(file, "the module declared different tests when evaluated again; "
                            + "declare tests the same way every time");
                } else {
                    failure = module.run(test, world, pack);
                }
            } catch (TestModule.Failed e) {
                failure = e.failure();
            } catch (PackLoadException e) {
                failure = TestFailure.at(file, "the packs did not load for this test: " + e.getMessage());
            }
            long millis = millisSince(started);
            return failure == null ? ScriptTestResult.passed(pack, file, test.name(), millis)
                    : ScriptTestResult.failed(pack, file, test.name(), failure, millis);
        }

        private TestModule open(long seed) {
            return TestModule.open(TestWorld.sharedEngine(), pack, root, file, seed,
                    ShardConfig.defaults().gameStart().toEpochMilli(), watchdog);
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    @Override
    public void close() {
        watchdog.close();
    }
}
