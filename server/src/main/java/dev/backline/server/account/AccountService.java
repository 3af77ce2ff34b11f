package dev.backline.server.account;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Registering, logging in and resolving login tokens. Thread-safe; hashing is slow on purpose, so call
 * it from request threads (virtual threads), never from the world thread.
 *
 * <pre>{@code
 * AccountService accounts = AccountService.create(AccountsConfig.defaults(), new InMemoryAccountStore(), Clock.systemUTC());
 * accounts.register("Alice", "correct horse");
 * LoginToken token = accounts.login("alice", "correct horse").orElseThrow();
 * }</pre>
 */
public final class AccountService {
    private static final Logger LOG = System.getLogger("backline.accounts");
    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD = 128;

    private final AccountStore store;
    private final PasswordHasher hasher;
    private final LoginTokens tokens;
    private final Clock clock;
    private volatile String decoyHash;

    private AccountService(AccountsConfig config, AccountStore store, Clock clock) {
        this.store = store;
        this.hasher = new PasswordHasher(config.passwordIterations());
        this.tokens = new LoginTokens(config.tokenTtl(), clock);
        this.clock = clock;
    }

    public static AccountService create(AccountsConfig config, AccountStore store, Clock clock) {
        return new AccountService(config, store, clock);
    }

    /**
     * Creates an account.
     *
     * @throws AccountRejectedException with {@code INVALID} for a bad name or password, {@code NAME_TAKEN}
     *                                  if the name is in use in any letter case
     */
    public Account register(String name, String password) {
        if (!AccountName.isValid(name)) {
            throw new AccountRejectedException(AccountRejectedException.Reason.INVALID, AccountName.RULE);
        }
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw new AccountRejectedException(AccountRejectedException.Reason.INVALID,
                    "a password must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
        }
        AccountName accountName = AccountName.of(name);
        if (store.findByName(accountName).isPresent()) {
            throw taken(accountName);
        }
        Account account = new Account(UUID.randomUUID().toString(), accountName, hasher.hash(password), clock.instant());
        if (!store.add(account)) {
            throw taken(accountName);
        }
        LOG.log(Level.INFO, "account created: " + accountName);
        return account;
    }

    /** Checks name and password; returns a fresh token, or empty if either is wrong. */
    public Optional<LoginToken> login(String name, String password) {
        if (password == null || password.length() > MAX_PASSWORD) {
            return Optional.empty();
        }
        Optional<Account> account = AccountName.isValid(name) ? store.findByName(AccountName.of(name)) : Optional.empty();
        if (account.isEmpty()) {
            // Spend the same time as a real check, so response times do not reveal which names exist.
            hasher.verify(password, decoyHash());
            return Optional.empty();
        }
        if (!hasher.verify(password, account.get().passwordHash())) {
            return Optional.empty();
        }
        return Optional.of(tokens.issue(account.get()));
    }

    /** The account a token was issued to, if the token is known and not expired. */
    public Optional<Account> authenticate(String token) {
        return token == null ? Optional.empty() : tokens.resolve(token);
    }

    private String decoyHash() {
        String hash = decoyHash;
        if (hash == null) {
            hash = hasher.hash(UUID.randomUUID().toString());
            decoyHash = hash;
        }
        return hash;
    }

    private static AccountRejectedException taken(AccountName name) {
        return new AccountRejectedException(AccountRejectedException.Reason.NAME_TAKEN,
                "the name '" + name + "' is taken");
    }
}
