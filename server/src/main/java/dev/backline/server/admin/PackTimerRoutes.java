package dev.backline.server.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backline.script.LoadedPack;
import dev.backline.script.ScriptRuntime;
import dev.backline.server.http.ApiException;
import dev.backline.server.http.JsonBody;
import dev.backline.shard.WorldThread;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;

/**
 * {@code POST /admin/packs/{pack}/timers/{timer}}: runs a pack's {@code pack.timer} handler now, on the world
 * thread, with the request's JSON object as its data, as if that timer had come due. This is how live-ops
 * starts or stops what a pack schedules itself (the reference pack's {@code worldEvent}: a festival, a storm)
 * without the engine knowing what it is. Audited with the data.
 */
public final class PackTimerRoutes implements HttpService {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScriptRuntime scripts;
    private final WorldThread world;
    private final AdminAuth auth;

    public PackTimerRoutes(ScriptRuntime scripts, WorldThread world, AdminAuth auth) {
        this.scripts = scripts;
        this.world = world;
        this.auth = auth;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/admin/packs/{pack}/timers/{timer}", this::fire);
    }

    private void fire(ServerRequest request, ServerResponse response) {
        String actor = auth.require(request);
        String packName = request.path().pathParameters().get("pack");
        String timer = request.path().pathParameters().get("timer");
        LoadedPack pack = scripts.packs().get(packName);
        if (pack == null) {
            throw new ApiException(Status.NOT_FOUND_404, "no pack '" + packName + "'; loaded: " + scripts.packs().keySet());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> data = JSON.convertValue(JsonBody.readObject(request), Map.class);
        boolean fired = WorldCall.await(world, s -> pack.fireTimerNow(timer, data), Status.SERVICE_UNAVAILABLE_503);
        if (!fired) {
            throw new ApiException(Status.NOT_FOUND_404, "pack '" + packName + "' registers no timer '" + timer + "'");
        }
        auth.record(actor, "pack.timer", packName + "/" + timer, Map.of("data", data));
        JsonBody.send(response, Status.OK_200, Map.of("pack", packName, "timer", timer, "fired", true));
    }
}
