package dev.backline.shard;

/** Work handed to the world thread: the only way anything outside it changes the world. */
@FunctionalInterface
public interface WorldTask {
    void run(Shard shard);
}
