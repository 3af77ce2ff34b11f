package dev.backline.server.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Slows down password guessing: every failed login takes a token from a bucket of the account and one of
 * the client's address (Bucket4j, refilled greedily). While either bucket is empty, logins for that account
 * or from that address are refused before the password is even checked, with the time until a token comes
 * back. Successful logins cost nothing. Buckets live in bounded Caffeine caches, so a flood of made-up names
 * or addresses cannot grow memory without bound. Thread-safe.
 */
final class LoginThrottle {
    /** Failures an account may see per {@link #WINDOW} (from anywhere) before it is throttled. */
    static final int ACCOUNT_FAILURES = 5;
    /** Failures one address may make per {@link #WINDOW} (on any account) before it is throttled. */
    static final int ADDRESS_FAILURES = 30;
    static final Duration WINDOW = Duration.ofMinutes(5);

    private final Cache<String, Bucket> accounts = cache();
    private final Cache<String, Bucket> addresses = cache();
    private final TimeMeter meter;

    LoginThrottle(Clock clock) {
        this.meter = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    private static Cache<String, Bucket> cache() {
        return Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(WINDOW.multipliedBy(2)).build();
    }

    /** How long the caller must wait before trying this account from this address again, if at all. */
    Optional<Duration> blocked(String accountKey, String address) {
        long wait = Math.max(waitNanos(accounts, accountKey), waitNanos(addresses, address));
        return wait > 0 ? Optional.of(Duration.ofNanos(wait)) : Optional.empty();
    }

    /** Counts a failed login against the account and the address. */
    void failed(String accountKey, String address) {
        if (!accountKey.isEmpty()) {
            bucket(accounts, accountKey, ACCOUNT_FAILURES).tryConsume(1);
        }
        bucket(addresses, address, ADDRESS_FAILURES).tryConsume(1);
    }

    private static long waitNanos(Cache<String, Bucket> cache, String key) {
        Bucket bucket = cache.getIfPresent(key);
        if (bucket == null) {
            return 0;
        }
        EstimationProbe estimate = bucket.estimateAbilityToConsume(1);
        return estimate.canBeConsumed() ? 0 : estimate.getNanosToWaitForRefill();
    }

    private Bucket bucket(Cache<String, Bucket> cache, String key, int capacity) {
        return cache.get(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, WINDOW))
                .withCustomTimePrecision(meter)
                .build());
    }
}
