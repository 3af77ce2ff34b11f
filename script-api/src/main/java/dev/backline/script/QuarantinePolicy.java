package dev.backline.script;

import java.time.Duration;

/**
 * When a pack generation is taken out of play: more than {@code maxFaults} script errors, or more than
 * {@code maxTimeouts} calls stopped for running past their budget, within {@code window}. Its handlers
 * then stop being called until a reload (or rollback) installs a generation that behaves.
 */
public record QuarantinePolicy(int maxFaults, int maxTimeouts, Duration window) {
    public QuarantinePolicy {
        if (maxFaults < 1 || maxTimeouts < 1 || window.toMillis() < 1) {
            throw new IllegalArgumentException("quarantine thresholds and window must be positive");
        }
    }

    public static QuarantinePolicy defaults() {
        return new QuarantinePolicy(20, 5, Duration.ofMinutes(1));
    }
}
