package dev.backline.server.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Issued login tokens: 32 random bytes, base64url, valid for a fixed time or until revoked (logout). The token → account map is a
 * Caffeine cache that drops each token when it expires (on the same clock the expiry is checked against) and
 * is bounded in size, so resolving a token on every connection never touches the database and the map
 * cannot grow without bound. Kept in memory: a restart logs everyone out (clients log in again).
 * Thread-safe.
 */
final class LoginTokens {
    private static final int TOKEN_BYTES = 32;
    /** Far above the players one server holds; past it the oldest grants are dropped first. */
    static final long MAX_TOKENS = 1_000_000;
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final Cache<String, Grant> grants;
    private final SecureRandom random = new SecureRandom();
    private final Duration ttl;
    private final Clock clock;

    /** Who a token belongs to and until when. */
    record Grant(Account account, Instant expiresAt) {
    }

    LoginTokens(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
        this.grants = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .ticker(() -> clock.millis() * 1_000_000L)
                .maximumSize(MAX_TOKENS)
                .build();
    }

    LoginToken issue(Account account) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = B64URL.encodeToString(bytes);
        Instant expiresAt = clock.instant().plus(ttl);
        grants.put(token, new Grant(account, expiresAt));
        return new LoginToken(token, expiresAt);
    }

    Optional<Account> resolve(String token) {
        Grant grant = grants.getIfPresent(token);
        // The cache expires entries too, but only to the millisecond of its ticker: this check is exact.
        if (grant == null || !clock.instant().isBefore(grant.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(grant.account());
    }

    /** Forgets a token (logout); true if it was known. */
    boolean revoke(String token) {
        return grants.asMap().remove(token) != null;
    }

    /** Grants held now, expired ones dropped first. */
    long size() {
        grants.cleanUp();
        return grants.estimatedSize();
    }
}
