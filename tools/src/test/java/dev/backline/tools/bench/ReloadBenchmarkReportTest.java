package dev.backline.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backline.tools.bench.ReloadBenchmarkReport.Reload;
import dev.backline.tools.bench.ReloadBenchmarkReport.Window;
import dev.backline.tools.loadgen.LoadReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ReloadBenchmarkReportTest {
    private static LoadReport load(Map<String, Long> disconnects) {
        return new LoadReport("ws://127.0.0.1:1", 200, 200, 2, "look:1", 60, 50, 1000, 1000, 0, 0, 20, Map.of(), Map.of(),
                disconnects, Map.of(), Map.of());
    }

    private static Reload reload(int n, boolean ok, long swap, long build) {
        return new Reload(n, ok, n + 1, List.of("commands/social.js"), build, swap, swap + build + 1.5,
                ok ? List.of() : List.of("commands/social.js:3:1: SyntaxError"));
    }

    private static Window window(double seconds, long ticks, long overruns, long skipped, double maxTick) {
        return new Window(seconds, ticks, overruns, 0, overruns, skipped, 0, maxTick, 3, new LoadReport.Latency(600, 40, 80, 95, 120, 45));
    }

    @Test
    void nearestRankPercentilesOverFewValues() {
        List<Long> twenty = LongStream.rangeClosed(1, 20).boxed().toList();

        assertThat(ReloadBenchmarkReport.nearestRank(twenty, 50)).isEqualTo(10);
        assertThat(ReloadBenchmarkReport.nearestRank(twenty, 99)).isEqualTo(20);
        assertThat(ReloadBenchmarkReport.nearestRank(twenty, 100)).isEqualTo(20);
        assertThat(ReloadBenchmarkReport.nearestRank(List.of(7L), 99)).isEqualTo(7);
        assertThat(ReloadBenchmarkReport.nearestRank(List.of(), 50)).isZero();
        assertThat(ReloadBenchmarkReport.nearestRank(List.of(30L, 10L, 20L), 50)).isEqualTo(20);
    }

    @Test
    void targetsAreMetOnlyWhenSwapDisconnectsAndTicksAllAre() {
        List<Reload> reloads = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            reloads.add(reload(i, true, i * 10L, 100 + i));
        }
        Window quiet = window(30, 300, 0, 0, 40);

        ReloadBenchmarkReport.Targets met = ReloadBenchmarkReport.targets(reloads, quiet, load(Map.of()));
        assertThat(met.swapP50()).isEqualTo(100);
        assertThat(met.swapP99()).isEqualTo(200);
        assertThat(met.swapMax()).isEqualTo(200);
        assertThat(met.buildP50()).isEqualTo(110);
        assertThat(met.allMet()).isTrue();

        assertThat(ReloadBenchmarkReport.targets(reloads, window(30, 299, 1, 0, 140), load(Map.of())).missedTicksMet()).isFalse();
        assertThat(ReloadBenchmarkReport.targets(reloads, window(30, 290, 0, 10, 140), load(Map.of())).missedTicks()).isEqualTo(10);
        assertThat(ReloadBenchmarkReport.targets(reloads, window(30, 0, 0, 0, 140), load(Map.of())).missedTicks())
                .as("a world stalled in one long tick misses every tick of the window").isEqualTo(299);
        assertThat(ReloadBenchmarkReport.targets(reloads, quiet, load(Map.of("closed 1006", 2L))).disconnectsMet()).isFalse();

        reloads.add(reload(21, true, 251, 100));
        reloads.add(reload(22, false, 0, 0));
        ReloadBenchmarkReport.Targets slow = ReloadBenchmarkReport.targets(reloads, quiet, load(Map.of()));
        assertThat(slow.swapP99()).isEqualTo(251);
        assertThat(slow.swapMet()).isFalse();
        assertThat(slow.failedReloads()).isEqualTo(1);
        assertThat(slow.allMet()).isFalse();
    }

    @Test
    void theTextListsEachReloadAndTheVerdicts() {
        List<Reload> reloads = List.of(reload(1, true, 12, 180), reload(2, false, 0, 0));
        Window quiet = window(30, 300, 0, 0, 40);
        LoadReport load = load(Map.of());
        ReloadBenchmarkReport report = new ReloadBenchmarkReport(
                new ReloadBenchmarkReport.Machine("2026-11-22T07:00:00Z", 2, 23.4, "25.0.3", "GraalJS runs with the optimizing JIT", 1.5),
                new ReloadBenchmarkReport.Settings("backline-city", "commands/social.js", 200, 2, "look:1", 2, 1.5, 20, 5),
                reloads, quiet, quiet, load, ReloadBenchmarkReport.targets(reloads, quiet, load));

        String text = report.toText();

        assertThat(text).contains("2 cores, 23 GiB, Java 25.0.3, GraalJS runs with the optimizing JIT; load average 1.50")
                .contains("2 reloads of backline-city/commands/social.js every 1.5 s, 200 players")
                .contains("warm-up 20 s after 5 unmeasured reloads")
                .contains("SyntaxError")
                .contains("swap:  p50 12 ms, p99 12 ms, max 12 ms (target p99 <= 250 ms)  MET")
                .contains("failed reloads: 1  MISSED")
                .contains("missed ticks during reloads (late or overrun + skipped + ticks short of 10 Hz): 0 (target 0)  MET")
                .contains("during reloads : 30.0 s, 300 ticks (10.00/s), 0 overruns (0 of them by GC pauses), 0 late, 0 skipped, world queue up to 3")
                .contains("commands: 600 answered, latency p50 40.0 ms, p99 95.0 ms, max 120.0 ms");
        assertThat(report.toJson()).contains("\"swapMillis\" : 12").contains("\"overruns\" : 0");
    }
}
