package dev.backline.server.admin;

import dev.backline.session.OutboundEvent;
import dev.backline.shard.PlayerPresence;
import dev.backline.shard.Shard;
import dev.backline.shard.WorldThread;
import dev.backline.server.http.ApiException;
import dev.backline.server.http.JsonBody;
import dev.backline.world.Entity;
import dev.backline.world.EntityId;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The world for live-ops: {@code GET /admin/world/players} (who is online and where),
 * {@code GET /admin/world/entities/{id}} (any entity, with its properties and contents),
 * {@code POST /admin/world/players/{id}/move} ({@code {"to": room}}), {@code POST /admin/world/players/{id}/kick}
 * ({@code {"reason"}}) and {@code POST /admin/world/broadcast} ({@code {"text"}}). Everything runs on the world
 * thread between ticks; changes are audited with the values before and after.
 */
public final class WorldAdminRoutes implements HttpService {
    private static final int MAX_CONTENTS = 500;
    private static final int MAX_BROADCAST = 2000;
    private final WorldThread world;
    private final AdminAuth auth;

    public WorldAdminRoutes(WorldThread world, AdminAuth auth) {
        this.world = world;
        this.auth = auth;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/admin/world/players", this::players)
                .get("/admin/world/entities/{id}", this::entity)
                .post("/admin/world/players/{id}/move", this::move)
                .post("/admin/world/players/{id}/kick", this::kick)
                .post("/admin/world/broadcast", this::broadcast);
    }

    private void players(ServerRequest request, ServerResponse response) {
        auth.require(request);
        List<Map<String, Object>> players = onWorld(s -> s.presence().online());
        JsonBody.send(response, Status.OK_200, Map.of("players", players, "count", players.size()));
    }

    private void entity(ServerRequest request, ServerResponse response) {
        auth.require(request);
        EntityId id = id(request);
        Map<String, Object> view = onWorld(s -> s.world().find(id).map(WorldAdminRoutes::view).orElse(null));
        if (view == null) {
            throw new ApiException(Status.NOT_FOUND_404, "no entity '" + id.value() + "'");
        }
        JsonBody.send(response, Status.OK_200, view);
    }

    private void move(ServerRequest request, ServerResponse response) {
        String actor = auth.require(request);
        EntityId player = id(request);
        EntityId to = parseId(JsonBody.requiredString(JsonBody.readObject(request), "to"));
        String before = onWorld(s -> {
            Entity p = requirePlayer(s, player);
            Entity room = s.world().find(to).orElseThrow(() -> new IllegalArgumentException("no entity '" + to.value() + "'"));
            if (room.kind().equals(PlayerPresence.PLAYER_KIND)) {
                throw new IllegalArgumentException("'" + to.value() + "' is not a place to move a player to");
            }
            String from = p.container().map(EntityId::value).orElse(null);
            s.world().move(player, to);
            s.sessions().send(player, OutboundEvent.message("A game master moves you."));
            return from;
        });
        auth.record(actor, "world.move", player.value(), details(before, to.value()));
        JsonBody.send(response, Status.OK_200, Map.of("player", player.value(), "from", String.valueOf(before),
                "to", to.value()));
    }

    private void kick(ServerRequest request, ServerResponse response) {
        String actor = auth.require(request);
        EntityId player = id(request);
        String reason = JsonBody.readObject(request).path("reason").asText("removed by live-ops");
        boolean kicked = onWorld(s -> s.presence().kick(player, "kicked", reason.isBlank() ? "removed by live-ops" : reason));
        if (!kicked) {
            throw new ApiException(Status.NOT_FOUND_404, "'" + player.value() + "' is not online");
        }
        auth.record(actor, "world.kick", player.value(), details("online", "offline"));
        JsonBody.send(response, Status.OK_200, Map.of("player", player.value(), "kicked", true));
    }

    private void broadcast(ServerRequest request, ServerResponse response) {
        String actor = auth.require(request);
        String text = JsonBody.requiredString(JsonBody.readObject(request), "text");
        if (text.isBlank() || text.length() > MAX_BROADCAST) {
            throw ApiException.badRequest("'text' must be 1 to " + MAX_BROADCAST + " characters");
        }
        int reached = onWorld(s -> {
            int n = 0;
            for (EntityId id : List.copyOf(s.sessions().online())) {
                if (s.sessions().send(id, new OutboundEvent("broadcast", text, Map.of("from", "live-ops"), null))) {
                    n++;
                }
            }
            return n;
        });
        auth.record(actor, "world.broadcast", null, Map.of("text", text, "reached", reached));
        JsonBody.send(response, Status.OK_200, Map.of("reached", reached));
    }

    private static Entity requirePlayer(Shard s, EntityId id) {
        Entity e = s.world().find(id).orElseThrow(() -> new IllegalArgumentException("no entity '" + id.value() + "'"));
        if (!s.sessions().isOnline(id)) {
            throw new IllegalArgumentException("'" + id.value() + "' is not an online player");
        }
        return e;
    }

    private static Map<String, Object> view(Entity e) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", e.id().value());
        v.put("kind", e.kind());
        v.put("template", e.template().map(EntityId::value).orElse(null));
        v.put("container", e.container().map(EntityId::value).orElse(null));
        v.put("tags", List.copyOf(e.tags()));
        v.put("properties", e.properties());
        v.put("contents", e.contents().stream().limit(MAX_CONTENTS).map(EntityId::value).toList());
        v.put("contentsCount", e.contents().size());
        return v;
    }

    private static Map<String, Object> details(Object before, Object after) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("before", before);
        d.put("after", after);
        return d;
    }

    private static EntityId id(ServerRequest request) {
        return parseId(request.path().pathParameters().get("id"));
    }

    private static EntityId parseId(String raw) {
        if (!EntityId.isValid(raw)) {
            throw ApiException.badRequest("'" + raw + "' is not an entity id like player:alice or city:plaza");
        }
        return EntityId.of(raw);
    }

    private <T> T onWorld(Function<Shard, T> work) {
        return WorldCall.await(world, work, Status.NOT_FOUND_404);
    }

}
