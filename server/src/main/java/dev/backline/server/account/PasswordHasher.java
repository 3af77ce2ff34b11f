package dev.backline.server.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (BouncyCastle) for new hashes, in the PHC string form {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}
 * that carries its own parameters. Hashes of the first release ({@code pbkdf2-sha256$<rounds>$<salt>$<hash>})
 * still verify; {@link #needsRehash} says when a hash should be replaced at the next successful login.
 *
 * <pre>{@code
 * PasswordHasher hasher = new PasswordHasher(19_456);
 * String stored = hasher.hash("correct horse");
 * hasher.verify("correct horse", stored);  // true
 * }</pre>
 */
public final class PasswordHasher {
    private static final String ARGON2_PREFIX = "$argon2id$v=19$";
    private static final String PBKDF2_PREFIX = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    /** OWASP's minimum for Argon2id with 19 MiB: two passes, one lane. */
    private static final int PASSES = 2;
    private static final int LANES = 1;
    /** Refuse to spend more than this on a stored hash that claims a huge cost (a forged or corrupt row). */
    private static final int MAX_MEMORY_KIB = 1 << 20;
    private static final int MAX_PASSES = 16;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getDecoder();

    private final int memoryKib;
    private final SecureRandom random = new SecureRandom();

    /** @param memoryKib Argon2id memory cost for new hashes (production: at least 19,456 KiB) */
    public PasswordHasher(int memoryKib) {
        if (memoryKib < 64 || memoryKib > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("memory must be 64 to " + MAX_MEMORY_KIB + " KiB, was " + memoryKib);
        }
        this.memoryKib = memoryKib;
    }

    /** Hashes a password with a fresh salt. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2(password, salt, memoryKib, PASSES, LANES, HASH_BYTES);
        return ARGON2_PREFIX + "m=" + memoryKib + ",t=" + PASSES + ",p=" + LANES + "$" + B64.encodeToString(salt)
                + "$" + B64.encodeToString(hash);
    }

    /** Whether {@code password} matches {@code encoded}; false for anything this class cannot read. */
    public boolean verify(String password, String encoded) {
        try {
            if (encoded.startsWith(ARGON2_PREFIX)) {
                return verifyArgon2(password, encoded.substring(ARGON2_PREFIX.length()));
            }
            if (encoded.startsWith(PBKDF2_PREFIX + "$")) {
                return verifyPbkdf2(password, encoded);
            }
            return false;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether {@code encoded} is not Argon2id with this hasher's parameters, so it should be hashed anew. */
    public boolean needsRehash(String encoded) {
        return !encoded.startsWith(ARGON2_PREFIX + "m=" + memoryKib + ",t=" + PASSES + ",p=" + LANES + "$");
    }

    private static boolean verifyArgon2(String password, String rest) {
        String[] parts = rest.split("\\$");
        if (parts.length != 3) {
            return false;
        }
        int memory = -1;
        int passes = -1;
        int lanes = -1;
        for (String param : parts[0].split(",")) {
            String[] kv = param.split("=", 2);
            if (kv.length != 2) {
                return false;
            }
            int value = Integer.parseInt(kv[1]);
            switch (kv[0]) {
                case "m" -> memory = value;
                case "t" -> passes = value;
                case "p" -> lanes = value;
                default -> {
                    return false;
                }
            }
        }
        if (memory < 8 || memory > MAX_MEMORY_KIB || passes < 1 || passes > MAX_PASSES || lanes < 1 || lanes > 16) {
            return false;
        }
        byte[] salt = B64_DECODE.decode(parts[1]);
        byte[] expected = B64_DECODE.decode(parts[2]);
        if (expected.length < 16 || expected.length > 64) {
            return false;
        }
        return MessageDigest.isEqual(expected, argon2(password, salt, memory, passes, lanes, expected.length));
    }

    private static byte[] argon2(String password, byte[] salt, int memoryKib, int passes, int lanes, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(passes)
                .withParallelism(lanes)
                .withSalt(salt)
                .build());
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }

    private static boolean verifyPbkdf2(String password, String encoded) {
        String[] parts = encoded.split("\\$");
        if (parts.length != 4) {
            return false;
        }
        int rounds = Integer.parseInt(parts[1]);
        if (rounds < 1 || rounds > 10_000_000) {
            return false;
        }
        byte[] salt = B64_DECODE.decode(parts[2]);
        byte[] expected = B64_DECODE.decode(parts[3]);
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, rounds, expected.length * 8);
        try {
            byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return MessageDigest.isEqual(expected, derived);
        } catch (GeneralSecurityException e) {
            // Every Java SE runtime must provide PBKDF2WithHmacSHA256.
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
        }
    }
}
