package dev.backline.server.account;

import java.util.Optional;

/**
 * Where accounts live. Implementations are thread-safe; names are unique regardless of case. Production
 * uses {@code PostgresAccountStore} (written through before registration answers); tests may use
 * {@link InMemoryAccountStore}. A store that cannot reach its database throws
 * {@link dev.backline.persist.StoreUnavailableException}.
 */
public interface AccountStore {
    /**
     * Adds an account unless its name is taken.
     *
     * @return false if an account with the same name (ignoring case) exists; nothing was added
     */
    boolean add(Account account);

    /** Finds an account by name, ignoring case. */
    Optional<Account> findByName(AccountName name);
}
