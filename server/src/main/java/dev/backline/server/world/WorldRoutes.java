package dev.backline.server.world;

import dev.backline.server.http.JsonBody;
import dev.backline.shard.Shard;
import dev.backline.world.PackStateKey;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code GET /api/world}: what the world makes public, as JSON, for anyone (a web page, a status bot).
 * The engine's part is the clock: {@code {"gameTime":"2026-01-03T10:00:00Z","gameMillis":n,"tick":n}}. The
 * rest is what the packs publish: each pack's state value under the key {@value #PUBLISHED_KEY}, when it
 * is an object, is merged in (packs in name order), so the reference game's calendar adds
 * {@code day, hour, season, night, ...}. The engine does not know what those mean.
 *
 * <p>The values are read on the world thread (the only one that may touch the world), so a request waits
 * for the next tick; 503 if the world does not answer in time.
 */
public final class WorldRoutes implements HttpService {
    /** The pack state key whose object a pack publishes here. */
    public static final String PUBLISHED_KEY = "world";
    private static final Duration WAIT = Duration.ofSeconds(2);

    private final Shard shard;

    public WorldRoutes(Shard shard) {
        this.shard = shard;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/api/world", this::world);
    }

    private void world(ServerRequest request, ServerResponse response) {
        CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
        boolean queued = shard.submit(s -> {
            try {
                answer.complete(read(s));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        if (!queued) {
            JsonBody.sendError(response, Status.SERVICE_UNAVAILABLE_503, "the world is too busy to answer; try again");
            return;
        }
        try {
            JsonBody.send(response, Status.OK_200, answer.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException | ExecutionException e) {
            JsonBody.sendError(response, Status.SERVICE_UNAVAILABLE_503, "the world did not answer in time; try again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            JsonBody.sendError(response, Status.SERVICE_UNAVAILABLE_503, "interrupted");
        }
    }

    // On the world thread. Pack state values are immutable once stored, so handing them to the HTTP thread is safe.
    private static Map<String, Object> read(Shard s) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (String pack : s.packStates().packs()) {
            s.packStates().get(PackStateKey.of(pack, PUBLISHED_KEY)).ifPresent(value -> {
                if (value instanceof Map<?, ?> published) {
                    published.forEach((k, v) -> body.put(String.valueOf(k), v));
                }
            });
        }
        long millis = s.clock().nowMillis();
        body.put("gameTime", Instant.ofEpochMilli(millis).toString());
        body.put("gameMillis", millis);
        body.put("tick", s.currentTick());
        return body;
    }
}
