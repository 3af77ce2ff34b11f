package dev.backline.script;

import dev.backline.world.EntityId;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.graalvm.polyglot.Value;

/**
 * Checks what scripts pass to the API. Every message names the call and the parameter, e.g.
 * {@code game.move: 'to' must be an entity id like 'city:bar', was 42}, and they all come from here so
 * they read the same.
 */
final class Args {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d|w)");

    private Args() {
    }

    static IllegalArgumentException error(String call, String param, String expected, Value actual) {
        return new IllegalArgumentException(call + ": '" + param + "' must be " + expected + ", was " + describe(actual));
    }

    static String string(Value v, String call, String param) {
        if (v == null || !v.isString()) {
            throw error(call, param, "a string", v);
        }
        return v.asString();
    }

    static String optionalString(Value v, String call, String param) {
        return v == null || v.isNull() ? null : string(v, call, param);
    }

    static EntityId entityId(Value v, String call, String param) {
        if (v == null || !v.isString() || !EntityId.isValid(v.asString())) {
            throw error(call, param, "an entity id like 'city:bar'", v);
        }
        return EntityId.of(v.asString());
    }

    static EntityId optionalEntityId(Value v, String call, String param) {
        return v == null || v.isNull() ? null : entityId(v, call, param);
    }

    static boolean bool(Value v, String call, String param) {
        if (v == null || !v.isBoolean()) {
            throw error(call, param, "true or false", v);
        }
        return v.asBoolean();
    }

    static Value function(Value v, String call, String param) {
        if (v == null || !v.canExecute() || v.isHostObject()) {
            throw error(call, param, "a function", v);
        }
        return v;
    }

    /** A game-time duration: milliseconds as a number, or text like {@code "90s"}, {@code "2h"}, {@code "1d 6h"}. */
    static Duration duration(Value v, String call, String param) {
        if (v != null && v.isNumber() && v.fitsInLong() && v.asLong() >= 0) {
            return Duration.ofMillis(v.asLong());
        }
        if (v != null && v.isString()) {
            Duration parsed = parseDuration(v.asString());
            if (parsed != null) {
                return parsed;
            }
        }
        throw error(call, param, "a duration: milliseconds, or text like '30s', '5m', '2h', '1d 6h'", v);
    }

    static Duration parseDuration(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            return null;
        }
        Matcher m = DURATION.matcher(s);
        double millis = 0;
        int end = 0;
        while (m.find()) {
            if (!s.substring(end, m.start()).isBlank()) {
                return null;
            }
            double n = Double.parseDouble(m.group(1));
            millis += n * switch (m.group(2)) {
                case "ms" -> 1;
                case "s" -> 1_000;
                case "m" -> 60_000;
                case "h" -> 3_600_000;
                case "d" -> 86_400_000;
                default -> 604_800_000;
            };
            end = m.end();
        }
        if (end != s.length() || end == 0) {
            return null;
        }
        return Duration.ofMillis((long) millis);
    }

    static String describe(Value v) {
        if (v == null || v.isNull()) {
            return v == null ? "missing" : v.toString();
        }
        if (v.isString()) {
            String s = v.asString();
            return "'" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'";
        }
        if (v.canExecute()) {
            return "a function";
        }
        if (v.hasArrayElements()) {
            return "an array";
        }
        if (v.hasMembers() && !v.isNumber() && !v.isBoolean()) {
            return "an object";
        }
        return v.toString();
    }
}
