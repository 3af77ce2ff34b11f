package dev.backline.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(256);

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = hasher.hash("correct horse");

        assertThat(hash).startsWith("$argon2id$v=19$m=256,t=2,p=1$").doesNotContain("correct horse");
        assertThat(hasher.verify("correct horse", hash)).isTrue();
        assertThat(hasher.verify("correct horsE", hash)).isFalse();
        assertThat(hasher.needsRehash(hash)).isFalse();
    }

    @Test
    void saltsEveryHash() {
        assertThat(hasher.hash("same password")).isNotEqualTo(hasher.hash("same password"));
    }

    @Test
    void verifiesHashesMadeWithOtherParametersAndAsksForARehash() {
        String old = new PasswordHasher(128).hash("password1");

        assertThat(hasher.verify("password1", old)).isTrue();
        assertThat(hasher.needsRehash(old)).isTrue();
    }

    @Test
    void matchesAKnownArgon2idVector() {
        // From the reference implementation: argon2 "password" "somesalt" -id -t 2 -m 16 -p 1 -l 32
        String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

        assertThat(hasher.verify("password", reference)).isTrue();
        assertThat(hasher.verify("Password", reference)).isFalse();
    }

    @Test
    void stillVerifiesPbkdf2HashesOfTheFirstReleaseAndAsksForARehash() throws Exception {
        byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.UTF_8);
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec("password1".toCharArray(), salt, 1000, 256)).getEncoded();
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        String legacy = "pbkdf2-sha256$1000$" + b64.encodeToString(salt) + "$" + b64.encodeToString(key);

        assertThat(hasher.verify("password1", legacy)).isTrue();
        assertThat(hasher.verify("password2", legacy)).isFalse();
        assertThat(hasher.needsRehash(legacy)).isTrue();
    }

    @Test
    void garbageNeverVerifies() {
        assertThat(hasher.verify("x", "")).isFalse();
        assertThat(hasher.verify("x", "plain")).isFalse();
        assertThat(hasher.verify("x", "pbkdf2-sha256$abc$AAAA$AAAA")).isFalse();
        assertThat(hasher.verify("x", "pbkdf2-sha256$0$AAAA$AAAA")).isFalse();
        assertThat(hasher.verify("x", "pbkdf2-sha256$10$!!!$AAAA")).isFalse();
        assertThat(hasher.verify("x", "md5$10$AAAA$AAAA")).isFalse();
        assertThat(hasher.verify("x", "$argon2id$v=19$m=99999999,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA"))
                .as("a forged cost is refused, not computed").isFalse();
        assertThat(hasher.verify("x", "$argon2id$v=19$m=256,t=2$AAAA$AAAA")).isFalse();
        assertThat(hasher.verify("x", "$argon2id$v=19$m=256,t=2,p=1,q=3$AAAA$AAAA")).isFalse();
    }
}
