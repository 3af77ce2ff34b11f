package dev.backline.server.account;

import dev.backline.persist.StoreUnavailableException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Registering, logging in and out, characters, roles and resolving login tokens. Thread-safe; hashing is
 * slow on purpose, so call it from request threads (virtual threads), never from the world thread.
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
    /** The address of callers that do not say where they are (direct calls in tests). */
    private static final String NO_ADDRESS = "-";

    private final AccountsConfig config;
    private final AccountStore store;
    private final PasswordHasher hasher;
    private final LoginTokens tokens;
    private final LoginThrottle throttle;
    private final Clock clock;
    private volatile String decoyHash;

    private AccountService(AccountsConfig config, AccountStore store, Clock clock) {
        this.config = config;
        this.store = store;
        this.hasher = new PasswordHasher(config.hashMemoryKib());
        this.tokens = new LoginTokens(config.tokenTtl(), clock);
        this.throttle = new LoginThrottle(clock);
        this.clock = clock;
    }

    public static AccountService create(AccountsConfig config, AccountStore store, Clock clock) {
        return new AccountService(config, store, clock);
    }

    /**
     * Creates an account and its first character, which has the account's name.
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
        if (password.equalsIgnoreCase(name)) {
            throw new AccountRejectedException(AccountRejectedException.Reason.INVALID,
                    "the password must not be the account name");
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

    /** {@link #login(String, String, String)} from an unknown address. */
    public Optional<LoginToken> login(String name, String password) {
        return login(name, password, NO_ADDRESS);
    }

    /**
     * Checks name and password; returns a fresh token, or empty if either is wrong. A hash made with older
     * parameters (or PBKDF2) is replaced by a current one after a successful check.
     *
     * @param address the client's address, for throttling
     * @throws LoginThrottledException after too many failures for this account or from this address
     */
    public Optional<LoginToken> login(String name, String password, String address) {
        String key = AccountName.isValid(name) ? AccountName.of(name).key() : "";
        Optional<Duration> wait = throttle.blocked(key, address);
        if (wait.isPresent()) {
            throw new LoginThrottledException(wait.get());
        }
        if (password == null || password.length() > MAX_PASSWORD) {
            throttle.failed(key, address);
            return Optional.empty();
        }
        Optional<Account> account = key.isEmpty() ? Optional.empty() : store.findByName(AccountName.of(name));
        if (account.isEmpty()) {
            // Spend the same time as a real check, so response times do not reveal which names exist.
            hasher.verify(password, decoyHash());
            throttle.failed(key, address);
            return Optional.empty();
        }
        if (!hasher.verify(password, account.get().passwordHash())) {
            throttle.failed(key, address);
            LOG.log(Level.INFO, "failed login for " + account.get().name() + " from " + address);
            return Optional.empty();
        }
        Account current = rehashIfOld(account.get(), password);
        return Optional.of(tokens.issue(current));
    }

    private Account rehashIfOld(Account account, String password) {
        if (!hasher.needsRehash(account.passwordHash())) {
            return account;
        }
        String hash = hasher.hash(password);
        try {
            store.updatePasswordHash(account, hash);
        } catch (StoreUnavailableException e) {
            // The old hash still works; the next login tries again.
            LOG.log(Level.WARNING, "could not store the new password hash of " + account.name() + ": " + e.getMessage());
            return account;
        }
        return account.withPasswordHash(hash);
    }

    /** Ends the session of a token; true if the token was valid. */
    public boolean logout(String token) {
        return token != null && tokens.revoke(token);
    }

    /**
     * The account a token was issued to, if the token is known and not expired, as it is now (a role
     * changed since the login counts).
     */
    public Optional<Account> authenticate(String token) {
        Optional<Account> granted = token == null ? Optional.empty() : tokens.resolve(token);
        if (granted.isEmpty()) {
            return granted;
        }
        try {
            return Optional.of(store.findByName(granted.get().name()).orElse(granted.get()));
        } catch (StoreUnavailableException e) {
            return granted;
        }
    }

    /** Finds an account by name. */
    public Optional<Account> find(String name) {
        return AccountName.isValid(name) ? store.findByName(AccountName.of(name)) : Optional.empty();
    }

    /** The account's characters, oldest first. */
    public List<CharacterRef> characters(Account account) {
        return store.characters(account);
    }

    /**
     * Adds a character to the account.
     *
     * @throws AccountRejectedException {@code INVALID} for a bad name or when the account has the most it may
     *                                  own, {@code NAME_TAKEN} if any account or character has the name
     */
    public CharacterRef addCharacter(Account account, String name) {
        if (!AccountName.isValid(name)) {
            throw new AccountRejectedException(AccountRejectedException.Reason.INVALID,
                    AccountName.RULE.replace("a name", "a character name"));
        }
        CharacterRef character = CharacterRef.of(AccountName.of(name));
        if (store.findByName(AccountName.of(name)).filter(a -> !a.id().equals(account.id())).isPresent()) {
            throw taken(AccountName.of(name));
        }
        return switch (store.addCharacter(account, character, config.maxCharacters())) {
            case ADDED -> {
                LOG.log(Level.INFO, "character " + character.name() + " created for " + account.name());
                yield character;
            }
            case NAME_TAKEN -> throw taken(AccountName.of(name));
            case LIMIT_REACHED -> throw new AccountRejectedException(AccountRejectedException.Reason.LIMIT,
                    "an account may own at most " + config.maxCharacters() + " characters");
        };
    }

    /** Sets an account's role; empty if there is no such account. */
    public Optional<Account> setRole(String name, Role role) {
        return AccountName.isValid(name) ? store.setRole(AccountName.of(name), role) : Optional.empty();
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
