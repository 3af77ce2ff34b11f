package dev.backline.persist.postgres;

/** A row of {@code pack_timers}: one pending named timer, its data as JSON text. */
public record PackTimerRow(long id, String pack, String name, long dueMillis, String data, long tick) {
}
