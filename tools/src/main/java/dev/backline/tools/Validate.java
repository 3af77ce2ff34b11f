package dev.backline.tools;

import dev.backline.content.Problem;
import dev.backline.content.WorldData;
import dev.backline.content.WorldDataException;
import dev.backline.content.WorldDataLoader;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code validate [dir] [--scripts DIR]}: checks a world data directory, then the packs of a scripts directory
 * over it ({@link PackCheck}), and prints every problem as {@code file:line: message}, then a summary. Exits 0 when the world is valid, 1 when it has problems, 2 on a usage error.
 *
 * <pre>{@code
 * $ validate world-data
 * world-data/zones/downtown/rooms.yaml:14: exit 'north' leads to unknown room 'downtown:nowhere'
 * world-data: 1 problem
 * }</pre>
 */
public final class Validate {
    static final int VALID = 0;
    static final int PROBLEMS = 1;
    static final int USAGE = 2;

    private static final String DEFAULT_DIR = "world-data";
    private static final String DEFAULT_SCRIPTS = "scripts";
    /** The command line, parsed and described (usage, --help) by picocli. */
    @Command(name = "validate", customSynopsis = "validate [dir] [--scripts DIR]", sortOptions = false,
            description = "Checks the world data in dir (default: world-data), then loads every pack of the scripts "
                    + "directory over it as the server does (manifest, API version, every module, the pack's own "
                    + "check() of its references), and prints every problem as file:line: message. Exits 0 if all is "
                    + "valid, 1 if there are problems, 2 on bad usage.")
    static final class Arguments {
        @Parameters(paramLabel = "dir", arity = "0..1", description = "the world data directory (default: world-data)")
        String dir;

        @Option(names = "--scripts", paramLabel = "DIR", description = "the packs to check (default: scripts, when it exists)")
        String scripts;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
        boolean help;
    }

    private Validate() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), Path.of("").toAbsolutePath(), System.out, System.err));
    }

    /**
     * The whole tool, minus {@code System.exit}: returns the exit code.
     *
     * @param workingDir problem paths are printed relative to it where possible
     */
    static int run(List<String> args, Path workingDir, PrintStream out, PrintStream err) {
        Arguments parsed = new Arguments();
        CommandLine cl = new CommandLine(parsed);
        try {
            cl.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            err.println("validate: " + e.getMessage());
            err.print(cl.getUsageMessage(CommandLine.Help.Ansi.OFF));
            return USAGE;
        }
        if (cl.isUsageHelpRequested()) {
            out.print(cl.getUsageMessage(CommandLine.Help.Ansi.OFF));
            return VALID;
        }
        String scriptsArg = parsed.scripts;
        Path dir = workingDir.resolve(parsed.dir == null ? DEFAULT_DIR : parsed.dir);
        Path scripts = scriptsArg != null ? workingDir.resolve(scriptsArg)
                : Files.isDirectory(workingDir.resolve(DEFAULT_SCRIPTS)) ? workingDir.resolve(DEFAULT_SCRIPTS) : null;
        String name = shortName(dir, workingDir);
        try {
            WorldData data = WorldDataLoader.load(dir);
            out.println(name + ": " + count(data.rooms().size(), "room") + " in " + count(data.zones().size(), "zone")
                    + (data.templates().isEmpty() ? "" : ", " + count(data.templates().size(), "item template") + ", "
                            + count(data.items().size(), "placed item"))
                    + ", no problems");
            return scripts == null ? VALID : checkPacks(data, scripts, workingDir, out);
        } catch (WorldDataException e) {
            for (Problem problem : e.problems()) {
                out.println(problem.relativeTo(workingDir));
            }
            out.println(name + ": " + count(e.problems().size(), "problem"));
            return PROBLEMS;
        }
    }

    private static int checkPacks(WorldData data, Path scripts, Path workingDir, PrintStream out) {
        PackCheck.Result result = PackCheck.run(data, scripts, workingDir);
        result.problems().forEach(out::println);
        String name = shortName(scripts, workingDir);
        if (result.problems().isEmpty()) {
            out.println(name + ": " + count(result.packs().size(), "pack") + " (" + String.join(", ", result.packs())
                    + "), no problems");
            return VALID;
        }
        out.println(name + ": " + count(result.problems().size(), "problem"));
        return PROBLEMS;
    }

    /** The directory as the user would write it from the working directory, where it lies inside it. */
    private static String shortName(Path dir, Path workingDir) {
        Path absolute = dir.toAbsolutePath().normalize();
        Path base = workingDir.toAbsolutePath().normalize();
        return absolute.startsWith(base) && !absolute.equals(base) ? base.relativize(absolute).toString() : dir.toString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
