package dev.backline.server.health;

import dev.backline.persist.WriteBehind;
import dev.backline.persist.WriteBehindStats;
import dev.backline.server.http.JsonBody;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /health/persistence}: the write-behind's counters, 200 while writes succeed and 503 while the
 * database is away (the world keeps running; {@code backlogRows} says how much waits to be written).
 *
 * <pre>{@code {"status":"UP","database":"embedded PostgreSQL 17.11 in ...","backlogRows":0,"flushes":12,...}}</pre>
 */
public final class PersistenceRoutes implements HttpService {
    private final WriteBehind persistence;
    private final String database;

    public PersistenceRoutes(WriteBehind persistence, String databaseDescription) {
        this.persistence = persistence;
        this.database = databaseDescription;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/health/persistence", this::report);
    }

    private void report(ServerRequest request, ServerResponse response) {
        WriteBehindStats stats = persistence.stats();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", stats.available() ? "UP" : "DEGRADED");
        body.put("database", database);
        body.put("backlogRows", stats.backlogRows());
        body.put("flushes", stats.flushes());
        body.put("rowsWritten", stats.rowsWritten());
        body.put("failedWrites", stats.failedWrites());
        body.put("lastWriteMillis", stats.lastWriteNanos() / 1e6);
        body.put("maxWriteMillis", stats.maxWriteNanos() / 1e6);
        body.put("lastHandoverMillis", stats.lastHandoverNanos() / 1e6);
        body.put("maxHandoverMillis", stats.maxHandoverNanos() / 1e6);
        JsonBody.send(response, stats.available() ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503, body);
    }
}
