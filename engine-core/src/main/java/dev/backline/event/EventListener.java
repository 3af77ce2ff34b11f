package dev.backline.event;

/** Receives events it subscribed to. It runs on the world thread. */
@FunctionalInterface
public interface EventListener {
    void on(GameEvent event);
}
