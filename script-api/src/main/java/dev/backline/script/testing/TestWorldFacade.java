package dev.backline.script.testing;

import dev.backline.event.GameEvent;
import dev.backline.script.GuestSandbox;
import dev.backline.script.ReloadReport;
import dev.backline.script.ScriptFault;
import dev.backline.session.OutboundEvent;
import dev.backline.world.Entity;
import dev.backline.world.EntityId;
import dev.backline.world.EntitySpec;
import dev.backline.world.PackStateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import org.graalvm.polyglot.HostAccess.Export;
import org.graalvm.polyglot.Value;

/**
 * The test's world as test code sees it, behind the frozen {@code w} handle the test prelude builds:
 * scripted players, the virtual clock, a plain-data view of entities, and the pack's script faults.
 * Everything crosses as plain data; players are referred to by the index {@link #join} returned.
 */
public final class TestWorldFacade {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,31}");
    private static final int TICKS_PER_BUDGET_CHECK = 256;
    private static final long BUILD_POLL_NANOS = 1_000_000;

    private final TestWorld world;
    private final GuestSandbox sandbox;
    private final TestBudget.Run budget;
    private final String pack;
    private final List<TestPlayer> players = new ArrayList<>();
    private long faultsSeen;

    TestWorldFacade(TestWorld world, GuestSandbox sandbox, TestBudget.Run budget, String pack) {
        this.world = world;
        this.sandbox = sandbox;
        this.budget = budget;
        this.pack = pack;
    }

    /** Script faults the pack reported that the test has not read with {@code w.faults()}. */
    List<ScriptFault> unseenFaults() {
        long unseen = world.scripts().faults().total() - faultsSeen;
        List<ScriptFault> recent = world.scripts().faults().recent();
        return unseen <= 0 ? List.of() : recent.subList((int) Math.max(0, recent.size() - unseen), recent.size());
    }

    @Export
    public int join(Value name) {
        budget.check("w.join");
        String n = GuestSandbox.string(name, "w.join", "name");
        if (!NAME.matcher(n).matches()) {
            throw GuestSandbox.argumentError("w.join", "name", "a name of letters, digits, '-' and '_' starting with a letter (at most 32)", name);
        }
        TestPlayer player = world.join(n);
        if (!world.shard().sessions().isOnline(player.id())) {
            throw new IllegalStateException("w.join: '" + n + "' could not connect (see the log); is there a start room?");
        }
        players.add(player);
        return players.size() - 1;
    }

    @Export
    public String playerId(int index) {
        return player(index).id().value();
    }

    @Export
    public String say(int index, Value command) {
        budget.check("say");
        return player(index).say(GuestSandbox.string(command, "say", "command"));
    }

    @Export
    public Object send(int index, Value command) {
        budget.check("send");
        return sandbox.toGuest(plain(player(index).send(GuestSandbox.string(command, "send", "command"))));
    }

    @Export
    public Object received(int index, Value type) {
        String t = optionalString(type, "events", "type");
        return sandbox.toGuest(plain(player(index).received().stream().filter(e -> t == null || e.type().equals(t)).toList()));
    }

    @Export
    public Object last(int index, Value type) {
        String t = optionalString(type, "last", "type");
        List<OutboundEvent> all = player(index).received();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (t == null || all.get(i).type().equals(t)) {
                return sandbox.toGuest(plain(all.get(i)));
            }
        }
        return null;
    }

    @Export
    public String transcript(int index) {
        return player(index).transcript();
    }

    @Export
    public void clear(int index) {
        player(index).clear();
    }

    @Export
    public void leave(int index) {
        budget.check("leave");
        player(index).leave();
    }

    /** Runs ticks until {@code duration} of game time has passed; returns the game time. */
    @Export
    public double advance(Value duration) {
        Duration d = GuestSandbox.duration(duration, "w.advance", "duration");
        long target = world.shard().clock().nowMillis() + d.toMillis();
        for (int i = 0; world.shard().clock().nowMillis() < target; i++) {
            if (i % TICKS_PER_BUDGET_CHECK == 0) {
                budget.check("w.advance");
            }
            world.tick();
        }
        return world.shard().clock().nowMillis();
    }

    /** Runs {@code n} ticks; returns the number of the last one. */
    @Export
    public double tick(Value n) {
        if (n == null || !n.isNumber() || !n.fitsInInt() || n.asInt() < 0) {
            throw GuestSandbox.argumentError("w.tick", "n", "a whole number of ticks, 0 or more", n);
        }
        for (int i = 0; i < n.asInt(); i++) {
            if (i % TICKS_PER_BUDGET_CHECK == 0) {
                budget.check("w.tick");
            }
            world.tick();
        }
        return world.shard().currentTick();
    }

    @Export
    public double now() {
        return world.shard().clock().nowMillis();
    }

    @Export
    public Object entity(Value id) {
        EntityId eid = GuestSandbox.entityId(id, "w.entity", "id");
        return world.shard().world().find(eid).map(e -> sandbox.toGuest(GuestSandbox.entityView(e))).orElse(null);
    }

    /** A value of a pack's state store (default: the pack under test), or null: what {@code game.state} reads. */
    @Export
    public Object state(Value key, Value packName) {
        String k = GuestSandbox.string(key, "w.state", "key");
        String name = packName == null || packName.isNull() ? pack : GuestSandbox.string(packName, "w.state", "pack");
        return world.shard().packStates().get(PackStateKey.of(name, k)).map(sandbox::toGuest).orElse(null);
    }

    @Export
    public Object contents(Value id, Value kind) {
        EntityId eid = GuestSandbox.entityId(id, "w.contents", "id");
        String k = optionalString(kind, "w.contents", "kind");
        List<Object> views = new ArrayList<>();
        if (world.shard().world().exists(eid)) {
            for (Entity e : world.shard().world().contents(eid, k)) {
                views.add(GuestSandbox.entityView(e));
            }
        }
        return sandbox.toGuest(views);
    }

    @Export
    public void setProp(Value id, Value key, Value value) {
        EntityId eid = existing(id, "w.setProp", "id");
        world.shard().world().setProperty(eid, GuestSandbox.string(key, "w.setProp", "key"),
                GuestSandbox.toHost(value, "w.setProp: value"));
    }

    /** Gives a connected player a role ({@code player}, {@code gm}, {@code admin}), as the server does from the account. */
    @Export
    public void setRole(Value player, Value role) {
        EntityId eid = existing(player, "w.setRole", "player");
        String r = GuestSandbox.string(role, "w.setRole", "role");
        if (!List.of("player", "gm", "admin").contains(r)) {
            throw GuestSandbox.argumentError("w.setRole", "role", "'player', 'gm' or 'admin'", role);
        }
        if (!world.shard().sessions().isOnline(eid)) {
            throw new IllegalArgumentException("w.setRole: " + eid + " is not connected; roles belong to sessions");
        }
        world.shard().sessions().setRole(eid, r);
    }

    /** Moves an entity (raising roomExit/roomEnter, whose handlers run at once); {@code to} null takes it out. */
    @Export
    public void move(Value id, Value to) {
        EntityId eid = existing(id, "w.move", "id");
        EntityId target = to == null || to.isNull() ? null : existing(to, "w.move", "to");
        world.shard().world().move(eid, target);
        world.shard().events().drain();
    }

    /** Creates an entity from {@code {kind, id?, template?, container?, tags?, props?}}; returns its id. */
    @Export
    public String spawn(Value spec) {
        if (spec == null || !(GuestSandbox.toHost(spec, "w.spawn: spec") instanceof Map<?, ?> map)) {
            throw GuestSandbox.argumentError("w.spawn", "spec", "an object like {kind: 'item', container: 'city:bar'}", spec);
        }
        String kind = GuestSandbox.string(spec.getMember("kind"), "w.spawn", "kind");
        EntityId id = map.get("id") == null ? world.shard().world().newInstanceId("test")
                : GuestSandbox.entityId(spec.getMember("id"), "w.spawn", "id");
        EntitySpec es = EntitySpec.of(id, kind);
        if (map.get("template") != null) {
            es = es.withTemplate(GuestSandbox.entityId(spec.getMember("template"), "w.spawn", "template"));
        }
        if (map.get("container") != null) {
            es = es.withContainer(existing(spec.getMember("container"), "w.spawn", "container"));
        }
        if (map.get("tags") instanceof List<?> tags) {
            Set<String> set = new LinkedHashSet<>();
            tags.forEach(t -> set.add(String.valueOf(t)));
            es = es.withTags(set);
        }
        if (map.get("props") instanceof Map<?, ?> props) {
            Map<String, Object> m = new LinkedHashMap<>();
            props.forEach((k, v) -> m.put(String.valueOf(k), v));
            es = es.withProperties(m);
        }
        String created = world.shard().world().create(es).id().value();
        world.shard().events().drain();
        return created;
    }

    /** The engine events raised so far ({name, data}), optionally only those named {@code name}. */
    @Export
    public Object events(Value name) {
        String n = optionalString(name, "w.events", "name");
        List<Object> list = new ArrayList<>();
        for (GameEvent e : world.events()) {
            if (n == null || e.name().equals(n)) {
                list.add(Map.of("name", e.name(), "data", e.data()));
            }
        }
        return sandbox.toGuest(list);
    }

    /** The script errors the packs reported during the test; reading them tells the runner they are expected. */
    @Export
    public Object faults() {
        faultsSeen = world.scripts().faults().total();
        List<Object> list = new ArrayList<>();
        for (ScriptFault f : world.scripts().faults().recent()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("pack", f.pack());
            m.put("file", f.file());
            m.put("line", f.line());
            m.put("column", f.column());
            m.put("hook", f.hook());
            m.put("kind", f.kind().name().toLowerCase(Locale.ROOT));
            m.put("message", f.message());
            m.put("location", f.location());
            list.add(m);
        }
        return sandbox.toGuest(list);
    }

    /** Reloads a pack (by default the one under test) as live-ops would: {ok, generation, errors}. */
    @Export
    public Object reload(Value packName) {
        budget.check("w.reload");
        String name = packName == null || packName.isNull() ? pack : GuestSandbox.string(packName, "w.reload", "pack");
        CompletableFuture<ReloadReport> swapped;
        try {
            swapped = world.scripts().reload(name, "test");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("w.reload: " + e.getMessage(), e);
        }
        // The new generation is built on the runtime's own thread, then queued for the world thread to swap in.
        // Wait for that without ticking, so the game time a reload takes does not depend on how long the build
        // took; then one tick swaps it in. (A build that failed completes the future without queueing.)
        boolean ticked = false;
        while (!swapped.isDone()) {
            budget.check("w.reload");
            if (!ticked && world.shard().queueDepth() > 0) {
                world.tick();
                ticked = true;
            } else {
                LockSupport.parkNanos(BUILD_POLL_NANOS);
            }
        }
        ReloadReport report = swapped.join();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", report.ok());
        m.put("generation", report.generation());
        m.put("errors", report.errors());
        return sandbox.toGuest(m);
    }

    private TestPlayer player(int index) {
        if (index < 0 || index >= players.size()) {
            throw new IllegalArgumentException("no such player handle: use the one w.join returned");
        }
        return players.get(index);
    }

    private EntityId existing(Value id, String call, String param) {
        EntityId eid = GuestSandbox.entityId(id, call, param);
        if (!world.shard().world().exists(eid)) {
            throw new IllegalArgumentException(call + ": no entity '" + eid + "'");
        }
        return eid;
    }

    private static String optionalString(Value v, String call, String param) {
        return v == null || v.isNull() ? null : GuestSandbox.string(v, call, param);
    }

    private static List<Object> plain(List<OutboundEvent> events) {
        return events.stream().map(TestWorldFacade::plain).toList();
    }

    private static Object plain(OutboundEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", e.type());
        m.put("text", e.text());
        m.put("payload", e.payload());
        m.put("requestId", e.requestId());
        return m;
    }
}
