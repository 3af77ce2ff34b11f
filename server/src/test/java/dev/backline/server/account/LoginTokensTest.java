package dev.backline.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LoginTokensTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T12:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final Account alice = new Account("a-1", AccountName.of("Alice"), "hash", Instant.EPOCH);

    @Test
    void expiredGrantsLeaveTheCacheSoItCannotGrowWithoutBound() {
        LoginTokens tokens = new LoginTokens(Duration.ofMinutes(10), clock);
        LoginToken first = tokens.issue(alice);
        tokens.issue(alice);
        assertThat(tokens.size()).isEqualTo(2);

        now.updateAndGet(t -> t.plus(Duration.ofMinutes(9)));
        LoginToken later = tokens.issue(alice);
        assertThat(tokens.resolve(first.token())).contains(alice);

        now.updateAndGet(t -> t.plus(Duration.ofMinutes(2)));
        assertThat(tokens.resolve(first.token())).isEmpty();
        assertThat(tokens.size()).as("the two expired grants are gone").isEqualTo(1);
        assertThat(tokens.resolve(later.token())).contains(alice);
    }
}
