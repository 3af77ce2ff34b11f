package dev.backline.server.admin;

import dev.backline.persist.AuditEntry;
import dev.backline.persist.StoreUnavailableException;
import dev.backline.server.http.ApiException;
import dev.backline.server.http.JsonBody;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /admin/audit?actor=&action=&since=&limit=}: the persistent audit log, newest first. {@code actor}
 * is exact ({@code account:alice}), {@code action} a prefix ({@code pack.}), {@code since} an ISO-8601 instant,
 * {@code limit} 1 to 1000 (default 100). Details carry the values before and after where a change has them.
 */
public final class AuditRoutes implements HttpService {
    private static final int DEFAULT_LIMIT = 100;
    private final AuditSearch search;
    private final AdminAuth auth;

    public AuditRoutes(AuditSearch search, AdminAuth auth) {
        this.search = search;
        this.auth = auth;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/admin/audit", this::find);
    }

    private void find(ServerRequest request, ServerResponse response) {
        auth.require(request);
        AuditQuery query = query(request);
        List<AuditEntry> entries;
        try {
            entries = search.find(query);
        } catch (StoreUnavailableException e) {
            throw new ApiException(Status.SERVICE_UNAVAILABLE_503, "the audit log is unavailable right now");
        }
        List<Object> list = new ArrayList<>();
        for (AuditEntry e : entries) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("at", e.at().toString());
            v.put("actor", e.actor());
            v.put("action", e.action());
            v.put("subject", e.subject());
            v.put("details", e.details());
            list.add(v);
        }
        JsonBody.send(response, Status.OK_200, Map.of("entries", list));
    }

    private static AuditQuery query(ServerRequest request) {
        var q = request.query();
        String actor = q.first("actor").orElse(null);
        String action = q.first("action").orElse(null);
        Instant since = null;
        if (q.first("since").isPresent()) {
            try {
                since = Instant.parse(q.first("since").get());
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("'since' must be an ISO-8601 instant such as 2026-12-06T05:00:00Z");
            }
        }
        int limit = DEFAULT_LIMIT;
        if (q.first("limit").isPresent()) {
            try {
                limit = Integer.parseInt(q.first("limit").get());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > AuditQuery.MAX_LIMIT) {
                throw ApiException.badRequest("'limit' must be a whole number from 1 to " + AuditQuery.MAX_LIMIT);
            }
        }
        return new AuditQuery(blankToNull(actor), blankToNull(action), since, limit);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
