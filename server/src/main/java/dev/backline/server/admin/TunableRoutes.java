package dev.backline.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backline.script.ScriptRuntime;
import dev.backline.script.TunableSpec;
import dev.backline.script.Tunables;
import dev.backline.server.http.ApiException;
import dev.backline.server.http.JsonBody;
import dev.backline.shard.WorldThread;
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
 * Tunables and feature flags of the packs: {@code GET /admin/tunables}; {@code PUT /admin/tunables/{pack}/{name}}
 * with {@code {"value": v}} (now, i.e. before the next tick) or {@code {"value": v, "at": "<game time>"}}
 * (scheduled); {@code POST /admin/tunables/{pack}/{name}/revert} (undo the latest change). Values are validated
 * against the declared type and range ({@code 400} naming what is accepted). Every change is audited
 * ({@code tunable.set}, {@code tunable.schedule}, {@code tunable.revert}) with the value before and after.
 */
public final class TunableRoutes implements HttpService {
    private final ScriptRuntime scripts;
    private final WorldThread world;
    private final AdminAuth auth;

    public TunableRoutes(ScriptRuntime scripts, WorldThread world, AdminAuth auth) {
        this.scripts = scripts;
        this.world = world;
        this.auth = auth;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/admin/tunables", this::list)
                .put("/admin/tunables/{pack}/{name}", this::set)
                .post("/admin/tunables/{pack}/{name}/revert", this::revert);
    }

    private void list(ServerRequest request, ServerResponse response) {
        auth.require(request);
        List<Object> list = new ArrayList<>();
        scripts.tunables().list().forEach(v -> list.add(view(v)));
        JsonBody.send(response, Status.OK_200, Map.of("tunables", list, "gameTime", Instant.ofEpochMilli(
                onWorld(s -> s.clock().nowMillis())).toString()));
    }

    private void set(ServerRequest request, ServerResponse response) {
        String actor = auth.require(request);
        Tunables.View current = find(request);
        ObjectNode body = JsonBody.readObject(request);
        Object value = value(body.get("value"));
        TunableSpec spec = current.spec();
        try {
            value = spec.validate(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        String subject = current.pack() + "/" + spec.name();
        JsonNode at = body.get("at");
        if (at != null && !at.isNull()) {
            long when = gameTime(at);
            Tunables.Scheduled s = scripts.tunables().schedule(current.pack(), spec.name(), value, when, actor);
            auth.record(actor, "tunable.schedule", subject, details(current.value(), s.value(), at.asText()));
            JsonBody.send(response, Status.ACCEPTED_202, Map.of("pack", current.pack(), "name", spec.name(),
                    "value", s.value(), "at", at.asText()));
            return;
        }
        Object target = value;
        Tunables.Change change = onWorld(s -> scripts.tunables().set(current.pack(), spec.name(), target));
        auth.record(actor, "tunable.set", subject, details(change.before(), change.after(), null));
        JsonBody.send(response, Status.OK_200, change(change));
    }

    private void revert(ServerRequest request, ServerResponse response) {
        String actor = auth.require(request);
        Tunables.View current = find(request);
        Tunables.Change change = onWorld(s -> scripts.tunables().revert(current.pack(), current.spec().name()));
        auth.record(actor, "tunable.revert", current.pack() + "/" + current.spec().name(),
                details(change.before(), change.after(), null));
        JsonBody.send(response, Status.OK_200, change(change));
    }

    private Tunables.View find(ServerRequest request) {
        String pack = request.path().pathParameters().get("pack");
        String name = request.path().pathParameters().get("name");
        return scripts.tunables().find(pack, name).orElseThrow(() -> new ApiException(Status.NOT_FOUND_404,
                "no tunable '" + name + "' in pack '" + pack + "'; GET /admin/tunables lists them"));
    }

    /** Runs on the world thread between ticks and waits: the change counts from the next tick. */
    private <T> T onWorld(java.util.function.Function<dev.backline.shard.Shard, T> work) {
        return WorldCall.await(world, work, Status.BAD_REQUEST_400);
    }


    private static Object value(JsonNode v) {
        if (v == null || v.isNull()) {
            throw ApiException.badRequest("'value' is required");
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isIntegralNumber()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        throw ApiException.badRequest("'value' must be a number, a boolean or a string");
    }

    private static long gameTime(JsonNode at) {
        try {
            return Instant.parse(at.asText()).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("'at' must be a game time as an ISO-8601 instant, e.g. 2026-01-03T18:00:00Z");
        }
    }

    private static Map<String, Object> details(Object before, Object after, String at) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("before", before);
        d.put("after", after);
        if (at != null) {
            d.put("at", at);
        }
        return d;
    }

    private static Map<String, Object> change(Tunables.Change c) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("pack", c.pack());
        v.put("name", c.name());
        v.put("before", c.before());
        v.put("value", c.after());
        return v;
    }

    private static Map<String, Object> view(Tunables.View v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pack", v.pack());
        m.put("name", v.spec().name());
        m.put("type", v.spec().type());
        m.put("value", v.value());
        m.put("default", v.spec().defaultValue());
        m.put("overridden", v.overridden());
        m.put("min", v.spec().min());
        m.put("max", v.spec().max());
        m.put("options", v.spec().options());
        m.put("help", v.spec().help());
        List<Object> pending = new ArrayList<>();
        v.scheduled().forEach(s -> pending.add(Map.of("value", s.value(), "at", Instant.ofEpochMilli(s.atGameMillis()).toString(),
                "by", s.actor())));
        m.put("scheduled", pending);
        return m;
    }
}
