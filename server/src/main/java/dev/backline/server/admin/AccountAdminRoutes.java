package dev.backline.server.admin;

import dev.backline.persist.StoreUnavailableException;
import dev.backline.server.account.Account;
import dev.backline.server.account.AccountService;
import dev.backline.server.account.Role;
import dev.backline.server.http.ApiException;
import dev.backline.server.http.JsonBody;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Accounts for live-ops: {@code GET /admin/accounts/{name}} (role, characters) and
 * {@code PUT /admin/accounts/{name}/role} with {@code {"role": "player"|"gm"|"admin"}}, audited as
 * {@code account.role} with the role before and after. The first admin is made this way with the bootstrap
 * token (see docs/operations.md).
 */
public final class AccountAdminRoutes implements HttpService {
    private final AccountService accounts;
    private final AdminAuth auth;

    public AccountAdminRoutes(AccountService accounts, AdminAuth auth) {
        this.accounts = accounts;
        this.auth = auth;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/admin/accounts/{name}", this::show)
                .put("/admin/accounts/{name}/role", this::setRole);
    }

    private void show(ServerRequest request, ServerResponse response) {
        auth.require(request);
        Account account = find(request);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", account.id());
        v.put("name", account.name().value());
        v.put("role", account.role().wire());
        v.put("createdAt", account.createdAt().toString());
        try {
            v.put("characters", accounts.characters(account).stream()
                    .map(c -> Map.of("id", c.entityId(), "name", c.name())).toList());
        } catch (StoreUnavailableException e) {
            throw unavailable();
        }
        JsonBody.send(response, Status.OK_200, v);
    }

    private void setRole(ServerRequest request, ServerResponse response) {
        String actor = auth.require(request);
        Role role;
        try {
            role = Role.of(JsonBody.requiredString(JsonBody.readObject(request), "role"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        Account before = find(request);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("before", before.role().wire());
        details.put("after", role.wire());
        // Recorded first: a change that cannot be traced is not made.
        auth.record(actor, "account.role", "account:" + before.name().key(), details);
        Account after;
        try {
            after = accounts.setRole(before.name().value(), role).orElseThrow(() -> notFound(before.name().value()));
        } catch (StoreUnavailableException e) {
            throw unavailable();
        }
        JsonBody.send(response, Status.OK_200, Map.of("name", after.name().value(), "role", after.role().wire(),
                "before", before.role().wire()));
    }

    private Account find(ServerRequest request) {
        String name = request.path().pathParameters().get("name");
        try {
            return accounts.find(name).orElseThrow(() -> notFound(name));
        } catch (StoreUnavailableException e) {
            throw unavailable();
        }
    }

    private static ApiException notFound(String name) {
        return new ApiException(Status.NOT_FOUND_404, "no account '" + name + "'");
    }

    private static ApiException unavailable() {
        return new ApiException(Status.SERVICE_UNAVAILABLE_503, "accounts are unavailable right now; try again shortly");
    }
}
