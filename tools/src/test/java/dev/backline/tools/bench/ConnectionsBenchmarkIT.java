package dev.backline.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench connections} end to end with a small N: the real server in a child JVM (from this test's class
 * path, embedded PostgreSQL in a temporary directory), the players in another, the heap read with jcmd.
 */
class ConnectionsBenchmarkIT {
    private static final Path REPO = Path.of("").toAbsolutePath().getParent();

    @TempDir
    Path dir;

    @Test
    void twentyConnectionsAreHeldProvedAliveAndMeasured() throws Exception {
        Path json = dir.resolve("report.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ConnectionsBenchmark benchmark = new ConnectionsBenchmark(new PrintWriter(out, true), new PrintWriter(err, true))
                .withServerClasspath(System.getProperty("java.class.path"));

        int code = ConnectionsBenchmark.command(benchmark, new PrintWriter(out, true), new PrintWriter(err, true)).execute(
                "--connections", "20", "--join-concurrency", "4", "--hold", "0s", "--repo", REPO.toString(), "--json", json.toString());

        String shown = out + "\n" + err;
        assertThat(code).as(shown).isZero();
        ConnectionsReport report = benchmark.report();
        assertThat(report.established()).as(shown).isEqualTo(20);
        assertThat(report.alive()).as("every connection answered its command").isEqualTo(20);
        assertThat(report.failures()).isEmpty();
        assertThat(report.disconnects()).isEmpty();
        assertThat(report.heapBefore()).as("a live heap was read").isPositive();
        assertThat(report.heapHeld()).isPositive();
        assertThat(report.heapAfter()).isPositive();
        assertThat(report.bytesPerConnection()).as("a per-connection figure").isFinite()
                .isEqualTo((double) (report.heapHeld() - report.heapBefore()) / 20);
        assertThat(report.threadsHeld()).isPositive();
        assertThat(report.rssKibHeld()).isPositive();
        assertThat(report.openFilesHeld()).as("a socket per connection").isGreaterThanOrEqualTo(report.openFilesBefore() + 20);
        assertThat(out.toString()).contains("connections: 20 of 20 established").contains("heap per connection:");

        JsonNode written = new ObjectMapper().readTree(json.toFile());
        assertThat(written.path("established").asInt()).isEqualTo(20);
        assertThat(written.path("bytesPerConnection").isNumber()).as(written.toString()).isTrue();
    }

    @Test
    void badOptionsGetAOneLineErrorAndExitTwo() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ConnectionsBenchmark benchmark = new ConnectionsBenchmark(new PrintWriter(out, true), new PrintWriter(err, true));

        int code = ConnectionsBenchmark.command(benchmark, new PrintWriter(out, true), new PrintWriter(err, true))
                .execute("--connections", "0");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("bench connections: --connections must be").doesNotContain("\n");
    }
}
