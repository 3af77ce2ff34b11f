package dev.backline.persist.postgres;

/** A row of {@code shard_states}. */
public record ShardStateRow(String shard, long tick, long gameMillis, long rngState) {
}
