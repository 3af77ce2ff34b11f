package dev.backline.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backline.script.testing.TestPlayer;
import dev.backline.script.testing.TestWorld;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Escape suite, part 4: module loading. A pack's {@code import()} reaches the files of its own directory
 * and nothing else: not the host's files by absolute path, {@code ..} or {@code file:} URL, not another
 * pack, not the network, and not through a symbolic link. Two positive cases show the refusals are not a
 * blanket ban on imports.
 */
class EscapeImportTest {
    @TempDir
    Path scripts;

    private Path probeDir;

    @BeforeEach
    void packs() throws IOException {
        TestPacks.pack(scripts, "other", Map.of("main.js", "export function register(pack) {}\n",
                "secret.js", "export const secret = 'other pack secret';\n",
                "data.json", "{\"secret\": \"other pack data\"}\n"));
        Files.writeString(scripts.resolve("outside.js"), "export const secret = 'host secret';\n");
        probeDir = ProbePack.write(scripts, Map.of(), """
                pack.command({ name: 'imp', help: 'Imports a module.', run: async (ctx) => {
                  let answer;
                  try { answer = 'loaded ' + JSON.stringify(await import(ctx.args)); } catch (e) { answer = blocked(e); }
                  ctx.reply(answer);
                }});
                pack.command({ name: 'impjson', help: 'Imports a JSON module.', run: async (ctx) => {
                  let answer;
                  try { answer = 'loaded ' + JSON.stringify((await import(ctx.args, { with: { type: 'json' } })).default); }
                  catch (e) { answer = blocked(e); }
                  ctx.reply(answer);
                }});
                pack.command({ name: 'whereami', help: 'Says where its module is.', run: (ctx) =>
                  ctx.reply(import.meta.url + '\\n' + new Error('here').stack) });""", "");
        Files.writeString(probeDir.resolve("inner.js"), "export const inner = 'mine';\n");
        Files.writeString(probeDir.resolve("data.json"), "{\"mine\": true}\n");
        Files.createDirectories(probeDir.resolve("sub"));
        Files.createSymbolicLink(probeDir.resolve("escape.js"), scripts.resolve("outside.js"));
        Files.createSymbolicLink(probeDir.resolve("otherpack"), scripts.resolve("other"));
        Files.createSymbolicLink(probeDir.resolve("innerlink.js"), probeDir.resolve("inner.js"));
        Files.createSymbolicLink(probeDir.resolve("etc"), Path.of("/etc"));
    }

    /** Has the probe pack import {@code specifier} with {@code command} ({@code imp} or {@code impjson}). */
    private static String importing(TestPlayer player, String command, String specifier) {
        return player.say(command + " " + specifier);
    }

    private TestWorld world() {
        return ProbePack.world(scripts);
    }

