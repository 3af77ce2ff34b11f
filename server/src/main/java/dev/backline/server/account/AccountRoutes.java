package dev.backline.server.account;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backline.persist.StoreUnavailableException;
import dev.backline.server.http.ApiException;
import dev.backline.server.http.JsonBody;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/accounts} registers; {@code POST /api/sessions} logs in and returns a token for the
 * WebSocket. Both take {@code {"name": ..., "password": ...}}.
 */
public final class AccountRoutes implements HttpService {
    private static final Logger LOG = System.getLogger("backline.accounts");
    private final AccountService accounts;

    public AccountRoutes(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/api/accounts", this::register)
                .post("/api/sessions", this::login);
    }

    private void register(ServerRequest request, ServerResponse response) {
        ObjectNode body = JsonBody.readObject(request);
        String name = JsonBody.requiredString(body, "name");
        String password = JsonBody.requiredString(body, "password");
        Account account;
        try {
            account = accounts.register(name, password);
        } catch (AccountRejectedException e) {
            Status status = e.reason() == AccountRejectedException.Reason.NAME_TAKEN
                    ? Status.CONFLICT_409 : Status.BAD_REQUEST_400;
            throw new ApiException(status, e.getMessage());
        } catch (StoreUnavailableException e) {
            throw unavailable(e);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", account.id());
        answer.put("name", account.name().value());
        JsonBody.send(response, Status.CREATED_201, answer);
    }

    private void login(ServerRequest request, ServerResponse response) {
        ObjectNode body = JsonBody.readObject(request);
        String name = JsonBody.requiredString(body, "name");
        String password = JsonBody.requiredString(body, "password");
        LoginToken token;
        try {
            token = accounts.login(name, password)
                    .orElseThrow(() -> new ApiException(Status.UNAUTHORIZED_401, "wrong name or password"));
        } catch (StoreUnavailableException e) {
            throw unavailable(e);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("token", token.token());
        answer.put("expiresAt", token.expiresAt().toString());
        JsonBody.send(response, Status.OK_200, answer);
    }

    /** Nothing was stored; the client may simply try again. Logged once here, where it is handled. */
    private static ApiException unavailable(StoreUnavailableException e) {
        LOG.log(Level.WARNING, "accounts unavailable: " + e.getMessage());
        return new ApiException(Status.SERVICE_UNAVAILABLE_503, "accounts are unavailable right now; try again shortly");
    }
}
