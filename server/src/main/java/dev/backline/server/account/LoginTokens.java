package dev.backline.server.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issued login tokens: 32 random bytes, base64url, valid for a fixed time. Kept in memory, so a restart
 * logs everyone out (clients log in again). Thread-safe.
 */
final class LoginTokens {
    private static final int TOKEN_BYTES = 32;
    private static final int SWEEP_EVERY = 256;
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final ConcurrentMap<String, Grant> grants = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong issued = new AtomicLong();
    private final Duration ttl;
    private final Clock clock;

    /** Who a token belongs to and until when. */
    record Grant(Account account, Instant expiresAt) {
    }

    LoginTokens(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    LoginToken issue(Account account) {
        if (issued.incrementAndGet() % SWEEP_EVERY == 0) {
            sweep();
        }
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = B64URL.encodeToString(bytes);
        Instant expiresAt = clock.instant().plus(ttl);
        grants.put(token, new Grant(account, expiresAt));
        return new LoginToken(token, expiresAt);
    }

    Optional<Account> resolve(String token) {
        Grant grant = grants.get(token);
        if (grant == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(grant.expiresAt())) {
            grants.remove(token, grant);
            return Optional.empty();
        }
        return Optional.of(grant.account());
    }

    /** Drops expired tokens so the map cannot grow without bound. */
    private void sweep() {
        Instant now = clock.instant();
        grants.values().removeIf(g -> !now.isBefore(g.expiresAt()));
    }
}
