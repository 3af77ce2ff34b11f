package dev.backline.script;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;

/**
 * Carries plain data across the script boundary: Java maps and lists become real JavaScript objects and
 * arrays (so {@code JSON.stringify}, spreading and {@code Object.keys} behave), and JavaScript values come
 * back as immutable-friendly Java maps, lists, strings, numbers and booleans. Functions, host objects and
 * symbols never cross.
 *
 * <p>The limits below are part of the script API. The prelude enforces them in JavaScript, on its own copy
 * of what a script passes, before anything crosses (so the cost of a huge or tricky value is the script's
 * own interruptible time); {@link #toHost} checks them again as a backstop.
 */
final class GuestData {
    /** How deeply objects and arrays may nest. */
    static final int MAX_DEPTH = 32;
    /** How many values (every object, array, string, number, ...) one argument may hold in all. */
    static final int MAX_ELEMENTS = 100_000;
    /** The longest string (value, key or text argument) that may cross, in UTF-16 characters. */
    static final int MAX_STRING = 65_536;
    /** How many characters the strings and keys of one argument may hold in all. */
    static final int MAX_TEXT = 4 * 1_048_576;

    private final Value newObject;
    private final Value newArray;

    GuestData(Context context) {
        this.newObject = context.eval("js", "(() => ({}))");
        this.newArray = context.eval("js", "(() => [])");
    }

    /** Converts a JSON-compatible Java value into a guest value. */
    Object toGuest(Object value) {
        if (value instanceof Map<?, ?> map) {
            Value obj = newObject.execute();
            map.forEach((k, v) -> obj.putMember(String.valueOf(k), toGuest(v)));
            return obj;
        }
        if (value instanceof List<?> list) {
            Value arr = newArray.execute();
            for (int i = 0; i < list.size(); i++) {
                arr.setArrayElement(i, toGuest(list.get(i)));
            }
            return arr;
        }
        if (value instanceof Long l) {
            // JavaScript numbers are doubles; handing over a double keeps typeof === 'number' simple.
            return l.doubleValue();
        }
        return value;
    }

    /**
     * Converts a guest value into plain Java data.
     *
     * @param what names the value in the error message, e.g. {@code "game.setProp value"}
     * @throws IllegalArgumentException naming the path of the first value that is not plain data
     */
    static Object toHost(Value value, String what) {
        int[] budget = {MAX_ELEMENTS, MAX_TEXT};
        return toHost(value, what, 0, budget);
    }

    /** The limits as the prelude reads them. */
    static Map<String, Object> limits() {
        return Map.of("maxDepth", MAX_DEPTH, "maxElements", MAX_ELEMENTS, "maxString", MAX_STRING, "maxText", MAX_TEXT);
    }

    /**
     * Where a value sits in the argument, spelled out ({@code game.setProp: value.list[1].text}) only for an
     * error: building the path of every value as a string cost more than converting it.
     */
    private record Where(Object parent, String key, long index) {
        @Override
        public String toString() {
            return key != null ? parent + "." + key : parent + "[" + index + "]";
        }
    }

    private static String text(String s, Object path, String suffix, int[] budget) {
        if (s.length() > MAX_STRING) {
            throw new IllegalArgumentException(path + suffix + " is a string of " + s.length() + " characters; at most "
                    + MAX_STRING + " can be passed");
        }
        budget[1] -= s.length();
        if (budget[1] < 0) {
            throw new IllegalArgumentException(path + suffix + " holds more than " + MAX_TEXT + " characters of text in all");
        }
        return s;
    }

    private static Object toHost(Value v, Object path, int depth, int[] budget) {
        if (--budget[0] < 0) {
            throw new IllegalArgumentException(path + " has more than " + MAX_ELEMENTS + " elements");
        }
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException(path + " is nested deeper than " + MAX_DEPTH + " levels");
        }
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isString()) {
            return text(v.asString(), path, "", budget);
        }
        if (v.isNumber()) {
            if (v.fitsInLong()) {
                return v.asLong();
            }
            double d = v.asDouble();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException(path + " is " + d + ", which is not plain data");
            }
            return d;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isHostObject() || v.isProxyObject() || v.canExecute() || v.isNativePointer()) {
            throw new IllegalArgumentException(path + " is a " + (v.canExecute() ? "function" : "host object")
                    + "; only plain data (objects, arrays, strings, numbers, booleans, null) can be passed");
        }
        if (v.hasArrayElements()) {
            long size = v.getArraySize();
            if (size > MAX_ELEMENTS) {
                throw new IllegalArgumentException(path + " has more than " + MAX_ELEMENTS + " elements");
            }
            List<Object> list = new ArrayList<>((int) size);
            for (long i = 0; i < size; i++) {
                list.add(toHost(v.getArrayElement(i), new Where(path, null, i), depth + 1, budget));
            }
            return list;
        }
        if (v.hasMembers()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (String key : v.getMemberKeys()) {
                Value member = v.getMember(key);
                if (member == null) {
                    continue;
                }
                map.put(text(key, path, " key", budget), toHost(member, new Where(path, key, -1), depth + 1, budget));
            }
            return map;
        }
        throw new IllegalArgumentException(path + " is not plain data: " + v);
    }
}
