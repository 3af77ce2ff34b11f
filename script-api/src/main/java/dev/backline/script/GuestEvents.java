package dev.backline.script;

import dev.backline.session.OutboundEvent;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.graalvm.polyglot.Value;

/** Events a script sends ({@code game.send}, {@code game.toRoom}), made from what it passed. */
final class GuestEvents {
    private GuestEvents() {
    }

    /** The event of {@code call}: {@code type} snake_case, {@code text} optional, {@code payload} a plain object or nothing. */
    static OutboundEvent event(String call, Value type, Value text, Value payload) {
        String t = Args.string(type, call, "type");
        String message = Args.optionalString(text, call, "text");
        Object p = GuestData.toHost(payload, call + ": payload");
        if (p != null && !(p instanceof Map)) {
            throw Args.error(call, "payload", "an object", payload);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) p;
        try {
            return new OutboundEvent(t, message, map, null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(call + ": " + e.getMessage(), e);
        }
    }

    /** The ids a room message skips: one id, a list of them, or none. */
    static Set<String> except(Value except, String what) {
        Object skip = GuestData.toHost(except, what);
        Set<String> ids = new LinkedHashSet<>();
        if (skip instanceof List<?> list) {
            list.forEach(s -> ids.add(String.valueOf(s)));
        } else if (skip instanceof String s) {
            ids.add(s);
        }
        return ids;
    }
}
