package dev.backline.tools.bench;

/**
 * One load level of the latency benchmark: what was offered, what came back, and the server's tick counters
 * over the measured window.
 */
public record LatencyStep(int players, double offeredPerSecond, double answeredPerSecond, double p50, double p90,
                          double p99, double max, long errors, long overruns, long skippedTicks) {
}
