package dev.backline.script;

import dev.backline.world.Entity;
import dev.backline.world.EntityId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;

/**
 * The views of entities as one pack's scripts see them ({@code game.entity}, {@code game.contents},
 * {@code game.prop}): built in the pack's context once per entity revision, deeply frozen, and handed to
 * every call until the entity changes.
 *
 * <p>Converting a view is one host-to-guest crossing per value, and a room's listing converts every
 * property of everyone in it: before this cache that was about half of the world thread's time per command
 * of the reference game. Sharing a view is only sound if nobody can change it, hence frozen; a script that
 * wants to change an entity calls {@code game.setProp}, which bumps the revision, and the next read builds
 * a new view.
 *
 * <p>Confined to the world thread, like the facade it serves; one per pack generation (its values belong to
 * that generation's context).
 */
final class EntityViews {
    /**
     * Views kept per pack at least; beyond it, as many as the world has entities, the one built longest ago
     * dropped first. A fixed bound thrashed once a game's working set outgrew it: 10,000 players walking a
     * district of 2,500 rooms read ~12,600 entities over and over, and with 8,192 views kept nearly every read
     * rebuilt one, doubling the world thread's time per command (bench commands: 196 against 95 µs). A view is
     * ~1.3 KB of heap beside its entity's own properties (the same run: ~4,400 more views kept, 5.5 MB more in
     * JavaScript objects), so one per entity is in proportion to the world; a view dropped is only rebuilt,
     * never wrong.
     */
    static final int MIN_CAPACITY = 8192;

    /**
     * Thrown (one instance, no stack trace) when a view must be built and the stack has no room for it; the
     * facade answers {@link HostBoundary#NO_ROOM}.
     */
    static final class NoStackRoom extends RuntimeException {
        private NoStackRoom() {
            super("no stack room to build an entity view", null, false, false);
        }
    }

    // Made with this class, at the depth of whoever creates the first EntityViews: a class first initialised
    // at the end of the stack can fail for good (EntityViewsStackTest found that).
    private static final NoStackRoom NO_STACK_ROOM = new NoStackRoom();

    /** A view, with the property map it was built from (copy-on-write: the same map means the same props). */
    private record Built(long revision, Map<String, Object> properties, Value view) {
    }

    private final GuestData data;
    private final IntSupplier liveEntities;
    private final Value deepFreeze;
    private final Value reshell;
    private final Value arrayOf;
    // In insertion order, not access order: a hit then changes nothing, so a read that finds its view needs
    // only the read probe's stack (HostBoundary.READ_PROBE_CALLS); dropping the oldest built is good enough.
    private final Map<Entity, Built> built = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Entity, Built> eldest) {
            return size() > Math.max(MIN_CAPACITY, liveEntities.getAsInt());
        }
    };

    /** @param liveEntities how many entities the world holds now, which bounds the views kept */
    EntityViews(Context context, GuestData data, IntSupplier liveEntities) {
        this.data = data;
        this.liveEntities = liveEntities;
        // Evaluated before any pack code runs, so the functions they call are the realm's own.
        this.deepFreeze = context.eval("js", """
                (() => {
                  const { freeze, isFrozen, keys } = Object;
                  const deep = (v) => {
                    if (v !== null && typeof v === 'object' && !isFrozen(v)) {
                      for (const k of keys(v)) { deep(v[k]); }
                      freeze(v);
                    }
                    return v;
                  };
                  return deep;
                })()""");
        this.reshell = context.eval("js", """
                (() => {
                  const { freeze } = Object;
                  return (id, kind, template, container, tags, props) =>
                    freeze({ id, kind, template, container, tags: freeze(tags), props });
                })()""");
        this.arrayOf = context.eval("js", "(...items) => items");
        // Their first calls link them here, at a normal depth, not at whatever depth a script first reads.
        arrayOf.execute();
        deepFreeze.execute(arrayOf.execute());
        reshell.execute("warm:up", "warm", null, null, arrayOf.execute(), arrayOf.execute());
    }

    /**
     * The entity's view: {id, kind, template, container, tags, props}.
     *
     * @throws NoStackRoom if it must be built and the stack has no room for that
     */
    Value of(Entity entity) {
        Built b = built.get(entity);
        if (b == null || b.revision() != entity.revision()) {
            requireStackRoom();
            Map<String, Object> properties = entity.properties();
            Value view = b != null && b.properties() == properties ? reshell(entity, b.view().getMember("props"))
                    : deepFreeze.execute(data.toGuest(viewOf(entity)));
            b = new Built(entity.revision(), properties, view);
            built.put(entity, b);
        }
        return b.view();
    }

    /**
     * A new view around the frozen props of the old one: the entity moved or was tagged, its properties are the
     * same map. A player walking from room to room then costs a small object per move instead of converting all
     * their properties again.
     */
    private Value reshell(Entity e, Value props) {
        return reshell.execute(e.id().value(), e.kind(), e.template().map(EntityId::value).orElse(null),
                e.container().map(EntityId::value).orElse(null), data.toGuest(List.copyOf(e.tags())), props);
    }

    void clear() {
        built.clear();
    }

    private static void requireStackRoom() {
        if (!HostBoundary.stackHasRoom()) {
            throw NO_STACK_ROOM;
        }
    }

    /**
     * A new (unfrozen) array of the entities' views, for the script to filter and sort.
     *
     * @throws NoStackRoom if a view must be built and the stack has no room for that
     */
    Value list(List<Entity> entities) {
        Object[] views = new Object[entities.size()];
        for (int i = 0; i < views.length; i++) {
            views[i] = of(entities.get(i));
        }
        // Needs no full probe: a guest call that runs out of stack is the guest's RangeError, and creating the
        // array changes nothing that could be left half-done.
        return arrayOf.execute(views);
    }

    /**
     * One property as the entity's view has it: from the view when it is current, else converted on its own
     * (an entity changed since its view was read, say every tick, costs one value rather than a whole view).
     */
    Object property(Entity entity, String key) {
        Built b = built.get(entity);
        if (b != null && b.revision() == entity.revision()) {
            return b.view().getMember("props").getMember(key);
        }
        Object value = entity.property(key);
        if (value == null) {
            return null;
        }
        requireStackRoom();
        return deepFreeze.execute(data.toGuest(value));
    }

    static Map<String, Object> viewOf(Entity e) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", e.id().value());
        v.put("kind", e.kind());
        v.put("template", e.template().map(EntityId::value).orElse(null));
        v.put("container", e.container().map(EntityId::value).orElse(null));
        v.put("tags", List.copyOf(e.tags()));
        v.put("props", e.properties());
        return v;
    }
}
