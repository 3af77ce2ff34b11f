package dev.backline.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The browser client end to end: the real server with the reference game, and Debian's headless
 * Chromium driven by playwright-core from the Node scripts in {@code src/test/browser/scenarios}, one
 * process per scenario. A scenario prints {@code ok <name>} and exits 0, or prints why it failed (and
 * leaves a screenshot in {@code target/browser}) and exits 1. {@code ./backline test} installs Chromium
 * and the Node package first; run alone, this test says what is missing.
 *
 * <p>The screenshots scenario writes to {@code target/browser}; to refresh the README's pictures run it with
 * {@code -Dbrowser.screenshots=../docs/screenshots}.
 */
class BrowserClientIT {
    private static final Path SCRIPTS = Path.of("src/test/browser").toAbsolutePath();
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final Path OUT = Path.of("target/browser").toAbsolutePath();
    private static final long SCENARIO_SECONDS = 120;

    private static RunningGame running;

    @BeforeAll
    static void start() {
        assertThat(CHROMIUM).as("Debian's Chromium at %s: `./backline test` installs it (apt-get install chromium)", CHROMIUM)
                .isExecutable();
        assertThat(SCRIPTS.resolve("node_modules/playwright-core"))
                .as("playwright-core: `./backline test` installs it (npm ci in %s)", SCRIPTS).isDirectory();
        running = RunningGame.start();
    }

    @AfterAll
    static void stop() {
        if (running != null) {
            running.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"register", "login", "move", "speak", "stat-update", "reconnect", "panels"})
    void scenario(String name) {
        runScenario(name, OUT);
    }

    @Test
    void screenshotsOfTheMainScreensAtDesktopAndPhoneWidth() throws IOException {
        Path out = Path.of(System.getProperty("browser.screenshots", OUT.resolve("screenshots").toString())).toAbsolutePath();
        for (String png : List.of("login-desktop.png", "game-desktop.png", "login-phone.png", "game-phone.png")) {
            Files.deleteIfExists(out.resolve(png));
        }
        runScenario("screenshots", out);
        for (String png : List.of("login-desktop.png", "game-desktop.png", "login-phone.png", "game-phone.png")) {
            assertThat(out.resolve(png)).as("screenshot %s", png).isNotEmptyFile();
        }
    }

    @Test
    void theClientIsServedAtTheRootWithoutHidingTheApi() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = get(http, "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("<title>Backline</title>", "js/main.js");
        HttpResponse<String> module = get(http, "/js/main.js");
        assertThat(module.statusCode()).isEqualTo(200);
        assertThat(module.headers().firstValue("content-type")).as("ES modules need a JavaScript type")
                .hasValueSatisfying(t -> assertThat(t).contains("javascript"));
        String etag = module.headers().firstValue("etag").orElseThrow();
        HttpResponse<String> cached = http.send(HttpRequest.newBuilder(running.base().resolve("/js/main.js"))
                .header("If-None-Match", etag).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(cached.statusCode()).as("a reload revalidates instead of downloading again").isEqualTo(304);
        assertThat(cached.body()).isEmpty();
        assertThat(get(http, "/health").body()).contains("\"status\":\"UP\"");
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(running.base().resolve("/api/sessions"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"nobody\",\"password\":\"nothing-at-all\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).as("the API still answers under /").isEqualTo(401);
        assertThat(get(http, "/no-such-file.js").statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> get(HttpClient http, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(running.base().resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void runScenario(String name, Path out) {
        URI base = running.base();
        Path log = OUT.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder("node", "scenarios/" + name + ".mjs")
                .directory(SCRIPTS.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("BACKLINE_URL", base.toString());
        builder.environment().put("BROWSER_OUT", out.toString());
        builder.environment().put("CHROMIUM", CHROMIUM.toString());
        try {
            Files.createDirectories(OUT);
            Files.createDirectories(out);
            Process process = builder.start();
            process.getOutputStream().close();
            boolean finished = process.waitFor(SCENARIO_SECONDS, TimeUnit.SECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(finished).as("scenario %s finished within %d s; output:%n%s", name, SCENARIO_SECONDS, output).isTrue();
            assertThat(process.exitValue()).as("scenario %s; output:%n%s", name, output).isZero();
            assertThat(output).contains("ok " + name);
        } catch (IOException e) {
            throw new UncheckedIOException("could not run node for scenario " + name + " (is Node.js 20+ installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
