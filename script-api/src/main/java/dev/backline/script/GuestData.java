package dev.backline.script;

import java.util.ArrayDeque;
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
        try {
            return toHost(value, 0, budget);
        } catch (NotPlainData e) {
            throw new IllegalArgumentException(e.path(what) + e.problem);
        }
    }

    /** The limits as the prelude reads them. */
    static Map<String, Object> limits() {
        return Map.of("maxDepth", MAX_DEPTH, "maxElements", MAX_ELEMENTS, "maxString", MAX_STRING, "maxText", MAX_TEXT);
    }

    /**
     * What is wrong with a value, thrown up the recursion, which adds where the value sits on the way
     * ({@code game.setProp: value.list[1].text}). Nothing is built for the path until something is wrong: a path
     * object for every value converted was 3-4 % of the heap a command of the reference game allocated.
     */
    private static final class NotPlainData extends RuntimeException {
        private final String problem;
        private final ArrayDeque<Object> steps = new ArrayDeque<>();

        NotPlainData(String problem) {
            super(problem, null, false, false);
            this.problem = problem;
        }

        /** Adds the step (a key, or an index) that leads from the enclosing value to where the problem is. */
        NotPlainData under(Object step) {
            steps.addFirst(step);
            return this;
        }

        String path(String what) {
            StringBuilder path = new StringBuilder(what);
            for (Object step : steps) {
                path.append(step instanceof String key ? "." + key : "[" + step + "]");
            }
            return path.toString();
        }
    }

    /** @param suffix what the string is, after the path: "" for a value, " key" for an object's key */
    private static String text(String s, String suffix, int[] budget) {
        if (s.length() > MAX_STRING) {
            throw new NotPlainData(suffix + " is a string of " + s.length() + " characters; at most " + MAX_STRING
                    + " can be passed");
        }
        budget[1] -= s.length();
        if (budget[1] < 0) {
            throw new NotPlainData(suffix + " holds more than " + MAX_TEXT + " characters of text in all");
        }
        return s;
    }

    private static Object toHost(Value v, int depth, int[] budget) {
        if (--budget[0] < 0) {
            throw new NotPlainData(" has more than " + MAX_ELEMENTS + " elements");
        }
        if (depth > MAX_DEPTH) {
            throw new NotPlainData(" is nested deeper than " + MAX_DEPTH + " levels");
        }
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isString()) {
            return text(v.asString(), "", budget);
        }
        if (v.isNumber()) {
            if (v.fitsInLong()) {
                return v.asLong();
            }
            double d = v.asDouble();
            if (!Double.isFinite(d)) {
                throw new NotPlainData(" is " + d + ", which is not plain data");
            }
            return d;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isHostObject() || v.isProxyObject() || v.canExecute() || v.isNativePointer()) {
            throw new NotPlainData(" is a " + (v.canExecute() ? "function" : "host object")
                    + "; only plain data (objects, arrays, strings, numbers, booleans, null) can be passed");
        }
        if (v.hasArrayElements()) {
            long size = v.getArraySize();
            if (size > MAX_ELEMENTS) {
                throw new NotPlainData(" has more than " + MAX_ELEMENTS + " elements");
            }
            List<Object> list = new ArrayList<>((int) size);
            for (long i = 0; i < size; i++) {
                try {
                    list.add(toHost(v.getArrayElement(i), depth + 1, budget));
                } catch (NotPlainData e) {
                    throw e.under(i);
                }
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
                String hostKey = text(key, " key", budget);
                try {
                    map.put(hostKey, toHost(member, depth + 1, budget));
                } catch (NotPlainData e) {
                    throw e.under(key);
                }
            }
            return map;
        }
        throw new NotPlainData(" is not plain data: " + v);
    }
}
