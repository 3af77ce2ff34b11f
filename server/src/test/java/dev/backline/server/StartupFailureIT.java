package dev.backline.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production start-up when something cannot start: the server now listens while the packs load, so a
 * pack that does not load must still end the process with the pack's file:line, close the listener and
 * stop the embedded database, so that the next start (fixed) works on the same data directory.
 */
class StartupFailureIT {
    @TempDir
    Path scripts;

    @Test
    void aBrokenPackEndsTheProcessCleanlyAndTheFixedOneStarts() throws Exception {
        ScriptPack.write(scripts, "broken", "1.0.0", """
                export function register(pack) {
                  pack.command({ name: 'ok', help: 'Fine.', run: (ctx) => ctx.reply('ok') });
                }
                const oops = undefinedThing.value;
                """);
        Path dataDir = Files.createTempDirectory("backline-startup-failure");

        ChildServer.Exit exit = ChildServer.startExpectingExit(dataDir, Map.of("BACKLINE_SCRIPTS_DIR", scripts.toString()));

        assertThat(exit.status()).isEqualTo(1);
        assertThat(exit.log()).contains("the game did not load").contains("broken/main.js:4").doesNotContain("Backline is up");
        assertThat(dataDir.resolve("postgres/postmaster.pid")).as("the embedded database was stopped").doesNotExist();

        ScriptPack.write(scripts, "broken", "1.0.1", """
                export function register(pack) {
                  pack.command({ name: 'ok', help: 'Fine.', run: (ctx) => ctx.reply('ok') });
                }
                """);
        try (ChildServer server = ChildServer.start(dataDir, Map.of("BACKLINE_SCRIPTS_DIR", scripts.toString()))) {
            assertThat(TestClient.get(server.base(), "/health/ready").statusCode()).isEqualTo(200);
            server.stop();
        }
    }
}
