package dev.backline.tools;

import dev.backline.content.Problem;
import dev.backline.content.WorldData;
import dev.backline.content.WorldDataException;
import dev.backline.content.WorldDataLoader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code validate [dir]}: checks a world data directory and prints every problem as {@code file:line: message},
 * then a summary. Exits 0 when the world is valid, 1 when it has problems, 2 on a usage error.
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
    private static final String USAGE_TEXT = """
            Usage: validate [dir]
              Checks the world data in dir (default: world-data) and prints every problem as
              file:line: message. Exits 0 if the world is valid, 1 if it has problems, 2 on bad usage.
            Options:
              -h, --help   show this help
            """;

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
        if (args.contains("-h") || args.contains("--help")) {
            out.print(USAGE_TEXT);
            return VALID;
        }
        List<String> options = args.stream().filter(a -> a.startsWith("-")).toList();
        if (!options.isEmpty() || args.size() > 1) {
            err.println(options.isEmpty() ? "validate takes at most one directory, not " + args.size()
                    : "unknown option '" + options.getFirst() + "'");
            err.print(USAGE_TEXT);
            return USAGE;
        }
        Path dir = workingDir.resolve(args.isEmpty() ? DEFAULT_DIR : args.getFirst());
        String name = shortName(dir, workingDir);
        try {
            WorldData data = WorldDataLoader.load(dir);
            out.println(name + ": " + count(data.rooms().size(), "room") + " in " + count(data.zones().size(), "zone")
                    + (data.templates().isEmpty() ? "" : ", " + count(data.templates().size(), "item template") + ", "
                            + count(data.items().size(), "placed item"))
                    + ", no problems");
            return VALID;
        } catch (WorldDataException e) {
            for (Problem problem : e.problems()) {
                out.println(problem.relativeTo(workingDir));
            }
            out.println(name + ": " + count(e.problems().size(), "problem"));
            return PROBLEMS;
        }
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
