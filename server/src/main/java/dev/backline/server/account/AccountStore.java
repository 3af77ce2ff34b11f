package dev.backline.server.account;

import java.util.List;
import java.util.Optional;

/**
 * Where accounts and their characters live. Implementations are thread-safe; account names are unique
 * regardless of case, and so are character names (a character is an entity {@code player:<name key>}; an
 * account's first character has the account's name). Production uses {@code PostgresAccountStore} (written
 * through before anything is acknowledged); tests may use {@link InMemoryAccountStore}. A store that cannot
 * reach its database throws {@link dev.backline.persist.StoreUnavailableException}.
 */
public interface AccountStore {
    /** What {@link #addCharacter} did. */
    enum Added { ADDED, NAME_TAKEN, LIMIT_REACHED }

    /**
     * Adds an account and its first character unless the name is taken.
     *
     * @return false if an account or character with the same name (ignoring case) exists; nothing was added
     */
    boolean add(Account account);

    /** Finds an account by name, ignoring case. */
    Optional<Account> findByName(AccountName name);

    /** Replaces an account's password hash (a rehash at login); the account is found by id. */
    void updatePasswordHash(Account account, String passwordHash);

    /** Sets an account's role; empty if there is no such account. */
    Optional<Account> setRole(AccountName name, Role role);

    /** The account's characters, oldest first. */
    List<CharacterRef> characters(Account account);

    /** Adds a character to the account unless its name is taken or the account already has {@code max}. */
    Added addCharacter(Account account, CharacterRef character, int max);
}
