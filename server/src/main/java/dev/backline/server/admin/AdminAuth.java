package dev.backline.server.admin;

import dev.backline.persist.AuditEntry;
import dev.backline.persist.AuditLog;
import dev.backline.persist.StoreUnavailableException;
import dev.backline.server.account.Account;
import dev.backline.server.account.AccountService;
import dev.backline.server.account.Role;
import dev.backline.server.http.ApiException;
import dev.backline.server.http.Bearer;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who may use {@code /admin}: the bearer token of an account with the {@code admin} role, or the configured
 * bootstrap token (to make the first admin, and as a break-glass key; compared in constant time). No token
 * or an unknown one is 401, a player's or GM's token 403. Every accepted request is written to the audit log
 * before it is served ({@code admin.request}: who, method, path, query), so a read of the control plane is as
 * traceable as a change; changes add their own entry with the values before and after ({@link #record}).
 *
 * <pre>{@code AdminAuth auth = AdminAuth.create(config.orGenerated(), accounts, database.auditLog());}</pre>
 */
public final class AdminAuth {
    private static final Logger LOG = System.getLogger("backline.admin");

    private final byte[] bootstrapToken;
    private final AccountService accounts;
    private final AuditLog audit;

    private AdminAuth(AdminConfig config, AccountService accounts, AuditLog audit) {
        this.bootstrapToken = config.token() == null ? null : config.token().getBytes(StandardCharsets.UTF_8);
        this.accounts = accounts;
        this.audit = audit;
    }

    /**
     * @param config   the bootstrap token, or none (then only admin accounts get in)
     * @param audit    written through: an admin action is stored before it is answered
     */
    public static AdminAuth create(AdminConfig config, AccountService accounts, AuditLog audit) {
        return new AdminAuth(config, accounts, audit);
    }

    /**
     * Checks the caller and records the request.
     *
     * @return the actor for audit entries: {@code account:<name>} or {@code admin-token@<address>}
     * @throws ApiException 401 without a valid token, 403 for an account that is not an admin, 503 if the
     *                      request cannot be recorded
     */
    public String require(ServerRequest request) {
        String token = Bearer.token(request).orElseThrow(() -> new ApiException(Status.UNAUTHORIZED_401,
                "the admin API needs 'Authorization: Bearer <token of an admin account, or the admin token>'"));
        String actor = actor(token, request);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("method", request.prologue().method().text());
        details.put("query", request.query().rawValue());
        record(actor, "admin.request", request.path().path(), details);
        return actor;
    }

    /**
     * Appends an audit entry (written through).
     *
     * @throws ApiException 503 if the audit log cannot be written; the caller must not go on with the change
     */
    public void record(String actor, String action, String subject, Map<String, Object> details) {
        try {
            audit.append(AuditEntry.of(actor, action, subject, details));
        } catch (StoreUnavailableException e) {
            LOG.log(Level.WARNING, "admin " + action + " by " + actor + " refused: the audit log is unavailable: "
                    + e.getMessage());
            throw new ApiException(Status.SERVICE_UNAVAILABLE_503,
                    "the audit log is unavailable, so admin actions are refused until it is back");
        }
    }

    private String actor(String token, ServerRequest request) {
        if (bootstrapToken != null
                && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), bootstrapToken)) {
            return "admin-token@" + request.remotePeer().host();
        }
        Optional<Account> account = accounts.authenticate(token);
        if (account.isEmpty()) {
            throw new ApiException(Status.UNAUTHORIZED_401, "the token is unknown or has expired");
        }
        if (!account.get().role().atLeast(Role.ADMIN)) {
            throw new ApiException(Status.FORBIDDEN_403, "the admin API needs an account with the admin role; "
                    + account.get().name() + " is " + account.get().role().wire());
        }
        return "account:" + account.get().name().key();
    }
}
