package dev.backline.script;

import dev.backline.command.CommandSpec;
import dev.backline.log.LogContext;
import dev.backline.session.OutboundEvent;
import dev.backline.shard.PlayerPresence;
import dev.backline.shard.Shard;
import dev.backline.world.Entity;
import dev.backline.world.EntityId;
import dev.backline.world.EntitySpec;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.graalvm.polyglot.HostAccess.Export;
import org.graalvm.polyglot.Value;

/**
 * The world as scripts see it: the global {@code game} object (wrapped and frozen by the prelude, so
 * scripts never hold this host object itself). Entities cross as ids and plain-data views, never as
 * Java objects. Every method runs on the world thread, inside a guarded script call. The TypeScript
 * contract is {@code script-api/types/backline.d.ts}; {@code ApiContractTest} keeps the two in step.
 */
public final class GameFacade {
    private static final Logger LOG = System.getLogger("backline.script");

    private final Shard shard;
    private final String pack;
    private final GuestData data;
    private final EntityViews views;
    private final TimerScheduler timers;
    private final PackStateStore state;
    private final Tunables tunables;
    private final ScriptAudit audit;
    private volatile boolean worldOpen;

    GameFacade(Shard shard, String pack, GuestData data, EntityViews views, TimerScheduler timers, PackStateStore state,
               Tunables tunables, ScriptAudit audit) {
        this.shard = shard;
        this.pack = pack;
        this.data = data;
        this.views = views;
        this.timers = timers;
        this.state = state;
        this.tunables = tunables;
        this.audit = audit;
    }

    /**
     * Opens the world to the pack's code: until then (while its modules are evaluated and {@code register}
     * runs, possibly off the world thread during a reload) every world call throws.
     */
    void openWorld() {
        worldOpen = true;
    }

    /** Lets go of the views this generation built: it is out, kept only for a rollback. */
    void forgetViews() {
        views.clear();
    }

    private void requireWorld(String call) {
        if (!worldOpen) {
            throw new IllegalStateException(call + ": the world is not available while the pack loads; "
                    + "use it in handlers, or in an exported check()");
        }
    }

    /** {@code game.entity(id)}: the entity's read-only view, or null; see {@link EntityViews}. */
    @Export
    public Object entity(Value id) {
        requireWorld("game.entity");
        EntityId eid = Args.entityId(id, "game.entity", "id");
        try {
            return shard.world().find(eid).map(views::of).orElse(null);
        } catch (EntityViews.NoStackRoom e) {
            return HostBoundary.NO_ROOM;
        }
    }

    /** {@code game.contents(id, kind?)}: a new array of the read-only views of what the entity holds. */
    @Export
    public Object contents(Value id, Value kind) {
        requireWorld("game.contents");
        EntityId eid = Args.entityId(id, "game.contents", "id");
        String k = Args.optionalString(kind, "game.contents", "kind");
        try {
            return views.list(shard.world().exists(eid) ? shard.world().contents(eid, k) : List.of());
        } catch (EntityViews.NoStackRoom e) {
            return HostBoundary.NO_ROOM;
        }
    }

    /** {@code game.prop(id, key)}: one property, read-only as in the entity's view, or null. */
    @Export
    public Object prop(Value id, Value key) {
        requireWorld("game.prop");
        EntityId eid = Args.entityId(id, "game.prop", "id");
        String k = Args.string(key, "game.prop", "key");
        try {
            return shard.world().find(eid).map(e -> views.property(e, k)).orElse(null);
        } catch (EntityViews.NoStackRoom e) {
            return HostBoundary.NO_ROOM;
        }
    }

    @Export
    public void setProp(Value id, Value key, Value value) {
        requireWorld("game.setProp");
        EntityId eid = Args.entityId(id, "game.setProp", "id");
        String k = Args.string(key, "game.setProp", "key");
        requireExists(eid, "game.setProp");
        shard.world().setProperty(eid, k, GuestData.toHost(value, "game.setProp: value"));
    }

    @Export
    public void tag(Value id, Value tag, Value present) {
        requireWorld("game.tag");
        EntityId eid = Args.entityId(id, "game.tag", "id");
        requireExists(eid, "game.tag");
        shard.world().tag(eid, Args.string(tag, "game.tag", "tag"), Args.bool(present, "game.tag", "present"));
    }

    /** {@code game.move(id, to)}: moves an entity into a room or container; {@code to} null takes it out. */
    @Export
    public void move(Value id, Value to) {
        requireWorld("game.move");
        EntityId eid = Args.entityId(id, "game.move", "id");
        EntityId target = Args.optionalEntityId(to, "game.move", "to");
        requireExists(eid, "game.move");
        if (target != null) {
            requireExists(target, "game.move");
        }
        shard.world().move(eid, target);
    }

