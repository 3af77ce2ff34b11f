package dev.backline.tools.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** The files a benchmark run works on: the server's build, a throw-away copy of a pack, its log. */
final class BenchFiles {
    private BenchFiles() {
    }

    /**
     * The server's class path from its build: {@code server/target/classes} and the
     * {@code runtime-classpath.txt} the build writes beside it.
     *
     * @throws IllegalStateException naming the command to run when the server is not built
     */
    static String serverClasspath(Path repo) throws IOException {
        Path classes = repo.resolve("server/target/classes");
        Path deps = repo.resolve("server/target/runtime-classpath.txt");
        if (!Files.isDirectory(classes) || !Files.isRegularFile(deps)) {
            throw new IllegalStateException("no server build in " + repo + "/server/target: run it through ./backline, "
                    + "which builds it, or ./mvnw -pl server -am package -DskipTests");
        }
        return classes + java.io.File.pathSeparator + Files.readString(deps, StandardCharsets.UTF_8).strip();
    }

    /**
     * Copies the pack {@code pack} (a directory with a {@code pack.yaml}) from {@code scripts} into {@code to}
     * and returns the copy's directory. Only that pack is copied, so no other pack's files are touched.
     */
    static Path copyPack(Path scripts, Path to, String pack) throws IOException {
        Path from = scripts.resolve(pack);
        if (!Files.isRegularFile(from.resolve("pack.yaml"))) {
            throw new IllegalArgumentException("no pack '" + pack + "' in " + scripts + " (a pack is a directory with a pack.yaml)");
        }
        Path copy = to.resolve(pack);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = copy.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return copy;
    }

    /** The first line of {@code file} containing {@code text}, without its log prefix; "unknown" if none. */
    static String firstLineContaining(Path file, String text) throws IOException {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains(text)).findFirst().map(l -> l.substring(l.indexOf(text))).orElse("unknown");
        }
    }

    /** A benchmark's temporary directory at its end: kept (and said so, for a look at the logs) or deleted. */
    static void release(Path temp, boolean keep, Consumer<String> say) {
        if (keep) {
            say.accept("bench: kept " + temp);
        } else {
            deleteTree(temp);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("bench: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
