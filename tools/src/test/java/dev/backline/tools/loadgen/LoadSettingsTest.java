package dev.backline.tools.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LoadSettingsTest {
    /** The server's account name rule (server/.../account/AccountName.java). */
    private static final Pattern SERVER_NAME_RULE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{2,19}");
    private static final CommandMix MIX = CommandMix.parse("look");

    private static LoadSettings settings(String url) {
        return LoadSettings.of(URI.create(url), 10, 1, Duration.ofSeconds(5), MIX);
    }

    @Test
    void theUrlMayBeWebSocketOrHttpWithOrWithoutPlay() {
        for (String url : new String[] {"ws://localhost:8080", "ws://localhost:8080/", "ws://localhost:8080/play",
            "http://localhost:8080"}) {
            LoadSettings s = settings(url);
            assertThat(s.httpBase()).as(url).isEqualTo(URI.create("http://localhost:8080"));
            assertThat(s.playUri()).as(url).isEqualTo(URI.create("ws://localhost:8080/play"));
        }
        LoadSettings tls = settings("wss://game.example");
        assertThat(tls.httpBase()).isEqualTo(URI.create("https://game.example"));
        assertThat(tls.playUri()).isEqualTo(URI.create("wss://game.example/play"));
    }

    @Test
    void badUrlsAreRefused() {
        assertThatThrownBy(() -> settings("ftp://localhost:8080")).hasMessageContaining("ws://");
        assertThatThrownBy(() -> settings("localhost:8080")).hasMessageContaining("ws://");
        assertThatThrownBy(() -> settings("ws://localhost:8080/api")).hasMessageContaining("/play");
    }

    @Test
    void accountNamesFollowTheServersRuleAndDifferWithinAndAcrossRuns() {
        LoadSettings run = settings("ws://localhost:1").withRunId("zz9999");
        LoadSettings other = settings("ws://localhost:1").withRunId("a");
        Set<String> names = new HashSet<>();
        for (int n : new int[] {0, 1, 35, 36, 1295, 20_000, LoadSettings.MAX_PLAYERS - 1}) {
            for (LoadSettings s : new LoadSettings[] {run, other}) {
                String name = s.accountName(n);
                assertThat(name).as("player %d", n).matches(SERVER_NAME_RULE);
                assertThat(names.add(name.toLowerCase())).as("unique: " + name).isTrue();
            }
        }
        assertThat(run.password().length()).isBetween(8, 128);
        assertThat(LoadSettings.newRunId()).matches("[a-z0-9]{" + LoadSettings.RUN_ID_LENGTH + "}");
    }

    @Test
    void badNumbersAreRefused() {
        URI url = URI.create("ws://localhost:1");
        assertThatThrownBy(() -> LoadSettings.of(url, 0, 1, Duration.ZERO, MIX)).hasMessageContaining("players");
        assertThatThrownBy(() -> LoadSettings.of(url, 1, -1, Duration.ZERO, MIX)).hasMessageContaining("rate");
        assertThatThrownBy(() -> LoadSettings.of(url, 1, Double.NaN, Duration.ZERO, MIX)).hasMessageContaining("rate");
        assertThatThrownBy(() -> LoadSettings.of(url, 1, 1, Duration.ofSeconds(-1), MIX)).hasMessageContaining("negative");
        assertThatThrownBy(() -> LoadSettings.of(url, 1, 1, Duration.ZERO, MIX).withRunId("Bad!")).hasMessageContaining("run id");
        assertThatThrownBy(() -> LoadSettings.of(url, 1, 1, Duration.ZERO, MIX).withJoinConcurrency(0)).hasMessageContaining("concurrency");
    }

    @Test
    void theSendPeriodFollowsTheRate() {
        assertThat(Player.period(2)).isEqualTo(Duration.ofMillis(500));
        assertThat(Player.period(0.5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(Player.period(0)).isNull();
    }
}
