package dev.backline.tools;

import dev.backline.content.WorldData;
import dev.backline.script.PackLoadException;
import dev.backline.script.ScriptFault;
import dev.backline.script.testing.TestWorld;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The pack half of {@code validate}: loads every pack of a scripts directory over the world data exactly as the
 * server does at start-up (manifest and API version, every module evaluated, {@code register}, the pack's own
 * {@code check()} with its cross-references to rooms, items, NPCs and quests), and lists what failed as
 * {@code file:line:column: message}.
 */
final class PackCheck {
    /** What was checked: the packs found, and every problem (empty when they all load). */
    record Result(List<String> packs, List<String> problems) {
    }

    private PackCheck() {
    }

    static Result run(WorldData data, Path scriptsDir, Path workingDir) {
        List<String> packs = packDirectories(scriptsDir);
        try (TestWorld world = TestWorld.builder().world(data::populate).startRoom(data.startRoom()).scripts(scriptsDir).build()) {
            return new Result(packs, List.of());
        } catch (PackLoadException e) {
            return new Result(packs, problems(e, scriptsDir, workingDir));
        }
    }

    private static List<String> problems(PackLoadException e, Path scriptsDir, Path workingDir) {
        if (e.faults().isEmpty()) {
            return e.getMessage().lines().filter(l -> !l.isBlank()).toList();
        }
        List<String> lines = new ArrayList<>();
        for (ScriptFault f : e.faults()) {
            Path file = scriptsDir.resolve(f.pack()).resolve(f.file() == null ? "" : f.file());
            Path shown = file.toAbsolutePath().normalize().startsWith(workingDir.toAbsolutePath().normalize())
                    ? workingDir.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()) : file;
            String where = shown + (f.line() > 0 ? ":" + f.line() + (f.column() > 0 ? ":" + f.column() : "") : "");
            lines.add(where + ": " + f.message() + " (in " + f.hook() + ")");
        }
        return lines;
    }

    private static List<String> packDirectories(Path scriptsDir) {
        try (Stream<Path> dirs = Files.list(scriptsDir)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("pack.yaml"))).map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
