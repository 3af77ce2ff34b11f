package dev.backline.script;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A named value a pack declares with {@code pack.tunable(name, {type, default, min?, max?, options?, help?})} and
 * reads with {@code game.tunable(name)}; live-ops change it at run time. Types: {@code number} (a double),
 * {@code integer} (a long), {@code boolean} (a feature flag) and {@code string} (optionally one of
 * {@code options}). {@link #validate} is the one check for defaults, admin changes and scheduled changes.
 *
 * <pre>{@code TunableSpec.of("xpRate", Map.of("type", "number", "default", 1.0, "min", 0, "max", 10))}</pre>
 */
public record TunableSpec(String name, String type, Object defaultValue, Double min, Double max, List<String> options,
                          String help) {
    static final Set<String> TYPES = Set.of("number", "integer", "boolean", "string");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
    private static final int MAX_STRING = 1000;

    public TunableSpec {
        Objects.requireNonNull(type, "type");
        options = options == null ? null : List.copyOf(options);
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a tunable name is a word of letters, digits, '_', '-', '.' (at most 64), was '"
                    + name + "'");
        }
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("tunable '" + name + "': type must be one of number, integer, boolean, string; was '"
                    + type + "'");
        }
        if ((min != null || max != null) && !type.equals("number") && !type.equals("integer")) {
            throw new IllegalArgumentException("tunable '" + name + "': min and max are only for number and integer");
        }
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("tunable '" + name + "': min " + min + " is above max " + max);
        }
        if (options != null && !type.equals("string")) {
            throw new IllegalArgumentException("tunable '" + name + "': options are only for string");
        }
    }

    /**
     * Reads a declaration made by a script.
     *
     * @throws IllegalArgumentException naming the tunable and the field that is wrong
     */
    static TunableSpec of(String name, Map<String, Object> spec) {
        Object type = spec.get("type");
        Object min = spec.get("min");
        Object max = spec.get("max");
        Object options = spec.get("options");
        Object help = spec.get("help");
        if (!(type instanceof String t)) {
            throw new IllegalArgumentException("tunable '" + name + "': type must be one of number, integer, boolean, string");
        }
        if (min != null && !(min instanceof Number) || max != null && !(max instanceof Number)) {
            throw new IllegalArgumentException("tunable '" + name + "': min and max must be numbers");
        }
        if (help != null && !(help instanceof String)) {
            throw new IllegalArgumentException("tunable '" + name + "': help must be a string");
        }
        List<String> opts = null;
        if (options != null) {
            if (!(options instanceof List<?> list) || list.isEmpty() || !list.stream().allMatch(String.class::isInstance)) {
                throw new IllegalArgumentException("tunable '" + name + "': options must be a non-empty array of strings");
            }
            opts = list.stream().map(String.class::cast).toList();
        }
        if (!spec.containsKey("default")) {
            throw new IllegalArgumentException("tunable '" + name + "': a default is required");
        }
        TunableSpec partial = new TunableSpec(name, t, null, min == null ? null : ((Number) min).doubleValue(),
                max == null ? null : ((Number) max).doubleValue(), opts, (String) help);
        return partial.withDefault(partial.validate(spec.get("default")));
    }

    private TunableSpec withDefault(Object value) {
        return new TunableSpec(name, type, value, min, max, options, help);
    }

    /**
     * The value in its canonical Java form ({@code Double}, {@code Long}, {@code Boolean}, {@code String}).
     *
     * @throws IllegalArgumentException saying what the tunable accepts
     */
    public Object validate(Object value) {
        return switch (type) {
            case "boolean" -> {
                if (!(value instanceof Boolean b)) {
                    throw wrong(value, "true or false");
                }
                yield b;
            }
            case "string" -> {
                if (!(value instanceof String s) || s.length() > MAX_STRING) {
                    throw wrong(value, "a string of at most " + MAX_STRING + " characters");
                }
                if (options != null && !options.contains(s)) {
                    throw wrong(value, "one of " + options);
                }
                yield s;
            }
            case "integer" -> {
                if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                        || Math.abs(n.doubleValue()) > 9.007199254740991E15) {
                    throw wrong(value, "a whole number" + range());
                }
                yield inRange(n.longValue());
            }
            default -> {
                if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                    throw wrong(value, "a finite number" + range());
                }
                yield inRange(n.doubleValue());
            }
        };
    }

    private <N extends Number> N inRange(N n) {
        if (min != null && n.doubleValue() < min || max != null && n.doubleValue() > max) {
            throw wrong(n, "a value" + range());
        }
        return n;
    }

    private String range() {
        if (min == null && max == null) {
            return "";
        }
        return " from " + (min == null ? "-∞" : format(min)) + " to " + (max == null ? "∞" : format(max));
    }

    private String format(double d) {
        return type.equals("integer") ? String.valueOf((long) d) : String.valueOf(d);
    }

    private IllegalArgumentException wrong(Object value, String expected) {
        return new IllegalArgumentException("tunable '" + name + "' (" + type + ") must be " + expected + ", was "
                + (value instanceof String ? "'" + value + "'" : String.valueOf(value)));
    }
}
