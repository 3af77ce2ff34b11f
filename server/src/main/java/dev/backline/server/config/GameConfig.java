package dev.backline.server.config;

import dev.backline.script.QuarantinePolicy;
import dev.backline.script.ScriptLimits;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the game comes from: the world data directory, the directory of script packs, the time budgets
 * of script calls, when a misbehaving pack is quarantined, and whether pack files are watched and
 * reloaded when they change (development mode).
 */
public record GameConfig(Path worldDir, Path scriptsDir, ScriptLimits scriptLimits, QuarantinePolicy quarantine,
                         boolean watchFiles) {
    public GameConfig {
        Objects.requireNonNull(worldDir, "worldDir");
        Objects.requireNonNull(scriptsDir, "scriptsDir");
        Objects.requireNonNull(scriptLimits, "scriptLimits");
        Objects.requireNonNull(quarantine, "quarantine");
    }

    /** The reference game, read from the source tree (the server runs from the repository root). */
    public static GameConfig defaults() {
        return new GameConfig(Path.of("world-data"), Path.of("scripts"), ScriptLimits.defaults(), QuarantinePolicy.defaults(), false);
    }
}
