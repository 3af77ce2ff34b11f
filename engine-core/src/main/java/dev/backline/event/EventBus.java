package dev.backline.event;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * Delivers events to listeners on the world thread. Publishing only queues: events are delivered by
 * {@link #drain()}, which the tick calls after each command and timer, so a handler never runs inside
 * another handler and the order is the order of publishing. A listener that throws is handed to the
 * failure handler and the others still get the event.
 */
public final class EventBus {
    /** Bounds event cascades (handlers publishing events that publish events...) within one drain. */
    static final int MAX_EVENTS_PER_DRAIN = 100_000;

    private final Map<String, List<EventListener>> listeners = new HashMap<>();
    private final ArrayDeque<GameEvent> pending = new ArrayDeque<>();
    private final BiConsumer<GameEvent, RuntimeException> onFailure;
    private long dropped;

    public EventBus(BiConsumer<GameEvent, RuntimeException> onFailure) {
        this.onFailure = onFailure;
    }

    public Subscription subscribe(String eventName, EventListener listener) {
        List<EventListener> list = listeners.computeIfAbsent(eventName, k -> new CopyOnWriteArrayList<>());
        list.add(listener);
        return () -> list.remove(listener);
    }

    public void publish(GameEvent event) {
        pending.add(event);
    }

    /** Delivers queued events, including those published while delivering. Returns how many. */
    public int drain() {
        int delivered = 0;
        while (!pending.isEmpty()) {
            GameEvent event = pending.poll();
            if (delivered >= MAX_EVENTS_PER_DRAIN) {
                dropped += pending.size() + 1;
                pending.clear();
                onFailure.accept(event, new IllegalStateException("more than " + MAX_EVENTS_PER_DRAIN
                        + " events in one drain: an event loop between handlers? the rest were dropped"));
                break;
            }
            deliver(event);
            delivered++;
        }
        return delivered;
    }

    /** Delivers one event now, for the tick event which is not queued behind others. */
    public void deliver(GameEvent event) {
        List<EventListener> list = listeners.get(event.name());
        if (list == null) {
            return;
        }
        for (EventListener listener : list) {
            try {
                listener.on(event);
            } catch (RuntimeException e) {
                onFailure.accept(event, e);
            }
        }
    }

    public boolean hasListeners(String eventName) {
        List<EventListener> list = listeners.get(eventName);
        return list != null && !list.isEmpty();
    }

    public long droppedEvents() {
        return dropped;
    }

    List<String> names() {
        return new ArrayList<>(listeners.keySet());
    }
}
