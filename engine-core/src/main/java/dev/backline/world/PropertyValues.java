package dev.backline.world;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;

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
     * Returns an immutable, JSON-compatible copy of {@code value}; a value this method returned before comes
     * back as it is (an event's payload is frozen when the event is made and again with its request id).
     *
     * @throws IllegalArgumentException naming the path of the first value that is not JSON-compatible
     */
    public static Object freeze(Object value) {
        // Only the whole value: one nested in a new value may now be nested too deeply.
        return value instanceof FrozenMap || value instanceof FrozenList ? value : freeze(value, "value", 0);
    }

    /** Where a value sits, spelled out ({@code value.list[1].text}) only for an error. */
    private record Where(Object parent, String key, int index) {
        @Override
        public String toString() {
            return key != null ? parent + "." + key : parent + "[" + index + "]";
        }
    }

    private static Object freeze(Object value, Object path, int depth) {
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
                copy.put(key, freeze(e.getValue(), new Where(path, key, -1), depth + 1));
            }
            return new FrozenMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(freeze(list.get(i), new Where(path, null, i), depth + 1));
            }
            return new FrozenList(copy);
        }
        throw new IllegalArgumentException(path + " has type " + value.getClass().getSimpleName()
                + "; only null, booleans, numbers, strings, lists and objects are allowed");
    }

    /** An object this class froze: nobody holds its entries but itself, and everything in it is frozen. */
    private static final class FrozenMap extends AbstractMap<String, Object> {
        private final Map<String, Object> entries;

        FrozenMap(Map<String, Object> entries) {
            this.entries = Collections.unmodifiableMap(entries);
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return entries.entrySet();
        }

        @Override
        public Object get(Object key) {
            return entries.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return entries.containsKey(key);
        }

        @Override
        public int size() {
            return entries.size();
        }
    }

    /** A list this class froze. */
    private static final class FrozenList extends AbstractList<Object> implements RandomAccess {
        private final List<Object> items;

        FrozenList(List<Object> items) {
            this.items = items;
        }

        @Override
        public Object get(int index) {
            return items.get(index);
        }

        @Override
        public int size() {
            return items.size();
        }
    }
}
