package dev.backline.server.health;

import dev.backline.persist.postgres.Database;
import dev.backline.script.ScriptRuntime;
import dev.backline.server.http.JsonBody;
import dev.backline.shard.WorldThread;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.session.SqlSession;

/**
 * {@code GET /health/live} (the world thread runs) and {@code GET /health/ready}: 200 only while the world thread
 * runs, the database answers, and every pack has a generation loaded and not quarantined; else 503 with the
 * reasons. Load balancers send players only to a ready server; orchestrators restart one that is not live.
 */
public final class ReadinessRoutes implements HttpService {
    private static final int DB_TIMEOUT_SECONDS = 2;
    private final WorldThread world;
    private final ScriptRuntime scripts;
    private final Database database;

    public ReadinessRoutes(WorldThread world, ScriptRuntime scripts, Database database) {
        this.world = world;
        this.scripts = scripts;
        this.database = database;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/health/live", this::live).get("/health/ready", this::ready);
    }

    private void live(ServerRequest request, ServerResponse response) {
        boolean up = world.isAlive();
        JsonBody.send(response, up ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503, Map.of("status", up ? "UP" : "DOWN"));
    }

    private void ready(ServerRequest request, ServerResponse response) {
        List<String> problems = new ArrayList<>();
        if (!world.isAlive()) {
            problems.add("the world thread has stopped");
        }
        if (!databaseAnswers()) {
            problems.add("the database does not answer");
        }
        if (scripts.packs().isEmpty()) {
            problems.add("no pack is loaded");
        }
        scripts.packs().values().forEach(p -> {
            if (p.generation() < 1) {
                problems.add("pack " + p.name() + " has no generation loaded");
            } else if (p.quarantineReason() != null) {
                problems.add("pack " + p.name() + " is quarantined: " + p.quarantineReason());
            }
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", problems.isEmpty() ? "READY" : "NOT_READY");
        body.put("problems", problems);
        JsonBody.send(response, problems.isEmpty() ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503, body);
    }

    private boolean databaseAnswers() {
        try (SqlSession session = database.sessions().openSession()) {
            Connection c = session.getConnection();
            return c.isValid(DB_TIMEOUT_SECONDS);
        } catch (Exception e) {
            return false;
        }
    }
}
