package dev.backline.script.testing;

import dev.backline.session.OutboundEvent;
import dev.backline.session.PlayerChannel;
import dev.backline.shard.WorldTask;
import dev.backline.world.EntityId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A scripted player for tests: it connects to a {@link TestWorld}, types commands and keeps every event
 * it received. Its outbox never fills.
 */
public final class TestPlayer implements PlayerChannel {
    private final TestWorld world;
    private final EntityId id;
    private final String name;
    private final List<OutboundEvent> received = new ArrayList<>();
    private boolean closed;
    private String closeCode;
    private int requestCounter;

    TestPlayer(TestWorld world, EntityId id, String name) {
        this.world = world;
        this.id = id;
        this.name = name;
    }

    public EntityId id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** Types a command and runs one tick so it is handled; returns the events it caused for this player. */
    public List<OutboundEvent> send(String text) {
        String requestId = "t" + (++requestCounter);
        int before = received.size();
        world.submit(WorldTask.command(text, s -> s.commandDispatch().run(id, requestId, text)));
        world.tick();
        return List.copyOf(received.subList(before, received.size()).stream()
                .filter(e -> requestId.equals(e.requestId())).toList());
    }

    /**
     * The text of the events a command caused, joined by new lines: handy for assertions. Events without
     * text (a {@code stat_update}, say) add no empty lines.
     */
    public String say(String text) {
        return String.join("\n", send(text).stream().filter(e -> e.text() != null).map(OutboundEvent::text).toList());
    }

    public void leave() {
        world.submit(s -> s.presence().disconnect(id, this));
        world.tick();
    }

    public List<OutboundEvent> received() {
        return List.copyOf(received);
    }

    public Optional<OutboundEvent> last(String type) {
        for (int i = received.size() - 1; i >= 0; i--) {
            if (received.get(i).type().equals(type)) {
                return Optional.of(received.get(i));
            }
        }
        return Optional.empty();
    }

    /** Every text received so far, one per line. */
    public String transcript() {
        return String.join("\n", received.stream().filter(e -> e.text() != null).map(OutboundEvent::text).toList());
    }

    public void clear() {
        received.clear();
    }

    public boolean isClosed() {
        return closed;
    }

    public String closeCode() {
        return closeCode;
    }

    @Override
    public boolean offer(OutboundEvent event) {
        received.add(event);
        return true;
    }

    @Override
    public void close(String code, String reason) {
        closed = true;
        closeCode = code;
    }
}
