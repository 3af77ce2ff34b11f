package dev.backline.server.admin;

import dev.backline.script.FileChange;
import dev.backline.script.HookStats;
import dev.backline.script.LoadedPack;
import dev.backline.script.ReloadReport;
import dev.backline.script.ScriptFault;
import dev.backline.script.ScriptRuntime;
import dev.backline.server.http.ApiException;
import dev.backline.server.http.JsonBody;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Live-ops control of script packs: {@code GET /admin/packs} (generations, quarantine, per-hook CPU),
 * {@code POST /admin/packs/{pack}/reload}, {@code POST /admin/packs/{pack}/rollback},
 * {@code GET /admin/reloads} (the audit trail) and {@code GET /admin/faults} (recent script errors).
 */
public final class PackAdminRoutes implements HttpService {
    private static final Duration SWAP_WAIT = Duration.ofSeconds(30);

    private final ScriptRuntime scripts;
    private final AdminAuth auth;

    public PackAdminRoutes(ScriptRuntime scripts, AdminAuth auth) {
        this.scripts = scripts;
        this.auth = auth;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/admin/packs", this::list)
                .post("/admin/packs/{pack}/reload", (req, res) -> swap(req, res, "reload"))
                .post("/admin/packs/{pack}/rollback", (req, res) -> swap(req, res, "rollback"))
                .get("/admin/reloads", this::reloads)
                .get("/admin/faults", this::faults);
    }

    private void list(ServerRequest request, ServerResponse response) {
        auth.require(request);
        List<Object> packs = new ArrayList<>();
        scripts.packs().values().forEach(p -> packs.add(view(p)));
        JsonBody.send(response, Status.OK_200, Map.of("packs", packs));
    }

    private void swap(ServerRequest request, ServerResponse response, String action) {
        String actor = auth.require(request);
        String pack = request.path().pathParameters().get("pack");
        if (!scripts.packs().containsKey(pack)) {
            throw new ApiException(Status.NOT_FOUND_404, "no pack '" + pack + "'; loaded: " + scripts.packs().keySet());
        }
        CompletableFuture<ReloadReport> future = action.equals("reload")
                ? scripts.reload(pack, actor) : scripts.rollback(pack, actor);
        ReloadReport report;
        try {
            report = future.get(SWAP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new ApiException(Status.SERVICE_UNAVAILABLE_503, "the world thread did not take the " + action
                    + " within " + SWAP_WAIT.toSeconds() + " s; it may still happen");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(Status.SERVICE_UNAVAILABLE_503, "interrupted while waiting for the " + action);
        } catch (ExecutionException e) {
            throw new IllegalStateException(action + " of " + pack + " failed", e.getCause());
        }
        JsonBody.send(response, report.ok() ? Status.OK_200 : Status.create(422, "Unprocessable Content"), report(report));
    }

    private void reloads(ServerRequest request, ServerResponse response) {
        auth.require(request);
        List<Object> list = new ArrayList<>();
        scripts.audit().forEach(r -> list.add(report(r)));
        JsonBody.send(response, Status.OK_200, Map.of("reloads", list));
    }

    private void faults(ServerRequest request, ServerResponse response) {
        auth.require(request);
        List<Object> list = new ArrayList<>();
        for (ScriptFault f : scripts.faults().recent()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("pack", f.pack());
            v.put("location", f.location());
            v.put("hook", f.hook());
            v.put("kind", f.kind().name().toLowerCase());
            v.put("message", f.message());
            list.add(v);
        }
        JsonBody.send(response, Status.OK_200, Map.of("total", scripts.faults().total(), "recent", list));
    }

    private static Map<String, Object> view(LoadedPack pack) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", pack.name());
        v.put("version", pack.manifest().version());
        v.put("apiVersion", pack.manifest().apiVersion());
        v.put("generation", pack.generation());
        v.put("previousGenerations", pack.previousGenerations());
        v.put("status", pack.quarantineReason() == null ? "running" : "quarantined");
        v.put("quarantineReason", pack.quarantineReason());
        v.put("commands", pack.commandNames());
        List<Object> hooks = new ArrayList<>();
        for (HookStats h : pack.hookStats()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("hook", h.hook());
            s.put("calls", h.calls());
            s.put("faults", h.faults());
            s.put("timeouts", h.timeouts());
            s.put("cpuMillis", h.cpuNanos() / 1_000_000.0);
            s.put("maxCpuMillis", h.maxCpuNanos() / 1_000_000.0);
            s.put("allocatedBytes", h.allocatedBytes());
            hooks.add(s);
        }
        v.put("hooks", hooks);
        return v;
    }

    private static Map<String, Object> report(ReloadReport r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("pack", r.pack());
        v.put("action", r.action());
        v.put("actor", r.actor());
        v.put("at", r.at().toString());
        v.put("ok", r.ok());
        v.put("generation", r.generation());
        v.put("previousGeneration", r.previousGeneration());
        List<Object> changed = new ArrayList<>();
        for (FileChange c : r.changedFiles()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("file", c.file());
            f.put("change", c.change());
            f.put("sha256", c.sha256());
            changed.add(f);
        }
        v.put("changedFiles", changed);
        v.put("files", r.files());
        v.put("buildMillis", r.buildMillis());
        v.put("swapMillis", r.swapMillis());
        v.put("errors", r.errors());
        return v;
    }
}
