package dev.backline.server.account;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backline.persist.StoreUnavailableException;
import dev.backline.server.http.ApiException;
import dev.backline.server.http.Bearer;
import dev.backline.server.http.JsonBody;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The account API: {@code POST /api/accounts} registers and {@code POST /api/sessions} logs in (both take
 * {@code {"name", "password"}}); {@code DELETE /api/sessions} logs out the bearer token;
 * {@code GET /api/characters} lists the bearer's characters and {@code POST /api/characters}
 * ({@code {"name"}}) adds one. See docs/protocol.md.
 */
public final class AccountRoutes implements HttpService {
    private static final Logger LOG = System.getLogger("backline.accounts");
    private static final Status TOO_MANY = Status.create(429, "Too Many Requests");
    private final AccountService accounts;

    public AccountRoutes(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/api/accounts", this::register)
                .post("/api/sessions", this::login)
                .delete("/api/sessions", this::logout)
                .get("/api/characters", this::listCharacters)
                .post("/api/characters", this::addCharacter);
    }

    private void register(ServerRequest request, ServerResponse response) {
        ObjectNode body = JsonBody.readObject(request);
        String name = JsonBody.requiredString(body, "name");
        String password = JsonBody.requiredString(body, "password");
        Account account;
        try {
            account = accounts.register(name, password);
        } catch (AccountRejectedException e) {
            throw rejected(e);
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
            token = accounts.login(name, password, request.remotePeer().host())
                    .orElseThrow(() -> new ApiException(Status.UNAUTHORIZED_401, "wrong name or password"));
        } catch (LoginThrottledException e) {
            response.header(HeaderNames.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds() + 1)));
            JsonBody.sendError(response, TOO_MANY, e.getMessage());
            return;
        } catch (StoreUnavailableException e) {
            throw unavailable(e);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("token", token.token());
        answer.put("expiresAt", token.expiresAt().toString());
        JsonBody.send(response, Status.OK_200, answer);
    }

    private void logout(ServerRequest request, ServerResponse response) {
        String token = Bearer.token(request).orElseThrow(AccountRoutes::noToken);
        if (!accounts.logout(token)) {
            throw new ApiException(Status.UNAUTHORIZED_401, "the token is unknown or has expired");
        }
        response.status(Status.NO_CONTENT_204).send();
    }

    private void listCharacters(ServerRequest request, ServerResponse response) {
        Account account = bearer(request);
        List<Object> list = new ArrayList<>();
        try {
            accounts.characters(account).forEach(c -> list.add(view(c)));
        } catch (StoreUnavailableException e) {
            throw unavailable(e);
        }
        JsonBody.send(response, Status.OK_200, Map.of("characters", list, "role", account.role().wire()));
    }

    private void addCharacter(ServerRequest request, ServerResponse response) {
        Account account = bearer(request);
        String name = JsonBody.requiredString(JsonBody.readObject(request), "name");
        CharacterRef character;
        try {
            character = accounts.addCharacter(account, name);
        } catch (AccountRejectedException e) {
            throw rejected(e);
        } catch (StoreUnavailableException e) {
            throw unavailable(e);
        }
        JsonBody.send(response, Status.CREATED_201, view(character));
    }

    private Account bearer(ServerRequest request) {
        String token = Bearer.token(request).orElseThrow(AccountRoutes::noToken);
        return accounts.authenticate(token).orElseThrow(
                () -> new ApiException(Status.UNAUTHORIZED_401, "the token is unknown or has expired; log in again"));
    }

    private static Map<String, Object> view(CharacterRef c) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", c.entityId());
        v.put("name", c.name());
        return v;
    }

    private static ApiException noToken() {
        return new ApiException(Status.UNAUTHORIZED_401, "this needs 'Authorization: Bearer <token from POST /api/sessions>'");
    }

    private static ApiException rejected(AccountRejectedException e) {
        Status status = switch (e.reason()) {
            case NAME_TAKEN -> Status.CONFLICT_409;
            case LIMIT -> Status.CONFLICT_409;
            case INVALID -> Status.BAD_REQUEST_400;
        };
        return new ApiException(status, e.getMessage());
    }

    /** Nothing was stored; the client may simply try again. Logged once here, where it is handled. */
    private static ApiException unavailable(StoreUnavailableException e) {
        LOG.log(Level.WARNING, "accounts unavailable: " + e.getMessage());
        return new ApiException(Status.SERVICE_UNAVAILABLE_503, "accounts are unavailable right now; try again shortly");
    }
}
