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
    private final InMemoryAccountStore store = new InMemoryAccountStore();
    private final AccountService accounts = AccountService.create(
            AccountsConfig.defaults().withHashMemoryKib(256).withMaxCharacters(2), store, clock);

    @Test
    void failedLoginsAreThrottledPerAccountAndPerAddress() {
        accounts.register("Alice", "password1");
        for (int i = 0; i < LoginThrottle.ACCOUNT_FAILURES; i++) {
            assertThat(accounts.login("Alice", "wrong-password", "10.0.0." + i)).isEmpty();
        }

        assertThatThrownBy(() -> accounts.login("alice", "password1", "10.0.0.99"))
                .as("the right password from a fresh address is refused while the account is throttled")
                .isInstanceOfSatisfying(LoginThrottledException.class,
                        e -> assertThat(e.retryAfter()).isPositive().isLessThanOrEqualTo(LoginThrottle.WINDOW));
        accounts.register("Bob", "password2");
        assertThat(accounts.login("Bob", "password2", "10.0.0.99")).as("other accounts are not affected").isPresent();

        clock.advance(LoginThrottle.WINDOW);
        assertThat(accounts.login("Alice", "password1", "10.0.0.99")).isPresent();

        for (int i = 0; i < LoginThrottle.ADDRESS_FAILURES; i++) {
            assertThat(accounts.login("user" + i, "wrong-password", "10.9.9.9")).isEmpty();
        }
        assertThatThrownBy(() -> accounts.login("Bob", "password2", "10.9.9.9"))
                .isInstanceOf(LoginThrottledException.class);
        assertThat(accounts.login("Bob", "password2", "10.0.0.7")).isPresent();
    }

    @Test
    void logoutRevokesTheToken() {
        accounts.register("Alice", "password1");
        String token = accounts.login("Alice", "password1").orElseThrow().token();

        assertThat(accounts.logout(token)).isTrue();
        assertThat(accounts.authenticate(token)).isEmpty();
        assertThat(accounts.logout(token)).isFalse();
    }

    @Test
    void aLegacyHashIsReplacedByArgon2idAtTheNextLogin() {
        Account alice = accounts.register("Alice", "password1");
        String legacy = "pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg$" + pbkdf2("password1");
        store.updatePasswordHash(alice, legacy);

        assertThat(accounts.login("Alice", "password1")).isPresent();

        String now = store.findByName(AccountName.of("alice")).orElseThrow().passwordHash();
        assertThat(now).startsWith("$argon2id$");
        assertThat(accounts.login("Alice", "password1")).as("the new hash works").isPresent();
    }

    @Test
    void anAccountOwnsUpToTheLimitOfCharactersWithUniqueNames() {
        Account alice = accounts.register("Alice", "password1");
        accounts.register("Bob", "password2");

        assertThat(accounts.addCharacter(alice, "Zed").entityId()).isEqualTo("player:zed");
        assertThat(accounts.characters(alice)).extracting(CharacterRef::name).containsExactly("Alice", "Zed");
        assertThatThrownBy(() -> accounts.addCharacter(alice, "bob")).isInstanceOfSatisfying(AccountRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(AccountRejectedException.Reason.NAME_TAKEN));
        assertThatThrownBy(() -> accounts.addCharacter(alice, "Yan")).isInstanceOfSatisfying(AccountRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(AccountRejectedException.Reason.LIMIT));
        assertThatThrownBy(() -> accounts.addCharacter(alice, "no way")).isInstanceOfSatisfying(AccountRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(AccountRejectedException.Reason.INVALID));
        assertThatThrownBy(() -> accounts.register("ZED", "password3")).as("a character's name is taken for accounts too")
                .isInstanceOf(AccountRejectedException.class);
    }

    @Test
    void aRoleChangeCountsForTokensIssuedBefore() {
        accounts.register("Alice", "password1");
        String token = accounts.login("Alice", "password1").orElseThrow().token();
        assertThat(accounts.authenticate(token).orElseThrow().role()).isEqualTo(Role.PLAYER);

        accounts.setRole("alice", Role.ADMIN);

        assertThat(accounts.authenticate(token).orElseThrow().role()).isEqualTo(Role.ADMIN);
        assertThat(accounts.setRole("nobody", Role.GM)).isEmpty();
    }

    private static String pbkdf2(String password) {
        try {
            byte[] key = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new javax.crypto.spec.PBEKeySpec(password.toCharArray(),
                            "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.UTF_8), 1000, 256)).getEncoded();
            return java.util.Base64.getEncoder().withoutPadding().encodeToString(key);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

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
        assertThatThrownBy(() -> accounts.register("Password1", "password1")).hasMessageContaining("must not be the account name");
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
