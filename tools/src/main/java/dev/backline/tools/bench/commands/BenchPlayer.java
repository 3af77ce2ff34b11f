package dev.backline.tools.bench.commands;

import dev.backline.session.OutboundEvent;
import dev.backline.session.PlayerChannel;
import dev.backline.tools.loadgen.CommandLineChoice;
import dev.backline.world.EntityId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * A player of the in-process benchmark: the channel the world sends to, which counts what arrives instead of
 * encoding it, and picks its commands as the loadgen's players do ({@link CommandLineChoice}, through the exits
 * of the last {@code room} event). World thread only, like every channel's {@link #offer}.
 */
final class BenchPlayer implements PlayerChannel {
    private final EntityId id;
    private final String name;
    private final Set<String> unanswered = new HashSet<>();
    private List<String> exits = List.of();
    private long events;
    private long errors;
    private String lastError;
    private int sequence;
    private boolean closed;

    BenchPlayer(EntityId id, String name) {
        this.id = id;
        this.name = name;
    }

    EntityId id() {
        return id;
    }

    String name() {
        return name;
    }

    /** The next command line for {@code verb}, as loadgen's players choose it. */
    CommandLineChoice commandFor(String verb, RandomGenerator random) {
        return CommandLineChoice.of(verb, exits, random);
    }

    /** A new request id, remembered until an event answers it. */
    String nextRequestId() {
        String requestId = "c" + (++sequence);
        unanswered.add(requestId);
        return requestId;
    }

    @Override
    public boolean offer(OutboundEvent event) {
        events++;
        if (event.requestId() != null) {
            unanswered.remove(event.requestId());
        }
        if (event.isError()) {
            errors++;
            lastError = event.payload() == null ? event.type() : event.payload().get("code") + ": " + event.text();
        }
        if (event.type().equals("room") && event.payload() != null
                && event.payload().get("exits") instanceof List<?> list) {
            exits = directions(list);
        }
        return true;
    }

    private static List<String> directions(List<?> list) {
        List<String> dirs = new ArrayList<>(list.size());
        for (Object exit : list) {
            if (exit instanceof Map<?, ?> m && m.get("dir") instanceof String dir && !dir.isEmpty()) {
                dirs.add(dir);
            }
        }
        return List.copyOf(dirs);
    }

    @Override
    public void close(String code, String reason) {
        closed = true;
        lastError = code + ": " + reason;
    }

    long events() {
        return events;
    }

    long errors() {
        return errors;
    }

    /** The last error or close reason, for the report; null if none. */
    String lastError() {
        return lastError;
    }

    int unanswered() {
        return unanswered.size();
    }

    boolean isClosed() {
        return closed;
    }
}
