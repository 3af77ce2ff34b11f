package dev.backline.server.account;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Accounts in a map, lost on restart: for tests that need no database. */
public final class InMemoryAccountStore implements AccountStore {
    private final ConcurrentMap<String, Account> byKey = new ConcurrentHashMap<>();

    @Override
    public boolean add(Account account) {
        return byKey.putIfAbsent(account.name().key(), account) == null;
    }

    @Override
    public Optional<Account> findByName(AccountName name) {
        return Optional.ofNullable(byKey.get(name.key()));
    }
}
