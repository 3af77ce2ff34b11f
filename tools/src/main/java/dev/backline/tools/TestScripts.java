package dev.backline.tools;

import dev.backline.content.Problem;
import dev.backline.content.WorldData;
import dev.backline.content.WorldDataException;
import dev.backline.content.WorldDataLoader;
import dev.backline.script.PackManifest;
import dev.backline.script.testing.ScriptTestReport;
import dev.backline.script.testing.ScriptTestResult;
import dev.backline.script.testing.ScriptTestRunner;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code test-scripts [pack...]}: runs the packs' script tests ({@code *.test.js}) and prints one line per
 * test, failures with {@code file:line:column: message}, then {@code N passed, N failed}. Exits 0 when
 * every test passed, 1 when one failed (or the world data is broken, or a filter matched nothing), 2 on
 * a usage error.
 *
 * <pre>{@code
 * $ test-scripts backline-city
 * backline-city/tests/look.test.js
 *   ✓ look shows the start room
 *   ✗ look at a direction
 *       scripts/backline-city/tests/look.test.js:14:5: expected "There is no way up." to contain "stairs"
 *
 * 1 passed, 1 failed
 * }</pre>
 */
public final class TestScripts {
    static final int PASSED = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    /** The command line, parsed and described (usage, --help) by picocli. */
    @Command(name = "test-scripts", customSynopsis = "test-scripts [options] [pack...]", sortOptions = false,
            description = "Runs the script tests (*.test.js) of the named packs (default: every pack in the scripts "
                    + "directory); a pack is named by its name or its directory. Each test gets a fresh world with "
                    + "every pack loaded. Exits 0 if all pass, 1 if any fails, 2 on bad usage.")
    static final class Arguments {
        @Parameters(paramLabel = "pack", arity = "0..*", description = "packs to test (default: all)")
        List<String> packs = new ArrayList<>();

        @Option(names = "--scripts", paramLabel = "DIR", description = "the directory of packs (default: scripts)")
        String scripts;

        @Option(names = "--world", paramLabel = "DIR", description = "the world data to build each test's world from (default: world-data)")
        String world;

        @Option(names = "--filter", paramLabel = "TEXT",
                description = "run only the tests whose name, or whose file's path in the pack, contains TEXT")
        String filter;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
        boolean help;
    }

    private static final String USAGE_TEXT = new CommandLine(new Arguments()).getUsageMessage(CommandLine.Help.Ansi.OFF);

    // Held so the configuration is not garbage-collected with the loggers (java.util.logging keeps them weakly).
    private static final List<Logger> QUIETED = new ArrayList<>();

    private TestScripts() {
    }

    /** What the command line asked for. */
    record Options(List<String> packs, Path scripts, Path world, String filter, boolean help) {
        static final String DEFAULT_SCRIPTS = "scripts";
        static final String DEFAULT_WORLD = "world-data";

        Options {
            packs = List.copyOf(packs);
        }

        /** @throws IllegalArgumentException with a message for the user, on bad usage */
        static Options parse(List<String> args) {
            Arguments a = new Arguments();
            CommandLine cl = new CommandLine(a);
            try {
                cl.parseArgs(args.toArray(String[]::new));
            } catch (CommandLine.ParameterException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
            for (String[] option : new String[][] {{"--scripts", a.scripts}, {"--world", a.world}, {"--filter", a.filter}}) {
                if (option[1] != null && option[1].isEmpty()) {
                    throw new IllegalArgumentException("option '" + option[0] + "' needs a value");
                }
            }
            return new Options(a.packs, a.scripts == null ? null : Path.of(a.scripts),
                    Path.of(a.world == null ? DEFAULT_WORLD : a.world), a.filter == null ? "" : a.filter, cl.isUsageHelpRequested());
        }
    }

