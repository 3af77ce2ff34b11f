package dev.backline.script;

import java.time.Duration;

/**
 * Time budgets of script calls: each handler call ({@code callBudget}, default 50 ms) and loading a pack
 * (evaluating its modules and running {@code register}, default 2 s).
 */
public record ScriptLimits(Duration callBudget, Duration loadBudget) {
    public ScriptLimits {
        if (callBudget.toMillis() < 1 || loadBudget.toMillis() < 1) {
            throw new IllegalArgumentException("script budgets must be at least 1 ms");
        }
    }

    public static ScriptLimits defaults() {
        return new ScriptLimits(Duration.ofMillis(50), Duration.ofSeconds(2));
    }

    public ScriptLimits withCallBudget(Duration budget) {
        return new ScriptLimits(budget, loadBudget);
    }

    public ScriptLimits withLoadBudget(Duration budget) {
        return new ScriptLimits(callBudget, budget);
    }
}
