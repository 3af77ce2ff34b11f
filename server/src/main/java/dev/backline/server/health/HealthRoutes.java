package dev.backline.server.health;

import dev.backline.server.http.JsonBody;
import dev.backline.shard.WorldThread;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /health}: 200 {@code {"status":"UP","tick":n,"gameTime":"2026-01-03T10:00:00Z","ticksThisRun":n,
 * "players":n,"queueDepth":n,"overruns":n,"skippedTicks":n,"maxTickMillis":x}} while the world thread runs,
 * 503 with {@code "status":"DOWN"} once it has stopped. {@code tick} and {@code gameTime} are the world's:
 * restored from storage at start-up, they go on across restarts. The other tick counters (since this process
 * started) let an operator or a benchmark see missed ticks.
 */
public final class HealthRoutes implements HttpService {
    private final WorldThread worldThread;
    private final WorldGauge gauge;

    public HealthRoutes(WorldThread worldThread, WorldGauge gauge) {
        this.worldThread = worldThread;
        this.gauge = gauge;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/health", this::health);
    }

    private void health(ServerRequest request, ServerResponse response) {
        boolean up = worldThread.isAlive();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("tick", gauge.tick());
        body.put("gameTime", Instant.ofEpochMilli(gauge.gameMillis()).toString());
        body.put("ticksThisRun", gauge.ticksThisRun());
        body.put("players", gauge.players());
        body.put("queueDepth", gauge.queueDepth());
        body.put("overruns", gauge.overruns());
        body.put("gcOverruns", gauge.gcOverruns());
        body.put("lateTicks", gauge.lateTicks());
        body.put("skippedTicks", gauge.skippedTicks());
        body.put("deferredTasks", gauge.deferredTasks());
        body.put("maxTickMillis", gauge.maxTickMillis());
        JsonBody.send(response, up ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503, body);
    }
}
