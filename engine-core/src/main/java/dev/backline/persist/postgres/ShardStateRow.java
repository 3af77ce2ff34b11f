package dev.backline.persist.postgres;

/** A row of {@code shard_states}; {@code timersThrough} is null in rows written by release 1. */
public record ShardStateRow(String shard, long tick, long gameMillis, long rngState, Long timersThrough) {
}
