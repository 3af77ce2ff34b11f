package dev.backline.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A small valid world written to a directory, which tests then break one file at a time. */
final class WorldFiles {
    static final String WORLD = """
            name: Test World
            start: town:square
            zones: [town, woods]
            """;
    static final String TOWN_ROOMS = """
            - id: square
              name: Square
              description: The town square.
              exits:
                north: inn
                east: woods:edge
              tags: [outdoors, busy]
              properties:
                fountain: {wishes: 3, coins: [1, 2.5], dry: false, owner: null}
            - id: inn
              name: The Inn
              description: |
                Warm and loud.
                Smells of soup.
              exits:
                south: square
            """;
    static final String WOODS_ROOMS = """
            - id: edge
              name: Wood's Edge
              description: Trees.
              exits:
                west: town:square
                down: {to: burrow, oneWay: true}
            - id: burrow
              name: Burrow
              description: Dark.
              exits: {}
            """;

    private final Path dir;

    private WorldFiles(Path dir) {
        this.dir = dir;
    }

    /** The valid world, written to {@code dir}. */
    static WorldFiles valid(Path dir) {
        WorldFiles files = new WorldFiles(dir);
        files.write("world.yaml", WORLD);
        files.write("zones/town/zone.yaml", "name: Town\ndescription: A small town.\n");
        files.write("zones/town/rooms.yaml", TOWN_ROOMS);
        files.write("zones/woods/zone.yaml", "name: The Woods\ndescription: Old trees.\n");
        files.write("zones/woods/rooms.yaml", WOODS_ROOMS);
        return files;
    }

    WorldFiles write(String file, String content) {
        try {
            Path path = dir.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WorldFiles delete(String file) {
        try {
            Files.delete(dir.resolve(file));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The problems as printed, {@code file:line: message}. */
    List<String> problems() {
        return WorldDataLoader.validate(dir).stream().map(Problem::toString).toList();
    }

    /** The expected text of a problem in {@code file} (relative to the world directory). */
    String at(String file, int line, String message) {
        return dir.resolve(file) + ":" + line + ": " + message;
    }
}
