package dev.backline.tools.loadgen;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the players of one run measured, written from the WebSocket threads and read by one sampler at a
 * time. Latencies go to an HdrHistogram {@link Recorder} per command type (microseconds); each
 * {@link #sample()} takes the interval since the last one and adds it to the run's totals, so progress
 * can show the last second's percentiles and the report the whole run's.
 */
final class LoadStats {
    /** Latencies are recorded in microseconds with 3 significant digits (0.1% resolution). */
    static final int SIGNIFICANT_DIGITS = 3;

    private final Map<String, Recorder> recorders = new ConcurrentHashMap<>();
    private final Map<String, Histogram> totals = new TreeMap<>();
    private final Map<String, LongAdder> sentByType = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> disconnects = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> joinFailures = new ConcurrentHashMap<>();
    private final LongAdder sent = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final LongAdder skippedSends = new LongAdder();
    private final LongAdder joined = new LongAdder();
    private long sampledSent;
    private long sampledAnswered;

    /** One sampling interval: counts since the previous sample, and all commands' latencies in it. */
    record Interval(long sent, long answered, Histogram latency) {
    }

    void joined() {
        joined.increment();
    }

    void joinFailed(String reason) {
        joinFailures.computeIfAbsent(reason, k -> new LongAdder()).increment();
    }

    void sent(String type) {
        sent.increment();
        sentByType.computeIfAbsent(type, k -> new LongAdder()).increment();
    }

    /**
     * The first event carrying a command's id arrived.
     *
     * @param errorCode the error frame's code, or null when the answer was not an error
     */
    void answered(String type, long micros, String errorCode) {
        answered.increment();
        recorders.computeIfAbsent(type, k -> new Recorder(SIGNIFICANT_DIGITS)).recordValue(Math.max(0, micros));
        if (errorCode != null) {
            error(errorCode);
        }
    }

    /** An error frame, answering a command or not (e.g. {@code slow_consumer} before a close). */
    void error(String code) {
        errors.computeIfAbsent(code, k -> new LongAdder()).increment();
    }

    /** The server or the network ended a player's connection while the run wanted it open. */
    void disconnected(String reason) {
        disconnects.computeIfAbsent(reason, k -> new LongAdder()).increment();
    }

    /** A send was due while the previous one was still being written: the client could not keep up. */
    void skippedSend() {
        skippedSends.increment();
    }

    long sent() {
        return sent.sum();
    }

    long answered() {
        return answered.sum();
    }

    long skippedSends() {
        return skippedSends.sum();
    }

    int joinedCount() {
        return joined.intValue();
    }

    long errorCount() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long disconnectCount() {
        return disconnects.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long joinFailureCount() {
        return joinFailures.values().stream().mapToLong(LongAdder::sum).sum();
    }

    Map<String, Long> errors() {
        return sorted(errors);
    }

    Map<String, Long> disconnects() {
        return sorted(disconnects);
    }

    Map<String, Long> joinFailures() {
        return sorted(joinFailures);
    }

    Map<String, Long> sentByType() {
        return sorted(sentByType);
    }

    /** Takes the interval since the last sample and adds it to the totals. */
    synchronized Interval sample() {
        Histogram all = new Histogram(SIGNIFICANT_DIGITS);
        recorders.forEach((type, recorder) -> {
            Histogram interval = recorder.getIntervalHistogram();
            totals.computeIfAbsent(type, k -> new Histogram(SIGNIFICANT_DIGITS)).add(interval);
            all.add(interval);
        });
        long s = sent();
        long a = answered();
        Interval result = new Interval(s - sampledSent, a - sampledAnswered, all);
        sampledSent = s;
        sampledAnswered = a;
        return result;
    }

    /** Copies of the latency totals per command type, as of the last sample. */
    synchronized Map<String, Histogram> totals() {
        Map<String, Histogram> copy = new TreeMap<>();
        totals.forEach((type, h) -> copy.put(type, h.copy()));
        return copy;
    }

    private static Map<String, Long> sorted(Map<String, LongAdder> counters) {
        Map<String, Long> result = new TreeMap<>();
        counters.forEach((k, v) -> result.put(k, v.sum()));
        return result;
    }
}