    public static void main(String[] args) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%5$s%6$s%n");
        quietEngineLogs();
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(List.of(args), Path.of("").toAbsolutePath(), out, err));
    }

    /**
     * The whole tool, minus {@code System.exit} and logging set-up: returns the exit code.
     *
     * @param workingDir relative paths are resolved, and printed, against it
     */
    static int run(List<String> args, Path workingDir, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            return usageError(err, e.getMessage());
        }
        if (options.help()) {
            out.print(USAGE_TEXT);
            return PASSED;
        }
        Path scripts;
        List<String> packs = new ArrayList<>();
        try {
            scripts = scriptsDir(options, workingDir, packs);
        } catch (IllegalArgumentException e) {
            return usageError(err, e.getMessage());
        }
        Path worldDir = workingDir.resolve(options.world());
        if (!Files.isDirectory(worldDir)) {
            return usageError(err, "no world data directory " + worldDir);
        }
        WorldData data;
        try {
            data = WorldDataLoader.load(worldDir);
        } catch (WorldDataException e) {
            for (Problem problem : e.problems()) {
                out.println(problem.relativeTo(workingDir));
            }
            out.println("the world data has problems, so no test can run");
            return FAILED;
        }
        ResultPrinter printer = new ResultPrinter(out, workingDir, scripts);
        ScriptTestReport report;
        try (ScriptTestRunner runner = ScriptTestRunner.builder(scripts).world(data::populate, data.startRoom())
                .filter(options.filter()).onResult(printer::print).build()) {
            if (runner.packs().isEmpty()) {
                return usageError(err, "no packs in " + scripts + " (a pack is a directory with a " + PackManifest.FILE + ")");
            }
            report = runner.run(packs);
            for (String pack : packs.isEmpty() ? runner.packs() : packs) {
                if (report.results().stream().noneMatch(r -> r.pack().equals(pack))) {
                    out.println(pack + ": no tests" + (options.filter().isEmpty() ? " (*.test.js)" : " matched"));
                }
            }
        } catch (IllegalArgumentException e) {
            return usageError(err, e.getMessage());
        }
        out.println();
        if (report.skipped() > 0) {
            out.println(report.skipped() + " skipped");
        }
        out.println(report.summary());
        boolean nothingMatched = !options.filter().isEmpty() && report.results().isEmpty();
        if (nothingMatched) {
            err.println("no test matched --filter '" + options.filter() + "'");
        }
        return report.ok() && !nothingMatched ? PASSED : FAILED;
    }

    /**
     * The scripts directory, and the names of the packs to test added to {@code packs}. A pack given as a
     * directory (as the launcher passes paths) names its pack, and its parent is the scripts directory.
     */
    private static Path scriptsDir(Options options, Path workingDir, List<String> packs) {
        Path given = options.scripts() == null ? null : workingDir.resolve(options.scripts()).normalize();
        Set<Path> parents = new LinkedHashSet<>();
        for (String pack : options.packs()) {
            if (!pack.contains("/")) {
                packs.add(pack);
                continue;
            }
            Path dir = workingDir.resolve(pack).normalize();
            if (!Files.isRegularFile(dir.resolve(PackManifest.FILE))) {
                throw new IllegalArgumentException("'" + pack + "' is not a pack directory (it has no " + PackManifest.FILE + ")");
            }
            parents.add(dir.getParent());
            packs.add(dir.getFileName().toString());
        }
        Path scripts = given != null ? given
                : parents.size() == 1 ? parents.iterator().next() : workingDir.resolve(Options.DEFAULT_SCRIPTS);
        if (parents.size() > 1 || !parents.isEmpty() && !parents.contains(scripts)) {
            throw new IllegalArgumentException("the packs to test must all be in one scripts directory (" + scripts + ")");
        }
        if (!Files.isDirectory(scripts)) {
            throw new IllegalArgumentException("no scripts directory " + scripts);
        }
        return scripts;
    }

    private static int usageError(PrintStream err, String message) {
        err.println("test-scripts: " + message);
        err.print(USAGE_TEXT);
        return USAGE;
    }

    /** Loading a pack is logged for every test's world, and script errors are in the results: keep the packs' console only. */
    private static void quietEngineLogs() {
        Logger backline = Logger.getLogger("backline");
        backline.setLevel(Level.WARNING);
        Logger script = Logger.getLogger("backline.script");
        script.setLevel(Level.OFF);
        Logger console = Logger.getLogger("backline.script.console");
        console.setLevel(Level.INFO);
        QUIETED.addAll(List.of(backline, script, console));
    }

    /** Prints each result as it comes, under a heading per test file. */
    private static final class ResultPrinter {
        private final PrintStream out;
        private final Path workingDir;
        private final Path scripts;
        private Path currentFile;

        ResultPrinter(PrintStream out, Path workingDir, Path scripts) {
            this.out = out;
            this.workingDir = workingDir;
            this.scripts = scripts;
        }

        void print(ScriptTestResult r) {
            if (!r.file().equals(currentFile)) {
                currentFile = r.file();
                Path file = r.file().toAbsolutePath().normalize();
                Path base = scripts.toAbsolutePath().normalize();
                out.println(file.startsWith(base) && !file.equals(base) ? base.relativize(file) : r.location(workingDir));
            }
            String time = r.millis() >= 1000 ? " (" + r.millis() + " ms)" : "";
            switch (r.status()) {
                case PASSED -> out.println("  ✓ " + r.name() + time);
                case SKIPPED -> out.println("  - " + r.name() + " (skipped)");
                case FAILED -> {
                    out.println("  ✗ " + r.name() + time);
                    out.println("      " + r.location(workingDir) + ": " + r.message().replace("\n", "\n        "));
                }
            }
        }
    }
}