    /** {@code game.spawn({kind, id?, template?, container?, tags?, props?})}: creates an entity, returns its id. */
    @Export
    public String spawn(Value spec) {
        requireWorld("game.spawn");
        if (spec == null || !spec.hasMembers()) {
            throw Args.error("game.spawn", "spec", "an object like {kind: 'item', container: 'city:bar'}", spec);
        }
        String kind = Args.string(spec.getMember("kind"), "game.spawn", "kind");
        EntityId id = spec.hasMember("id") && !spec.getMember("id").isNull()
                ? Args.entityId(spec.getMember("id"), "game.spawn", "id")
                : shard.world().newInstanceId(pack.replace('-', '_'));
        EntitySpec es = EntitySpec.of(id, kind)
                .withTemplate(Args.optionalEntityId(spec.getMember("template"), "game.spawn", "template"))
                .withContainer(Args.optionalEntityId(spec.getMember("container"), "game.spawn", "container"));
        Object tags = GuestData.toHost(spec.getMember("tags"), "game.spawn: tags");
        if (tags instanceof List<?> list) {
            Set<String> set = new LinkedHashSet<>();
            list.forEach(t -> set.add(String.valueOf(t)));
            es = es.withTags(set);
        }
        Object props = GuestData.toHost(spec.getMember("props"), "game.spawn: props");
        if (props instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) map;
            es = es.withProperties(m);
        }
        return shard.world().create(es).id().value();
    }

    @Export
    public void remove(Value id) {
        requireWorld("game.remove");
        EntityId eid = Args.entityId(id, "game.remove", "id");
        requireExists(eid, "game.remove");
        if (shard.sessions().isOnline(eid)) {
            throw new IllegalArgumentException("game.remove: '" + eid + "' is a connected player");
        }
        shard.world().remove(eid);
    }

    /** {@code game.send(player, type, text?, payload?)}: an event for one player; false if not online. */
    @Export
    public boolean send(Value player, Value type, Value text, Value payload) {
        requireWorld("game.send");
        EntityId pid = Args.entityId(player, "game.send", "player");
        return shard.sessions().send(pid, GuestEvents.event("game.send", type, text, payload));
    }

    /** {@code game.toRoom(room, type, text?, payload?, except?)}: an event for every player in a room. */
    @Export
    public int toRoom(Value room, Value type, Value text, Value payload, Value except) {
        requireWorld("game.toRoom");
        EntityId rid = Args.entityId(room, "game.toRoom", "room");
        OutboundEvent event = GuestEvents.event("game.toRoom", type, text, payload);
        Set<String> skipIds = GuestEvents.except(except, "game.toRoom: except");
        if (!shard.world().exists(rid)) {
            return 0;
        }
        int sent = 0;
        for (Entity e : shard.world().contents(rid, null)) {
            if (!skipIds.contains(e.id().value()) && shard.sessions().send(e.id(), event)) {
                sent++;
            }
        }
        return sent;
    }

    /** {@code game.online()}: the connected players as {id, name, room}. */
    @Export
    public Object online() {
        requireWorld("game.online");
        return data.toGuest(shard.presence().online());
    }

    /**
     * {@code game.playersIn(room)}: the connected players in a room, as read-only views. One crossing, where a
     * script filtering {@code game.contents(room, 'player')} by {@code game.isOnline} paid one per player.
     */
    @Export
    public Object playersIn(Value room) {
        requireWorld("game.playersIn");
        EntityId rid = Args.entityId(room, "game.playersIn", "room");
        List<Entity> online = new ArrayList<>();
        if (shard.world().exists(rid)) {
            for (Entity e : shard.world().contents(rid, PlayerPresence.PLAYER_KIND)) {
                if (shard.sessions().isOnline(e.id())) {
                    online.add(e);
                }
            }
        }
        try {
            return views.list(online);
        } catch (EntityViews.NoStackRoom e) {
            return HostBoundary.NO_ROOM;
        }
    }

    @Export
    public boolean isOnline(Value player) {
        requireWorld("game.isOnline");
        return shard.sessions().isOnline(Args.entityId(player, "game.isOnline", "player"));
    }

    /** {@code game.commands()}: every registered command as {name, aliases, help, usage, pack}. */
    @Export
    public Object commands() {
        requireWorld("game.commands");
        List<Object> list = new ArrayList<>();
        for (CommandSpec c : shard.commands().all()) {
            list.add(Map.of("name", c.name(), "aliases", c.aliases(), "help", c.help(), "usage", c.usage(), "pack", c.owner()));
        }
        return data.toGuest(list);
    }

    /** Game time in epoch milliseconds; {@code Date.now()} returns the same. */
    @Export
    public double now() {
        return shard.clock().nowMillis();
    }

    @Export
    public double tick() {
        return shard.currentTick();
    }

    /** The engine's seeded random number in [0, 1); {@code Math.random()} returns the same. */
    @Export
    public double random() {
        return shard.random().nextDouble();
    }

    /** {@code game.state(key)}: a value of the pack's own state store (kept across reloads), or null. */
    @Export
    public Object state(Value key) {
        requireWorld("game.state");
        return data.toGuest(state.get(Args.string(key, "game.state", "key")));
    }

    /**
     * {@code game.tunable(name)}: the current value of a tunable this pack declared with {@code pack.tunable};
     * live-ops may change it between ticks.
     */
    @Export
    public Object tunable(Value name) {
        requireWorld("game.tunable");
        return data.toGuest(tunables.value(pack, Args.string(name, "game.tunable", "name")));
    }

    /**
     * {@code game.role(player)}: what the account playing this character may do beyond playing
     * ({@code "player"}, {@code "gm"}, {@code "admin"}), or null if the player is not connected.
     */
    @Export
    public String role(Value player) {
        requireWorld("game.role");
        return shard.sessions().role(Args.entityId(player, "game.role", "player")).orElse(null);
    }

    /**
     * {@code game.audit(actor, action, subject, details)}: records an action of consequence (a game master's
     * command) in the server's audit log, with who did it, a dotted action name, what it was done to, and
     * plain-data details such as the values before and after. The action is stored as {@code <pack>/<action>}.
     */
    @Export
    public void audit(Value actor, Value action, Value subject, Value details) {
        requireWorld("game.audit");
        String who = Args.string(actor, "game.audit", "actor");
        String what = Args.string(action, "game.audit", "action");
        String about = Args.optionalString(subject, "game.audit", "subject");
        Object data = details == null || details.isNull() ? Map.of() : GuestData.toHost(details, "game.audit: details");
        if (!(data instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("game.audit: details must be an object of plain data");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) data;
        // Prefixed with the pack, so a script cannot pass its entries off as the engine's or another pack's.
        audit.append(dev.backline.persist.AuditEntry.of(who, pack + "/" + what, about, map));
    }

    /** {@code game.setState(key, value)}: stores plain data in the pack's state store; null removes the key. */
    @Export
    public void setState(Value key, Value value) {
        requireWorld("game.setState");
        state.put(Args.string(key, "game.setState", "key"), GuestData.toHost(value, "game.setState: value"));
    }

    /**
     * {@code game.durable()}: the running command's effects are of real value (a purchase). Its events to its
     * player are held until everything changed is stored, then sent; if storing fails the player gets an
     * {@code unavailable} error instead. While the store is known to be away it throws at once, so a handler
     * that calls it first changes nothing, and the player gets that error.
     */
    @Export
    public void durable() {
        requireWorld("game.durable");
        try {
            shard.durableCommands().require();
        } catch (IllegalStateException e) {
            throw new IllegalStateException("game.durable: only a command handler (run(ctx)) can make its effects durable");
        }
    }

    /** {@code game.after(delay, timer, data?)}: runs the pack's named timer handler after a game-time delay. */
    @Export
    public double after(Value delay, Value timer, Value payload) {
        requireWorld("game.after");
        return timers.schedule(Args.duration(delay, "game.after", "delay"), Args.string(timer, "game.after", "timer"),
                GuestData.toHost(payload, "game.after: data"));
    }

    @Export
    public boolean cancel(Value handle) {
        requireWorld("game.cancel");
        if (handle == null || !handle.isNumber()) {
            throw Args.error("game.cancel", "handle", "a number returned by game.after", handle);
        }
        return timers.cancel(handle.asLong());
    }

    @Export
    public void log(Value message) {
        String text = message == null ? "" : message.isString() ? message.asString() : message.toString();
        LogContext context = LogContext.current();
        String outer = context.enterPack(pack);
        try {
            LOG.log(Level.INFO, truncate(text));
        } finally {
            context.leavePack(outer);
        }
    }

    private void requireExists(EntityId id, String call) {
        if (!shard.world().exists(id)) {
            throw new IllegalArgumentException(call + ": no entity '" + id + "'");
        }
    }

    private static String truncate(String s) {
        return s.length() > 2000 ? s.substring(0, 2000) + "…" : s;
    }
}
