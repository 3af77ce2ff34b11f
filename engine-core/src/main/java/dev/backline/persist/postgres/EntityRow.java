package dev.backline.persist.postgres;

import java.util.List;

/** A row of {@code entities} as read, unchecked: turning it into an entity may fail and is reported. */
public record EntityRow(String id, String kind, String template, String container, List<String> tags, String properties) {
}
