package dev.backline.persist.postgres;

/** A row of {@code pack_versions}: the version of a pack that shaped its state. */
public record PackVersionRow(String pack, String version, long tick) {
}