    static Stream<Arguments> refusedImports() {
        return Stream.of(
                Arguments.of("absolute host path", "imp", "/etc/hostname", "is outside the pack"),
                Arguments.of("parent directories", "imp", "../../../../../../etc/hostname", "is outside the pack"),
                Arguments.of("another pack", "imp", "../other/secret.js", "is outside the pack"),
                Arguments.of("another pack behind ./", "imp", "./sub/../../other/secret.js", "is outside the pack"),
                Arguments.of("another pack's JSON", "impjson", "../other/data.json", "is outside the pack"),
                Arguments.of("a host file next to the packs", "imp", "../outside.js", "is outside the pack"),
                Arguments.of("file: URL", "imp", "file:///etc/hostname", "is outside the pack"),
                Arguments.of("file: URL of another pack", "imp", "file://SCRIPTS/other/secret.js", "is outside the pack"),
                Arguments.of("http: URL", "imp", "http://127.0.0.1:9/evil.js", "not allowed"),
                Arguments.of("https: URL", "imp", "https://example.com/evil.js", "not allowed"),
                Arguments.of("node: built-in", "imp", "node:fs", "not allowed"),
                Arguments.of("bare module name", "imp", "fs", "Cannot find module"),
                Arguments.of("symbolic link to a host file", "imp", "./escape.js", "links outside the pack"),
                Arguments.of("symbolic link to another pack", "imp", "./otherpack/secret.js", "links outside the pack"),
                Arguments.of("symbolic link to /etc", "imp", "./etc/passwd", "links outside the pack"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedImports")
    void anImportLeavingThePackIsRefused(String what, String command, String target, String reason) throws IOException {
        try (TestWorld w = world()) {
            TestPlayer mallory = w.join("Mallory");

            String answer = importing(mallory, command, target.replace("SCRIPTS", scripts.toRealPath().toString()));

            assertThat(answer).startsWith("blocked: ").contains(reason)
                    .doesNotContain("loaded").doesNotContain("pack secret").doesNotContain("host secret");
            Bystander.assertCarriesOn(w, mallory);
        }
    }

    @Test
    void scriptsSeeTheirPackUnderAVirtualRootAndNeverTheHostsDirectories() throws IOException {
        try (TestWorld w = world()) {
            TestPlayer mallory = w.join("Mallory");

            String answer = mallory.say("whereami");

            assertThat(answer).startsWith("file:///" + ProbePack.NAME + "/main.js\n")
                    .contains("/" + ProbePack.NAME + "/main.js:")
                    .doesNotContain(scripts.toRealPath().toString()).doesNotContain(scripts.toString());
            assertThat(importing(mallory, "imp", "/" + ProbePack.NAME + "/inner.js"))
                    .as("the virtual root is the pack itself").isEqualTo("loaded {\"inner\":\"mine\"}");
            assertThat(importing(mallory, "imp", "file://" + scripts.toRealPath() + "/" + ProbePack.NAME + "/inner.js"))
                    .as("the real directory is not a way in either").startsWith("blocked: ").contains("is outside the pack");
        }
    }

    @Test
    void aDataUrlIsNotAWayToEvaluateCode() {
        try (TestWorld w = world()) {
            TestPlayer mallory = w.join("Mallory");

            assertThat(importing(mallory, "imp", "data:text/javascript,export%20default%20Java")).startsWith("blocked: ");
            Bystander.assertCarriesOn(w, mallory);
        }
    }

    @Test
    void theSamePacksFilesStillImportIncludingThroughALinkThatStaysInside() {
        try (TestWorld w = world()) {
            TestPlayer mallory = w.join("Mallory");

            assertThat(importing(mallory, "imp", "./inner.js")).isEqualTo("loaded {\"inner\":\"mine\"}");
            assertThat(importing(mallory, "imp", "./sub/../inner.js")).isEqualTo("loaded {\"inner\":\"mine\"}");
            assertThat(importing(mallory, "imp", "./innerlink.js")).isEqualTo("loaded {\"inner\":\"mine\"}");
            assertThat(importing(mallory, "impjson", "./data.json")).isEqualTo("loaded {\"mine\":true}");
            Bystander.assertCarriesOn(w, mallory);
        }
    }

    @Test
    void aStaticImportOfAnotherPackFailsTheLoadAndTheRunningGenerationStays() throws IOException {
        try (TestWorld w = world()) {
            TestPlayer mallory = w.join("Mallory");
            Files.writeString(probeDir.resolve("main.js"), """
                    import { secret } from '../other/secret.js';
                    export function register(pack) {
                      pack.command({ name: 'leak', help: 'Leaks.', run: (ctx) => ctx.reply(secret) });
                    }
                    """);

            ReloadReport report = w.reload(ProbePack.NAME);

            assertThat(report.ok()).isFalse();
            assertThat(String.join("\n", report.errors())).contains("outside the pack");
            assertThat(report.generation()).isEqualTo(1);
            assertThat(w.shard().commands().resolve("leak")).as("the refused generation never came in").isEmpty();
            assertThat(importing(mallory, "imp", "./inner.js")).as("the old generation still runs").isEqualTo("loaded {\"inner\":\"mine\"}");
            Bystander.assertCarriesOn(w, mallory);
        }
    }
}
