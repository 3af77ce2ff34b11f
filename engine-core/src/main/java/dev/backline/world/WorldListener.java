package dev.backline.world;

/** Told about moves, so the engine can raise {@code roomExit}/{@code roomEnter} events. */
@FunctionalInterface
public interface WorldListener {
    void moved(Entity entity, EntityId from, EntityId to);
}
