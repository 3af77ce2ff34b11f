package dev.backline.server.config;

import io.helidon.config.Config;
import io.helidon.config.ConfigException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed reads from Helidon {@link Config}, each with a default and a range. A bad value fails with one line
 * naming the key (and the environment variable, if it came from one).
 */
final class ConfigReader {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private final Config root;
    private final Map<String, String> envNames;

    /** @param envNames config key to the environment variable that set it, for error messages */
    ConfigReader(Config root, Map<String, String> envNames) {
        this.root = root;
        this.envNames = envNames;
    }

    String string(String key, String fallback) {
        return raw(key).map(String::strip).orElse(fallback);
    }

    boolean bool(String key, boolean fallback) {
        Optional<String> raw = raw(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        return switch (raw.get().strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw bad(key, raw.get(), "must be true or false");
        };
    }

    int integer(String key, int fallback, int min, int max) {
        Optional<String> raw = raw(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(raw.get().strip().replace("_", ""));
        } catch (NumberFormatException e) {
            throw bad(key, raw.get(), "is not a whole number");
        }
        if (value < min || value > max) {
            throw bad(key, raw.get(), "must be between " + min + " and " + max);
        }
        return value;
    }

    long longValue(String key, long fallback) {
        Optional<String> raw = raw(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(raw.get().strip().replace("_", ""));
        } catch (NumberFormatException e) {
            throw bad(key, raw.get(), "is not a whole number");
        }
    }

    double positiveDecimal(String key, double fallback) {
        Optional<String> raw = raw(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        double value;
        try {
            value = Double.parseDouble(raw.get().strip());
        } catch (NumberFormatException e) {
            throw bad(key, raw.get(), "is not a number");
        }
        if (!(value > 0) || Double.isInfinite(value)) {
            throw bad(key, raw.get(), "must be a positive number");
        }
        return value;
    }

    /** A duration like {@code 500ms}, {@code 10s}, {@code 5m}, {@code 24h}, {@code 1d} or ISO {@code PT10S}. */
    Duration duration(String key, Duration fallback, Duration min, Duration max) {
        Optional<String> raw = raw(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        Duration value = parseDuration(raw.get().strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> bad(key, raw.get(), "is not a duration like 500ms, 10s, 5m or 24h"));
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw bad(key, raw.get(), "must be between " + min + " and " + max);
        }
        return value;
    }

    Instant instant(String key, Instant fallback) {
        Optional<String> raw = raw(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            return Instant.parse(raw.get().strip());
        } catch (DateTimeParseException e) {
            throw bad(key, raw.get(), "is not an instant like 2026-01-01T08:00:00Z");
        }
    }

    Path path(String key, Path fallback) {
        Optional<String> raw = raw(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            return Path.of(raw.get().strip());
        } catch (InvalidPathException e) {
            throw bad(key, raw.get(), "is not a valid path: " + e.getReason());
        }
    }

    /** An error naming the key, for values that parse but break a rule. */
    InvalidConfigException bad(String key, String raw, String problem) {
        String env = envNames.get(key);
        return new InvalidConfigException("config '" + key + "'"
                + (env == null ? "" : " (from " + env + ")") + ": '" + raw + "' " + problem);
    }

    private Optional<String> raw(String key) {
        Config node = root.get(key);
        if (!node.exists()) {
            return Optional.empty();
        }
        if (!node.isLeaf()) {
            throw new InvalidConfigException("config '" + key + "' must be a single value, not a section");
        }
        try {
            return node.asString().asOptional().filter(s -> !s.isBlank());
        } catch (ConfigException e) {
            throw new InvalidConfigException("config '" + key + "': " + e.getMessage());
        }
    }

    private static Optional<Duration> parseDuration(String s) {
        if (s.startsWith("p")) {
            try {
                return Optional.of(Duration.parse(s.toUpperCase(Locale.ROOT)));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        Matcher m = DURATION.matcher(s);
        if (!m.matches()) {
            return Optional.empty();
        }
        long n;
        try {
            n = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }
}
