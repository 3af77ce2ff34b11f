package dev.backline.event;

/** Returned by {@link EventBus#subscribe}; closing it stops delivery. */
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
