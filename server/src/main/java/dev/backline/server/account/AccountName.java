package dev.backline.server.account;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A player's account name as they chose it: 3 to 20 characters, a letter first, then letters, digits,
 * {@code _} or {@code -}. Names are unique regardless of case; {@link #key()} is the form to compare.
 *
 * <pre>{@code AccountName.of("Alice").key()  // "alice"}</pre>
 */
public record AccountName(String value) {
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{2,19}");
    static final String RULE = "a name must be 3 to 20 characters: a letter first, then letters, digits, '_' or '-'";

    public AccountName {
        Objects.requireNonNull(value, "name");
        if (!isValid(value)) {
            throw new IllegalArgumentException(RULE);
        }
    }

    public static AccountName of(String value) {
        return new AccountName(value);
    }

    public static boolean isValid(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    /** The case-insensitive form used for uniqueness, look-ups and the player's entity id. */
    public String key() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
