package dev.backline.testing;

import dev.backline.session.OutboundEvent;
import dev.backline.session.PlayerChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link PlayerChannel} for tests: it keeps every event it accepted and every close, and can be told
 * to refuse offers, as a slow consumer's full outbox would.
 *
 * <pre>{@code
 * RecordingChannel alice = new RecordingChannel();
 * shard.submit(s -> s.presence().connect(EntityId.of("player:alice"), "Alice", alice));
 * shard.tick();
 * assertThat(alice.types()).startsWith("welcome");
 * }</pre>
 */
public final class RecordingChannel implements PlayerChannel {
    private final List<OutboundEvent> received = new ArrayList<>();
    private final List<String> closeCodes = new ArrayList<>();
    private long remaining = Long.MAX_VALUE;
    private int refused;

    /** Accepts only this many more events; further offers return false. */
    public RecordingChannel acceptOnly(int events) {
        this.remaining = events;
        return this;
    }

    @Override
    public boolean offer(OutboundEvent event) {
        if (remaining <= 0) {
            refused++;
            return false;
        }
        remaining--;
        received.add(event);
        return true;
    }

    @Override
    public void close(String code, String reason) {
        closeCodes.add(code);
    }

    public List<OutboundEvent> received() {
        return List.copyOf(received);
    }

    /** The types of the received events, in order. */
    public List<String> types() {
        return received.stream().map(OutboundEvent::type).toList();
    }

    /** The last received event of this type. */
    public Optional<OutboundEvent> last(String type) {
        for (int i = received.size() - 1; i >= 0; i--) {
            if (received.get(i).type().equals(type)) {
                return Optional.of(received.get(i));
            }
        }
        return Optional.empty();
    }

    /** The error events received, by their {@code code}. */
    public List<String> errorCodes() {
        return received.stream().filter(OutboundEvent::isError).map(e -> String.valueOf(e.payload().get("code")))
                .toList();
    }

    public boolean isClosed() {
        return !closeCodes.isEmpty();
    }

    /** Every close code, in order; more than one means the channel was closed repeatedly. */
    public List<String> closeCodes() {
        return List.copyOf(closeCodes);
    }

    /** How many offers were refused. */
    public int refused() {
        return refused;
    }

    public void clear() {
        received.clear();
    }
}
