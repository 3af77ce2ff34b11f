package dev.backline.script;

import dev.backline.world.EntityId;
import dev.backline.world.EntitySpec;
import dev.backline.world.World;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes small packs to a temporary directory for runtime tests. */
final class TestPacks {
    private TestPacks() {
    }

    /** Writes {@code scripts/<name>/pack.yaml} with entry main.js, plus the given files. */
    static Path pack(Path scriptsDir, String name, Map<String, String> files) {
        try {
            Path dir = Files.createDirectories(scriptsDir.resolve(name));
            Files.writeString(dir.resolve("pack.yaml"), """
                    name: %s
                    version: 1.0.0
                    apiVersion: 1
                    entry: main.js
                    """.formatted(name));
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path file = dir.resolve(f.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, f.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Two rooms joined north/south. */
    static void twoRooms(World world) {
        world.create(EntitySpec.of(EntityId.of("test:hall"), "room").withProperty("name", "Hall")
                .withProperty("exits", Map.of("north", "test:yard")));
        world.create(EntitySpec.of(EntityId.of("test:yard"), "room").withProperty("name", "Yard")
                .withProperty("exits", Map.of("south", "test:hall")));
    }
}
