package dev.backline.script;

import dev.backline.world.EntityColumns;
import dev.backline.world.World;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.HostAccess.Export;
import org.graalvm.polyglot.Value;

/**
 * The host side of {@code game.columns(name)}, for the prelude only: it wraps each column's buffer in an
 * {@code ArrayBuffer} and a {@code Float64Array} at once and hands scripts nothing else of it. The columns of a
 * generation are made on first use and closed when it is uninstalled; those opened during a call are written back
 * into the entities when the call ends ({@link #settle}), whether it returned or threw, as {@code game.setProp}
 * calls made before a throw stay made.
 */
public final class ColumnsFacade {
    /** The most column sets one pack may declare. */
    static final int MAX_TABLES = 16;

    private final World world;
    private final String pack;
    private final GuestData data;
    private final Map<String, ColumnsSpec> declared;
    private final Map<String, EntityColumns> open = new LinkedHashMap<>();
    private final List<EntityColumns> openedInCall = new ArrayList<>();
    private boolean installed;

    ColumnsFacade(World world, String pack, GuestData data, Map<String, ColumnsSpec> declared) {
        this.world = world;
        this.pack = pack;
        this.data = data;
        this.declared = declared;
    }

    /** Brings the columns up to date for this call: {@code {count, generation, props}}. */
    @Export
    public Object open(Value name) {
        EntityColumns columns = columns(name, "game.columns");
        int count = columns.open();
        if (!openedInCall.contains(columns)) {
            openedInCall.add(columns);
        }
        return data.toGuest(Map.of("count", count, "generation", columns.generation(), "props", columns.names()));
    }

    /** The buffer of one column (a host object only the prelude sees), valid until the generation changes. */
    @Export
    public Object buffer(Value name, Value column) {
        EntityColumns columns = columns(name, "game.columns");
        return columns.buffer(index(column, columns.names().size(), "game.columns", "column"));
    }

    /** {@code table.id(row)}: the id of the entity in a row, as of the last {@code game.columns} call. */
    @Export
    public String id(Value name, Value row) {
        EntityColumns columns = columns(name, "table.id");
        return columns.id(index(row, columns.count(), "table.id", "row")).value();
    }

    /** {@code table.row(id)}: the row of an entity, or -1. */
    @Export
    public int row(Value name, Value id) {
        return columns(name, "table.row").row(Args.entityId(id, "table.row", "id"));
    }

    private EntityColumns columns(Value name, String call) {
        if (!installed) {
            throw new IllegalStateException(call + ": columns are available to handlers once the pack runs, not while "
                    + "it loads or in check()");
        }
        String n = Args.string(name, call, "name");
        EntityColumns columns = open.get(n);
        if (columns != null) {
            return columns;
        }
        ColumnsSpec spec = declared.get(n);
        if (spec == null) {
            throw new IllegalArgumentException(call + ": pack " + pack + " declares no columns '" + n + "'; "
                    + (declared.isEmpty() ? "declare them with pack.columns in register" : "it declares "
                    + String.join(", ", declared.keySet())));
        }
        columns = world.columns(spec.kind(), spec.props(), spec.defaults());
        open.put(n, columns);
        return columns;
    }

    private static int index(Value v, int size, String call, String param) {
        if (v == null || !v.isNumber() || !v.fitsInInt() || v.asInt() < 0 || v.asInt() >= size) {
            throw Args.error(call, param, "a whole number from 0 to " + (size - 1), v);
        }
        return v.asInt();
    }

    void install() {
        installed = true;
    }

    /** Closes the columns: a generation that is installed again makes them anew, from the entities as they are then. */
    void uninstall() {
        installed = false;
        openedInCall.clear();
        open.values().forEach(EntityColumns::close);
        open.clear();
    }

    /**
     * Writes back what the call changed in the columns it opened. Values that are not finite are refused (the
     * properties keep theirs): the fault says which, charged to {@code hook}; null when all went in.
     */
    ScriptFault settle(String hook) {
        if (openedInCall.isEmpty()) {
            return null;
        }
        String refusal = null;
        for (EntityColumns columns : openedInCall) {
            EntityColumns.Settlement settled = columns.settle();
            if (settled.refused() > 0 && refusal == null) {
                refusal = "game.columns('" + nameOf(columns) + "'): " + settled.refused() + " value"
                        + (settled.refused() == 1 ? " was" : "s were") + " not written back: " + settled.firstRefusal();
            }
        }
        openedInCall.clear();
        return refusal == null ? null
                : new ScriptFault(pack, null, 0, 0, hook, ScriptFault.Kind.ERROR, refusal, "");
    }

    private String nameOf(EntityColumns columns) {
        return open.entrySet().stream().filter(e -> e.getValue() == columns).map(Map.Entry::getKey).findFirst().orElse("?");
    }
}
