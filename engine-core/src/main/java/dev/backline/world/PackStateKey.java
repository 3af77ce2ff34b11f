package dev.backline.world;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One entry of a pack's module state store: the pack's name and a key of its choosing.
 *
 * <pre>{@code PackStateKey key = PackStateKey.of("backline-city", "lastDailyReset");}</pre>
 */
public record PackStateKey(String pack, String key) implements Comparable<PackStateKey> {
    private static final Pattern PACK = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    static final int MAX_KEY_LENGTH = 128;

    public PackStateKey {
        requirePackName(pack);
        Objects.requireNonNull(key, "key");
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || key.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a state key of pack '" + pack + "' must have 1 to "
                    + MAX_KEY_LENGTH + " characters and no NUL character");
        }
    }

    public static PackStateKey of(String pack, String key) {
        return new PackStateKey(pack, key);
    }

    /**
     * Checks a pack name as pack manifests define it.
     *
     * @throws IllegalArgumentException if it is not a lower-case word of at most 40 letters, digits and '-'
     */
    public static String requirePackName(String pack) {
        Objects.requireNonNull(pack, "pack");
        if (!PACK.matcher(pack).matches()) {
            throw new IllegalArgumentException("pack name '" + pack
                    + "' must be a lower-case word of at most 40 letters, digits and '-'");
        }
        return pack;
    }

    @Override
    public int compareTo(PackStateKey other) {
        int byPack = pack.compareTo(other.pack);
        return byPack != 0 ? byPack : key.compareTo(other.key);
    }

    @Override
    public String toString() {
        return pack + "/" + key;
    }
}
