package dev.backline.content;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A place in a data file: the file and a 1-based line. Prints as {@code file:line}, the shape editors and
 * terminals turn into links.
 *
 * <pre>{@code SourceLocation.of(Path.of("world-data/world.yaml"), 3)  // world-data/world.yaml:3}</pre>
 */
public record SourceLocation(Path file, int line) {

    public SourceLocation {
        Objects.requireNonNull(file, "file");
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more, not " + line);
        }
    }

    public static SourceLocation of(Path file, int line) {
        return new SourceLocation(file, line);
    }

    /**
     * The same place with the file named relative to {@code dir} when the file lies inside it; otherwise
     * unchanged. Used to print short paths relative to the working directory.
     */
    public SourceLocation relativeTo(Path dir) {
        Path base = dir.toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        if (!absolute.startsWith(base) || absolute.equals(base)) {
            return this;
        }
        return new SourceLocation(base.relativize(absolute), line);
    }

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
