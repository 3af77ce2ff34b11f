package dev.backline.server.account.postgres;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.backline.persist.AuditEntry;
import dev.backline.persist.StoreUnavailableException;
import dev.backline.persist.postgres.AuditMapper;
import dev.backline.persist.postgres.Database;
import dev.backline.persist.postgres.PostgresAuditLog;
import dev.backline.server.account.Account;
import dev.backline.server.account.AccountName;
import dev.backline.server.account.AccountStore;
import dev.backline.server.account.CharacterRef;
import dev.backline.server.account.Role;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Accounts in PostgreSQL, written through: {@link #add} returns once the account, its first character and an
 * audit entry are committed in one transaction, so a 201 is never followed by a lost account. Look-ups by
 * name go through a Caffeine cache (logins ask for the same few accounts again and again; accounts change
 * only through this store, which keeps the cache in step), which also lets known players log in while the
 * database is briefly away.
 *
 * <pre>{@code AccountStore store = PostgresAccountStore.create(database);}</pre>
 */
public final class PostgresAccountStore implements AccountStore {
    private static final String UNIQUE_VIOLATION = "23505";

    private final SqlSessionFactory sessions;
    private final Cache<String, Account> byKey = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    private PostgresAccountStore(SqlSessionFactory sessions) {
        this.sessions = sessions;
    }

    public static PostgresAccountStore create(Database database) {
        Configuration configuration = database.sessions().getConfiguration();
        synchronized (configuration) {
            if (!configuration.hasMapper(AccountMapper.class)) {
                configuration.addMapper(AccountMapper.class);
            }
        }
        return new PostgresAccountStore(database.sessions());
    }

    /** The player entity of an account's first character; the same id the play endpoint connects. */
    static String firstCharacterId(AccountName name) {
        return "player:" + name.key();
    }

    /**
     * @throws StoreUnavailableException if the database cannot be reached; nothing was stored
     */
    @Override
    public boolean add(Account account) {
        var createdAt = account.createdAt().atOffset(ZoneOffset.UTC);
        String character = firstCharacterId(account.name());
        try (SqlSession session = sessions.openSession(false)) {
            AccountMapper accounts = session.getMapper(AccountMapper.class);
            accounts.insertAccount(new AccountRow(account.id(), account.name().value(), account.name().key(),
                    account.passwordHash(), createdAt, account.role().wire()));
            accounts.insertCharacter(new CharacterRow(character, account.id(), account.name().value(), createdAt));
            session.getMapper(AuditMapper.class).insert(PostgresAuditLog.row(new AuditEntry(account.createdAt(),
                    "account:" + account.name().key(), "account.create", character, Map.of("name", account.name().value()))));
            session.commit();
        } catch (RuntimeException e) {
            if (hasSqlState(e, UNIQUE_VIOLATION)) {
                return false;
            }
            throw unavailable("creating an account", e);
        }
        byKey.put(account.name().key(), account);
        return true;
    }

    /**
     * @throws StoreUnavailableException if the account is not cached and the database cannot be reached
     */
    @Override
    public Optional<Account> findByName(AccountName name) {
        Account cached = byKey.getIfPresent(name.key());
        if (cached != null) {
            return Optional.of(cached);
        }
        AccountRow row;
        try (SqlSession session = sessions.openSession()) {
            row = session.getMapper(AccountMapper.class).findByNameKey(name.key());
        } catch (RuntimeException e) {
            throw unavailable("looking up an account", e);
        }
        if (row == null) {
            return Optional.empty();
        }
        Account account = new Account(row.id(), AccountName.of(row.name()), row.passwordHash(), row.createdAt().toInstant(),
                Role.of(row.role()));
        byKey.put(name.key(), account);
        return Optional.of(account);
    }

    /** The entity ids of an account's characters, oldest first. */
    public List<String> characterIds(Account account) {
        return characters(account).stream().map(CharacterRef::entityId).toList();
    }

    @Override
    public List<CharacterRef> characters(Account account) {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(AccountMapper.class).characters(account.id());
        } catch (RuntimeException e) {
            throw unavailable("listing characters", e);
        }
    }

    /** Written through, with an audit entry in the same transaction. */
    @Override
    public Added addCharacter(Account account, CharacterRef character, int max) {
        Instant now = Instant.now();
        try (SqlSession session = sessions.openSession(false)) {
            AccountMapper accounts = session.getMapper(AccountMapper.class);
            if (accounts.lockAndCountCharacters(account.id()) >= max) {
                return Added.LIMIT_REACHED;
            }
            accounts.insertCharacter(new CharacterRow(character.entityId(), account.id(), character.name(),
                    now.atOffset(ZoneOffset.UTC)));
            session.getMapper(AuditMapper.class).insert(PostgresAuditLog.row(new AuditEntry(now,
                    "account:" + account.name().key(), "character.create", character.entityId(),
                    Map.of("name", character.name()))));
            session.commit();
            return Added.ADDED;
        } catch (RuntimeException e) {
            if (hasSqlState(e, UNIQUE_VIOLATION)) {
                return Added.NAME_TAKEN;
            }
            throw unavailable("creating a character", e);
        }
    }

    @Override
    public void updatePasswordHash(Account account, String passwordHash) {
        try (SqlSession session = sessions.openSession(true)) {
            session.getMapper(AccountMapper.class).updatePasswordHash(account.id(), passwordHash);
        } catch (RuntimeException e) {
            throw unavailable("storing a password hash", e);
        }
        byKey.asMap().computeIfPresent(account.name().key(), (k, a) -> a.withPasswordHash(passwordHash));
    }

    @Override
    public Optional<Account> setRole(AccountName name, Role role) {
        try (SqlSession session = sessions.openSession(true)) {
            if (session.getMapper(AccountMapper.class).updateRole(name.key(), role.wire()) == 0) {
                return Optional.empty();
            }
        } catch (RuntimeException e) {
            throw unavailable("changing a role", e);
        }
        byKey.invalidate(name.key());
        return findByName(name);
    }

    private static boolean hasSqlState(Throwable e, String state) {
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static StoreUnavailableException unavailable(String doing, RuntimeException e) {
        return e instanceof StoreUnavailableException u ? u
                : new StoreUnavailableException(doing + " failed: the database is unavailable or refused it", e);
    }
}
