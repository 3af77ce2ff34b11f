package dev.backline.server.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AccountServiceTest {
    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final AccountService accounts = AccountService.create(
            AccountsConfig.defaults().withPasswordIterations(1_000), new InMemoryAccountStore(), clock);

    @Test
    void registersAndLogsIn() {
        Account alice = accounts.register("Alice", "password1");

        LoginToken token = accounts.login("ALICE", "password1").orElseThrow();

        assertThat(alice.name().value()).isEqualTo("Alice");
        assertThat(alice.passwordHash()).doesNotContain("password1");
        assertThat(alice.toString()).doesNotContain(alice.passwordHash());
        assertThat(token.token()).matches("[A-Za-z0-9_-]{43}");
        assertThat(token.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));
        assertThat(accounts.authenticate(token.token())).contains(alice);
    }

    @Test
    void namesAreUniqueIgnoringCase() {
        accounts.register("Alice", "password1");

        assertThatThrownBy(() -> accounts.register("aLiCe", "password2"))
                .isInstanceOfSatisfying(AccountRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AccountRejectedException.Reason.NAME_TAKEN))
                .hasMessageContaining("taken");
    }

    @Test
    void rejectsBadNamesAndPasswords() {
        for (String name : new String[] {null, "", "ab", "_abc", "9lives", "a b c", "abcdefghijklmnopqrstu", "émile"}) {
            assertThatThrownBy(() -> accounts.register(name, "password1")).as(name)
                    .isInstanceOfSatisfying(AccountRejectedException.class,
                            e -> assertThat(e.reason()).isEqualTo(AccountRejectedException.Reason.INVALID));
        }
        for (String password : new String[] {null, "", "1234567", "x".repeat(129)}) {
            assertThatThrownBy(() -> accounts.register("Valid_Name-1", password))
                    .isInstanceOf(AccountRejectedException.class).hasMessageContaining("password");
        }
        assertThat(accounts.register("abc", "12345678").name().key()).isEqualTo("abc");
        assertThat(accounts.register("Z_2345678901234567-9", "x".repeat(128)).name().value()).hasSize(20);
    }

    @Test
    void wrongPasswordsAndUnknownNamesDoNotLogIn() {
        accounts.register("Alice", "password1");

        assertThat(accounts.login("Alice", "password2")).isEmpty();
        assertThat(accounts.login("Nobody", "password1")).isEmpty();
        assertThat(accounts.login("no such name!", "password1")).isEmpty();
        assertThat(accounts.login("Alice", null)).isEmpty();
    }

    @Test
    void tokensExpire() {
        accounts.register("Alice", "password1");
        String token = accounts.login("Alice", "password1").orElseThrow().token();

        clock.advance(Duration.ofHours(24).minusSeconds(1));
        assertThat(accounts.authenticate(token)).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(accounts.authenticate(token)).isEmpty();
    }

    @Test
    void unknownTokensAuthenticateNobody() {
        assertThat(accounts.authenticate("made-up")).isEmpty();
        assertThat(accounts.authenticate(null)).isEmpty();
    }

    private static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
