package dev.backline.server.admin;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The bootstrap bearer token for {@code /admin}: it makes the first admin account
 * ({@code PUT /admin/accounts/{name}/role}) and stays a break-glass key; day to day, live-ops use the tokens
 * of their own admin accounts, so the audit log names them. Without a configured
 * token ({@code null}) the server makes a random one at start-up and logs it once, so the admin API is
 * never open to anyone who merely finds it.
 */
public record AdminConfig(String token) {
    static final int MIN_LENGTH = 16;

    public AdminConfig {
        if (token != null && token.strip().length() < MIN_LENGTH) {
            throw new IllegalArgumentException("the admin token must have at least " + MIN_LENGTH + " characters");
        }
    }

    public static AdminConfig defaults() {
        return new AdminConfig(null);
    }

    /** The configured token, or a fresh random one. */
    public AdminConfig orGenerated() {
        if (token != null) {
            return this;
        }
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return new AdminConfig(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }
}
