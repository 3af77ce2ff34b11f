package dev.backline.tools.bench.rules;

/** One measured implementation at one size: nanoseconds per entity per tick, with JMH's 99.9% error (0 for Node). */
record RuleFigure(String id, String label, int entities, double nsPerEntity, double errorNs, String mode) {
}
