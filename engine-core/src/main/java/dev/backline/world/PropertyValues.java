package dev.backline.world;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps property values JSON-compatible: null, booleans, finite numbers, strings, lists and string-keyed
 * maps of those. Values are copied into immutable structures so nobody can change a property behind the
 * world's back. Strings and keys may not contain the NUL character: PostgreSQL cannot store it, and a
 * value refused here fails the script that set it instead of every later flush.
 */
public final class PropertyValues {
    static final int MAX_DEPTH = 32;
    static final int MAX_STRING_LENGTH = 1 << 20;

    private PropertyValues() {
    }

    /**
     * Returns an immutable, JSON-compatible copy of {@code value}.
     *
     * @throws IllegalArgumentException naming the path of the first value that is not JSON-compatible
     */
    public static Object freeze(Object value) {
        return freeze(value, "value", 0);
    }

    private static Object freeze(Object value, String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException(path + " is nested deeper than " + MAX_DEPTH + " levels");
        }
        if (value == null || value instanceof Boolean) {
            return value;
        }
        if (value instanceof String s) {
            if (s.length() > MAX_STRING_LENGTH) {
                throw new IllegalArgumentException(path + " is a string longer than " + MAX_STRING_LENGTH + " characters");
            }
            if (s.indexOf('\0') >= 0) {
                throw new IllegalArgumentException(path + " contains the NUL character (\\u0000), which cannot be stored");
            }
            return s;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException(path + " is " + d + ", which JSON cannot hold");
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return (long) d;
            }
            return d;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException(path + " has a key that is not a string: " + e.getKey());
                }
                if (key.indexOf('\0') >= 0) {
                    throw new IllegalArgumentException(path + " has a key with the NUL character (\\u0000), which cannot be stored");
                }
                copy.put(key, freeze(e.getValue(), path + "." + key, depth + 1));
            }
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(freeze(list.get(i), path + "[" + i + "]", depth + 1));
            }
            return Collections.unmodifiableList(copy);
        }
        throw new IllegalArgumentException(path + " has type " + value.getClass().getSimpleName()
                + "; only null, booleans, numbers, strings, lists and objects are allowed");
    }
}
