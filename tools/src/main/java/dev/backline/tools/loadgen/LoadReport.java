package dev.backline.tools.loadgen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The result of a load run: what was sent and answered, the throughput at full strength, every error by
 * code, every disconnect by reason, and latency percentiles per command type (send to the first event
 * carrying the command's id, errors included). Printable as text and as JSON.
 *
 * @param throughput answers per second while every player that could join was sending
 * @param unanswered commands still without an answer when the run ended (after the drain time)
 * @param skippedSends sends that were due while the player's previous one was still being written
 * @param latency    per command type, plus {@code "all"}
 */
public record LoadReport(String url, int players, int joined, double rate, String mix, double seconds,
                         double fullStrengthSeconds, long sent, long answered, long unanswered, long skippedSends,
                         double throughput, Map<String, Long> sentByType, Map<String, Long> errors,
                         Map<String, Long> disconnects, Map<String, Long> joinFailures, Map<String, Latency> latency) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public LoadReport {
        sentByType = sorted(sentByType);
        errors = sorted(errors);
        disconnects = sorted(disconnects);
        joinFailures = sorted(joinFailures);
        latency = sorted(latency);
    }

    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return Collections.unmodifiableMap(new TreeMap<>(map));
    }

    /** Latency percentiles in milliseconds. */
    public record Latency(long count, double p50, double p90, double p99, double max, double mean) {
        /** From a histogram of microseconds; all zero when it is empty. */
        public static Latency of(Histogram micros) {
            if (micros.getTotalCount() == 0) {
                return new Latency(0, 0, 0, 0, 0, 0);
            }
            return new Latency(micros.getTotalCount(), ms(micros.getValueAtPercentile(50)),
                    ms(micros.getValueAtPercentile(90)), ms(micros.getValueAtPercentile(99)), ms(micros.getMaxValue()),
                    Math.round(micros.getMean()) / 1000.0);
        }

        private static double ms(long micros) {
            // Histogram values are the highest equivalent of their bucket; keep microsecond precision.
            return micros / 1000.0;
        }
    }

    /** Latencies of every command type, and of all of them together under {@code "all"}. */
    static Map<String, Latency> latencies(Map<String, Histogram> byType) {
        Map<String, Latency> result = new LinkedHashMap<>();
        Histogram all = new Histogram(LoadStats.SIGNIFICANT_DIGITS);
        byType.forEach((type, h) -> {
            result.put(type, Latency.of(h));
            all.add(h);
        });
        result.put("all", Latency.of(all));
        return result;
    }

    /** True when every player joined and stayed, and every command got an answer that was not an error. */
    public boolean clean() {
        return joined == players && errors.isEmpty() && disconnects.isEmpty() && joinFailures.isEmpty() && unanswered == 0;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report for people: a summary, then a table of latencies per command type. */
    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "loadgen: %d/%d players joined %s for %.1f s (%.1f s at full strength), "
                + "%s commands/s each, mix %s%n", joined, players, url, seconds, fullStrengthSeconds, number(rate), mix));
        b.append(String.format(Locale.ROOT, "commands: %d sent, %d answered, %d unanswered, %d sends skipped (client busy)%n",
                sent, answered, unanswered, skippedSends));
        b.append(String.format(Locale.ROOT, "throughput: %.1f answers/s at full strength%n", throughput));
        b.append("errors: ").append(counts(errors)).append('\n');
        b.append("disconnects: ").append(counts(disconnects)).append('\n');
        if (!joinFailures.isEmpty()) {
            b.append("failed joins: ").append(counts(joinFailures)).append('\n');
        }
        b.append(String.format(Locale.ROOT, "%nlatency (ms)  %9s %9s %9s %9s %9s %9s%n", "count", "p50", "p90", "p99", "max", "mean"));
        latency.entrySet().stream()
                .sorted(Map.Entry.comparingByKey((x, y) -> x.equals("all") ? 1 : y.equals("all") ? -1 : x.compareTo(y)))
                .forEach(e -> {
                    Latency l = e.getValue();
                    b.append(String.format(Locale.ROOT, "  %-11s %9d %9.1f %9.1f %9.1f %9.1f %9.1f%n", e.getKey(), l.count(),
                            l.p50(), l.p90(), l.p99(), l.max(), l.mean()));
                });
        return b.toString();
    }

    private static String counts(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        StringBuilder b = new StringBuilder();
        counts.forEach((key, n) -> {
            if (!b.isEmpty()) {
                b.append(", ");
            }
            b.append(key).append(' ').append(n);
        });
        return b.toString();
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
