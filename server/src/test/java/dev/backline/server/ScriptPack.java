package dev.backline.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a one-module test pack ({@code <scripts>/<name>/pack.yaml} and {@code main.js}) for server tests. */
final class ScriptPack {
    private ScriptPack() {
    }

    static Path write(Path scriptsDir, String name, String version, String mainJs) {
        try {
            Path dir = Files.createDirectories(scriptsDir.resolve(name));
            Files.writeString(dir.resolve("pack.yaml"),
                    "name: " + name + "\nversion: " + version + "\napiVersion: 1\nentry: main.js\n");
            Files.writeString(dir.resolve("main.js"), mainJs);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
