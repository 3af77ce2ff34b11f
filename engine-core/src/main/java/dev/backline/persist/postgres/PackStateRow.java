package dev.backline.persist.postgres;

/** A row of {@code pack_states}: one value of one pack, as JSON text. */
public record PackStateRow(String pack, String key, String value, long tick) {
}
