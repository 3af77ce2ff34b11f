package dev.backline.tools.loadgen;

import java.util.Locale;

/**
 * One progress line of a running load: players in, command rates over the last interval and that
 * interval's p99 latency, and the run's error and disconnect counts so far.
 */
public record Progress(double seconds, int players, int joined, long joinFailures, double sentPerSecond,
                       double answeredPerSecond, double p99Millis, long errors, long disconnects) {
    public String toLine() {
        return String.format(Locale.ROOT, "[%5.0fs] players %d/%d%s  sent %.0f/s  answered %.0f/s  p99 %.1f ms  errors %d  disconnects %d",
                seconds, joined, players, joinFailures > 0 ? " (" + joinFailures + " failed)" : "", sentPerSecond,
                answeredPerSecond, p99Millis, errors, disconnects);
    }
}
