package dev.backline.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventBusTest {
    private final List<String> failures = new ArrayList<>();
    private final EventBus bus = new EventBus((event, e) -> failures.add(event.name() + ": " + e.getMessage()));
    private final List<String> seen = new ArrayList<>();

    private static GameEvent event(String name, Object n) {
        return GameEvent.of(name, Map.of("n", n));
    }

    @Test
    void publishingOnlyQueuesUntilDrain() {
        bus.subscribe("ping", e -> seen.add("ping " + e.data().get("n")));
        bus.publish(event("ping", 1));
        assertThat(seen).isEmpty();

        assertThat(bus.drain()).isEqualTo(1);
        assertThat(seen).containsExactly("ping 1");
        assertThat(bus.drain()).isZero();
    }

    @Test
    void deliversInPublishingOrderToListenersInSubscriptionOrder() {
        bus.subscribe("a", e -> seen.add("first a" + e.data().get("n")));
        bus.subscribe("b", e -> seen.add("b" + e.data().get("n")));
        bus.subscribe("a", e -> seen.add("second a" + e.data().get("n")));
        bus.publish(event("a", 1));
        bus.publish(event("b", 2));
        bus.publish(event("a", 3));

        assertThat(bus.drain()).isEqualTo(3);
        assertThat(seen).containsExactly("first a1", "second a1", "b2", "first a3", "second a3");
    }

    @Test
    void eventsPublishedByHandlersAreDeliveredInTheSameDrainAfterTheCurrentOne() {
        bus.subscribe("outer", e -> {
            bus.publish(event("inner", 1));
            seen.add("outer handled");
        });
        bus.subscribe("outer", e -> seen.add("outer second listener"));
        bus.subscribe("inner", e -> seen.add("inner"));
        bus.publish(event("outer", 0));

        assertThat(bus.drain()).isEqualTo(2);
        assertThat(seen).as("a handler never runs inside another handler")
                .containsExactly("outer handled", "outer second listener", "inner");
    }

    @Test
    void aThrowingListenerIsReportedAndTheOthersStillGetTheEvent() {
        bus.subscribe("x", e -> seen.add("one"));
        bus.subscribe("x", e -> {
            throw new IllegalStateException("broken");
        });
        bus.subscribe("x", e -> seen.add("three"));
        bus.publish(event("x", 1));
        bus.publish(event("x", 2));

        bus.drain();
        assertThat(seen).containsExactly("one", "three", "one", "three");
        assertThat(failures).containsExactly("x: broken", "x: broken");
    }

    @Test
    void unsubscribeStopsDelivery() {
        Subscription sub = bus.subscribe("x", e -> seen.add("gone"));
        bus.subscribe("x", e -> seen.add("stays"));
        assertThat(bus.hasListeners("x")).isTrue();

        sub.close();
        bus.publish(event("x", 1));
        bus.drain();
        assertThat(seen).containsExactly("stays");
    }

    @Test
    void hasListenersIsFalseOnceAllUnsubscribed() {
        assertThat(bus.hasListeners("x")).isFalse();
        Subscription sub = bus.subscribe("x", e -> { });
        sub.close();
        assertThat(bus.hasListeners("x")).isFalse();
    }

    @Test
    void eventsWithoutListenersAreDroppedQuietly() {
        bus.publish(event("nobody", 1));
        assertThat(bus.drain()).isEqualTo(1);
        assertThat(failures).isEmpty();
    }

    @Test
    void deliverRunsListenersImmediately() {
        bus.subscribe("tick", e -> seen.add("tick"));
        bus.deliver(event("tick", 1));
        assertThat(seen).containsExactly("tick");
    }

    @Test
    void aCascadeIsCutOffAtTheBoundAndReported() {
        AtomicInteger handled = new AtomicInteger();
        bus.subscribe("loop", e -> {
            handled.incrementAndGet();
            bus.publish(event("loop", 0));
            bus.publish(event("loop", 0));
        });
        bus.publish(event("loop", 0));

        assertThat(bus.drain()).isEqualTo(EventBus.MAX_EVENTS_PER_DRAIN);
        assertThat(handled).hasValue(EventBus.MAX_EVENTS_PER_DRAIN);
        assertThat(failures).singleElement().asString().contains("more than " + EventBus.MAX_EVENTS_PER_DRAIN);
        assertThat(bus.droppedEvents()).isEqualTo(EventBus.MAX_EVENTS_PER_DRAIN + 1L);

        bus.publish(event("other", 0));
        assertThat(bus.drain()).as("the next drain starts clean").isEqualTo(1);
    }
}
