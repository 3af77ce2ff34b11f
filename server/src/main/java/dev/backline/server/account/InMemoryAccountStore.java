package dev.backline.server.account;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Accounts in maps, lost on restart: for tests that need no database. Synchronized: it is small and simple. */
public final class InMemoryAccountStore implements AccountStore {
    private final Map<String, Account> byKey = new HashMap<>();
    private final Map<String, List<CharacterRef>> characters = new HashMap<>();
    private final Set<String> characterIds = new HashSet<>();

    @Override
    public synchronized boolean add(Account account) {
        String first = account.firstCharacterId();
        if (byKey.containsKey(account.name().key()) || characterIds.contains(first)) {
            return false;
        }
        byKey.put(account.name().key(), account);
        characterIds.add(first);
        characters.put(account.id(), new ArrayList<>(List.of(CharacterRef.of(account.name()))));
        return true;
    }

    @Override
    public synchronized Optional<Account> findByName(AccountName name) {
        return Optional.ofNullable(byKey.get(name.key()));
    }

    @Override
    public synchronized void updatePasswordHash(Account account, String passwordHash) {
        byKey.computeIfPresent(account.name().key(), (k, a) -> a.withPasswordHash(passwordHash));
    }

    @Override
    public synchronized Optional<Account> setRole(AccountName name, Role role) {
        return Optional.ofNullable(byKey.computeIfPresent(name.key(), (k, a) -> a.withRole(role)));
    }

    @Override
    public synchronized List<CharacterRef> characters(Account account) {
        return List.copyOf(characters.getOrDefault(account.id(), List.of()));
    }

    @Override
    public synchronized Added addCharacter(Account account, CharacterRef character, int max) {
        List<CharacterRef> owned = characters.computeIfAbsent(account.id(), k -> new ArrayList<>());
        if (owned.size() >= max) {
            return Added.LIMIT_REACHED;
        }
        if (!characterIds.add(character.entityId())) {
            return Added.NAME_TAKEN;
        }
        owned.add(character);
        return Added.ADDED;
    }
}
