package dev.backline.script.testing;

import java.time.Duration;
import java.util.Objects;

/**
 * One test a test module declared: its position in the module (the same in every fresh evaluation of
 * it), full name, whether it is skipped, and its seed and budget.
 */
record TestCase(int index, String name, boolean skip, long seed, Duration budget) {
    TestCase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(budget, "budget");
    }
}
