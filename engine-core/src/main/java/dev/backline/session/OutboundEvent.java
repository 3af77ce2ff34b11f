package dev.backline.session;

import dev.backline.world.PropertyValues;
import java.util.Map;
import java.util.Objects;

/**
 * An event for one player: {@code type} ({@code message}, {@code room}, {@code stat_update}, ...), an
 * optional human-readable text, an optional JSON-compatible payload, and the id of the command that
 * caused it (null when nothing did). Protocol-neutral: the server turns it into a frame.
 */
public record OutboundEvent(String type, String text, Map<String, Object> payload, String requestId) {
    private static final int MAX_TYPE = 48;
    static final int MAX_TEXT = 64 * 1024;

    @SuppressWarnings("unchecked")
    public OutboundEvent {
        Objects.requireNonNull(type, "type");
        if (!isType(type)) {
            throw new IllegalArgumentException("event type '" + type + "' must be snake_case, like 'stat_update'");
        }
        if (text != null && text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("event text is longer than " + MAX_TEXT + " characters");
        }
        payload = payload == null ? null : (Map<String, Object>) PropertyValues.freeze(payload);
    }

    /** [a-z][a-z0-9_]{0,47}, by hand: every event a script sends is checked, and the regex showed in profiles. */
    private static boolean isType(String type) {
        if (type.isEmpty() || type.length() > MAX_TYPE || type.charAt(0) < 'a' || type.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < type.length(); i++) {
            char c = type.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '_') {
                return false;
            }
        }
        return true;
    }

    public static OutboundEvent message(String text) {
        return new OutboundEvent("message", text, null, null);
    }

    /** An error for the player, with a stable code such as {@code unknown_command}. */
    public static OutboundEvent error(String code, String message, String requestId) {
        return new OutboundEvent("error", message, Map.of("code", code), requestId);
    }

    public boolean isError() {
        return type.equals("error");
    }

    public OutboundEvent withRequestId(String id) {
        return new OutboundEvent(type, text, payload, id);
    }
}
