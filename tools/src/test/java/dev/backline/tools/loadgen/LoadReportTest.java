package dev.backline.tools.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Percentiles, counting and the two renderings of the report. */
class LoadReportTest {
    @Test
    void percentilesOfKnownLatencies() {
        Histogram micros = new Histogram(LoadStats.SIGNIFICANT_DIGITS);
        for (int ms = 1; ms <= 1000; ms++) {
            micros.recordValue(ms * 1000L);
        }

        LoadReport.Latency l = LoadReport.Latency.of(micros);

        assertThat(l.count()).isEqualTo(1000);
        // HdrHistogram with 3 significant digits: within 0.1% of the exact value.
        assertThat(l.p50()).isCloseTo(500, within(0.5));
        assertThat(l.p90()).isCloseTo(900, within(0.9));
        assertThat(l.p99()).isCloseTo(990, within(1.0));
        assertThat(l.max()).isCloseTo(1000, within(1.0));
        assertThat(l.mean()).isCloseTo(500.5, within(0.5));
    }

    @Test
    void anEmptyHistogramGivesZeros() {
        assertThat(LoadReport.Latency.of(new Histogram(3))).isEqualTo(new LoadReport.Latency(0, 0, 0, 0, 0, 0));
    }

    @Test
    void statsCountAnswersErrorsAndDisconnectsAndSampleIntervals() {
        LoadStats stats = new LoadStats();
        stats.sent("look");
        stats.sent("look");
        stats.sent("go");
        stats.answered("look", 2_000, null);
        stats.answered("look", 4_000, null);
        stats.answered("go", 150_000, "no_exit");
        stats.error("slow_consumer");
        stats.disconnected("slow_consumer (1008)");
        stats.joinFailed("register: HTTP 503");

        LoadStats.Interval first = stats.sample();
        stats.sent("who");
        LoadStats.Interval second = stats.sample();

        assertThat(first.sent()).isEqualTo(3);
        assertThat(first.answered()).isEqualTo(3);
        assertThat(first.latency().getTotalCount()).isEqualTo(3);
        assertThat(second.sent()).isEqualTo(1);
        assertThat(second.answered()).isZero();
        assertThat(second.latency().getTotalCount()).isZero();
        assertThat(stats.errors()).containsExactly(Map.entry("no_exit", 1L), Map.entry("slow_consumer", 1L));
        assertThat(stats.disconnects()).containsExactly(Map.entry("slow_consumer (1008)", 1L));
        assertThat(stats.joinFailures()).containsExactly(Map.entry("register: HTTP 503", 1L));
        assertThat(stats.sentByType()).containsExactly(Map.entry("go", 1L), Map.entry("look", 2L), Map.entry("who", 1L));
        Map<String, Histogram> totals = stats.totals();
        assertThat(totals.keySet()).containsExactly("go", "look");
        assertThat(totals.get("look").getTotalCount()).isEqualTo(2);
        Map<String, LoadReport.Latency> latency = LoadReport.latencies(totals);
        assertThat(latency.keySet()).containsExactly("go", "look", "all");
        assertThat(latency.get("all").count()).isEqualTo(3);
        assertThat(latency.get("all").max()).isCloseTo(150, within(0.2));
        assertThat(latency.get("look").max()).isCloseTo(4, within(0.01));
    }

    private static LoadReport report(Map<String, Long> errors, Map<String, Long> disconnects, long unanswered) {
        Histogram look = new Histogram(3);
        look.recordValue(12_300);
        return new LoadReport("ws://127.0.0.1:8080", 5, 5, 2, "look:1", 12.5, 10.0, 100, 100 - unanswered, unanswered, 0,
                9.8, Map.of("look", 100L), errors, disconnects, Map.of(), LoadReport.latencies(Map.of("look", look)));
    }

    @Test
    void aRunIsCleanOnlyWithoutErrorsDisconnectsAndUnansweredCommands() {
        assertThat(report(Map.of(), Map.of(), 0).clean()).isTrue();
        assertThat(report(Map.of("rate_limited", 1L), Map.of(), 0).clean()).isFalse();
        assertThat(report(Map.of(), Map.of("closed 1006", 1L), 0).clean()).isFalse();
        assertThat(report(Map.of(), Map.of(), 1).clean()).isFalse();
    }

    @Test
    void theTextShowsCountsAndALatencyRowPerType() {
        String text = report(Map.of("rate_limited", 3L, "no_exit", 1L), Map.of(), 0).toText();

        assertThat(text).contains("5/5 players joined ws://127.0.0.1:8080")
                .contains("100 sent, 100 answered, 0 unanswered")
                .contains("throughput: 9.8 answers/s")
                .contains("errors: no_exit 1, rate_limited 3")
                .contains("disconnects: none");
        assertThat(text.lines().filter(l -> l.strip().startsWith("look ") || l.strip().startsWith("all "))).hasSize(2);
        assertThat(text.lines().filter(l -> l.strip().startsWith("look ")).findFirst().orElseThrow())
                .contains("12.3");
    }

    @Test
    void theJsonHasEveryFigure() throws Exception {
        JsonNode json = new ObjectMapper().readTree(report(Map.of("no_exit", 1L), Map.of(), 2).toJson());

        assertThat(json.path("players").asInt()).isEqualTo(5);
        assertThat(json.path("unanswered").asLong()).isEqualTo(2);
        assertThat(json.path("errors").path("no_exit").asLong()).isEqualTo(1);
        assertThat(json.path("latency").path("look").path("p99").asDouble()).isCloseTo(12.3, within(0.02));
        assertThat(json.path("latency").path("all").path("count").asLong()).isEqualTo(1);
    }
}
