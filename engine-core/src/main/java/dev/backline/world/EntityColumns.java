package dev.backline.world;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Numeric properties of every entity of one kind, as columns of doubles: what a rule over many entities works
 * on, in one pass per tick, instead of reading and writing each entity's properties one call at a time. Each
 * column is a buffer of native-order doubles ({@link #buffer(int)}), which the script runtime hands to
 * scripts as a {@code Float64Array} without copying.
 *
 * <p>The properties stay the truth. {@link #open()} brings the columns up to date (rows for the entities
 * created since, none for those removed, and the values of every row whose properties changed by other
 * means); the caller then reads and writes the columns; {@link #settle()} writes each changed value back into
 * its entity's property, one property-map copy per entity, through the world's change tracking, so
 * persistence stores it like any other change. Rows are ordered by id at first and then by arrival; removing
 * an entity moves the rows after it up at the next {@code open}. World thread only, like the world.
 *
 * <pre>{@code
 * EntityColumns herd = world.columns("npc", List.of("energy"), new double[] {100});
 * int n = herd.open();
 * for (int row = 0; row < n; row++) {
 *     herd.set(0, row, herd.get(0, row) - 0.5);
 * }
 * herd.settle();   // every npc's "energy" property is now half a point lower
 * }</pre>
 */
public final class EntityColumns implements AutoCloseable {
    /** The most columns one set may have. */
    public static final int MAX_COLUMNS = 64;
    private static final int MIN_CAPACITY = 64;

    /**
     * What {@link #settle()} wrote back: how many entities changed, and how many values it refused (not finite:
     * JSON cannot hold them), with the first of those described for an error message.
     */
    public record Settlement(int changed, int refused, String firstRefusal) {
    }

    private final World world;
    private final String kind;
    private final String[] names;
    private final double[] defaults;
    private final List<Entity> arrivals = new ArrayList<>();
    private final String[] changedKeys;
    private final Object[] changedValues;
    private Entity[] rows;
    /** Per row, the property map its values were last loaded from or written into; another one means it changed. */
    private Object[] seen;
    /** The columns as last loaded or written back: a value that differs from its shadow was written by the caller. */
    private double[][] shadow;
    private ByteBuffer[] buffers;
    private int count;
    private int generation;
    private boolean departures;
    private Map<EntityId, Integer> index;
    private boolean closed;

    EntityColumns(World world, String kind, List<String> names, double[] defaults, List<Entity> members) {
        validate(kind, names, defaults);
        this.world = world;
        this.kind = kind;
        // Interned, so the look-ups in property maps whose keys are literals compare pointers.
        this.names = names.stream().map(String::intern).toArray(String[]::new);
        this.defaults = defaults.clone();
        this.changedKeys = new String[this.names.length];
        this.changedValues = new Object[this.names.length];
        this.count = members.size();
        allocate(Math.max(MIN_CAPACITY, count + count / 4));
        for (int r = 0; r < count; r++) {
            rows[r] = members.get(r);
        }
    }

    /**
     * Checks a declaration before there is a world to make it in.
     *
     * @throws IllegalArgumentException if there are no names or more than {@link #MAX_COLUMNS}, a name cannot name a
     *     property or is repeated, or a default is not finite
     */
    public static void validate(String kind, List<String> names, double[] defaults) {
        if (names.isEmpty() || names.size() > MAX_COLUMNS) {
            throw new IllegalArgumentException("columns of '" + kind + "' need 1 to " + MAX_COLUMNS + " properties, not "
                    + names.size());
        }
        if (defaults.length != names.size()) {
            throw new IllegalArgumentException("columns of '" + kind + "': " + names.size() + " properties but "
                    + defaults.length + " defaults");
        }
        Set<String> unique = new HashSet<>();
        for (int c = 0; c < names.size(); c++) {
            String name = names.get(c);
            if (!World.isValidName(name)) {
                throw new IllegalArgumentException("columns of '" + kind + "': '" + name + "' cannot name a property (1 to "
                        + World.MAX_NAME_LENGTH + " characters, no NUL)");
            }
            if (!unique.add(name)) {
                throw new IllegalArgumentException("columns of '" + kind + "': '" + name + "' is named twice");
            }
            if (!Double.isFinite(defaults[c])) {
                throw new IllegalArgumentException("columns of '" + kind + "': the default of '" + name + "' is "
                        + defaults[c] + ", not a finite number");
            }
        }
    }

    public String kind() {
        return kind;
    }

    public List<String> names() {
        return List.of(names);
    }

    /** Rows in use since the last {@link #open()}. */
    public int count() {
        return count;
    }

    /**
     * Counts the times the buffers were replaced: when the rows outgrow them, and when removed entities' rows are
     * dropped (fresh buffers then, so a view still held on the old ones cannot write into another entity's row).
     */
    public int generation() {
        return generation;
    }

    /**
     * Column {@code column} as native-order doubles, row {@code r} at byte {@code 8 * r}; its capacity may exceed
     * {@link #count()}. The same buffer until {@link #generation()} changes.
     */
    public ByteBuffer buffer(int column) {
        return buffers[column];
    }

    public double get(int column, int row) {
        return buffers[column].getDouble(checked(row) * Double.BYTES);
    }

    public void set(int column, int row, double value) {
        buffers[column].putDouble(checked(row) * Double.BYTES, value);
    }

    /** The entity of a row, as of the last {@link #open()}. */
    public EntityId id(int row) {
        return rows[checked(row)].id();
    }

    private int checked(int row) {
        if (row < 0 || row >= count) {
            throw new IndexOutOfBoundsException("row " + row + " of " + count);
        }
        return row;
    }

    /** The row of an entity as of the last {@link #open()}, or -1 if it has none. */
    public int row(EntityId id) {
        if (index == null) {
            index = new HashMap<>(count * 2);
            for (int r = 0; r < count; r++) {
                index.put(rows[r].id(), r);
            }
        }
        Integer r = index.get(id);
        return r == null ? -1 : r;
    }

    /**
     * Brings the rows and columns up to date with the world: rows for entities of the kind created since, none for
     * those removed, and fresh values for every row whose properties changed by other means. A property that is
     * missing reads as its column's default, one that is not a number as NaN.
     *
     * @return the number of rows
     */
    public int open() {
        requireOpen();
        if (departures) {
            dropDeparted();
        }
        if (!arrivals.isEmpty()) {
            admitArrivals();
        }
        for (int r = 0; r < count; r++) {
            Map<String, Object> properties = rows[r].properties();
            if (properties != seen[r]) {
                load(r, properties);
            }
        }
        return count;
    }

    /**
     * Writes every value changed in the columns since {@link #open()} back into its entity's property. A value
     * that is not finite is refused: the property keeps its value, and the column gets it back.
     */
    public Settlement settle() {
        requireOpen();
        int changed = 0;
        int refused = 0;
        String firstRefusal = null;
        for (int r = 0; r < count; r++) {
            Entity entity = rows[r];
            int at = r * Double.BYTES;
            int n = 0;
            for (int c = 0; c < names.length; c++) {
                double value = buffers[c].getDouble(at);
                double was = shadow[c][r];
                if (value == was || (value != value && was != was)) {
                    continue;
                }
                if (entity.removed) {
                    break;
                }
                if (!Double.isFinite(value)) {
                    if (refused++ == 0) {
                        firstRefusal = entity.id() + " " + names[c] + " is " + value + ", and only finite numbers are "
                                + "stored; the property keeps " + entity.property(names[c]);
                    }
                    buffers[c].putDouble(at, was);
                    continue;
                }
                changedKeys[n] = names[c];
                changedValues[n++] = frozen(value);
                shadow[c][r] = value;
            }
            // Properties changed by other means during the call: the row is loaded again at the next open.
            boolean current = entity.properties() == seen[r];
            if (n > 0) {
                world.setProperties(entity, changedKeys, changedValues, n);
                changed++;
                if (current) {
                    seen[r] = entity.properties();
                }
            }
        }
        Arrays.fill(changedValues, null);
        return new Settlement(changed, refused, firstRefusal);
    }

    /** Stops following the world; the buffers are not written back any more. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            world.release(this);
            arrivals.clear();
        }
    }

    void arrived(Entity entity) {
        if (entity.kind().equals(kind)) {
            arrivals.add(entity);
        }
    }

    void departed(Entity entity) {
        if (entity.kind().equals(kind)) {
            departures = true;
        }
    }

    private void load(int r, Map<String, Object> properties) {
        int at = r * Double.BYTES;
        for (int c = 0; c < names.length; c++) {
            Object v = properties.get(names[c]);
            double value = v == null ? defaults[c] : v instanceof Number number ? number.doubleValue() : Double.NaN;
            buffers[c].putDouble(at, value);
            shadow[c][r] = value;
        }
        seen[r] = properties;
    }

    private void dropDeparted() {
        departures = false;
        int kept = 0;
        for (int r = 0; r < count; r++) {
            if (!rows[r].removed) {
                kept++;
            }
        }
        if (kept == count) {
            return;
        }
        copyInto(Math.max(MIN_CAPACITY, kept + kept / 4), true);
        index = null;
    }

    private void admitArrivals() {
        int needed = count + arrivals.size();
        if (needed > rows.length) {
            copyInto(Math.max(needed, rows.length * 2), false);
        }
        for (Entity e : arrivals) {
            if (!e.removed) {
                rows[count] = e;
                seen[count] = null;
                count++;
            }
        }
        arrivals.clear();
        index = null;
    }

    /** Moves the rows into fresh buffers of {@code capacity}, leaving out removed entities if asked. */
    private void copyInto(int capacity, boolean dropRemoved) {
        Entity[] oldRows = rows;
        Object[] oldSeen = seen;
        double[][] oldShadow = shadow;
        ByteBuffer[] oldBuffers = buffers;
        int oldCount = count;
        allocate(capacity);
        int to = 0;
        for (int from = 0; from < oldCount; from++) {
            if (dropRemoved && oldRows[from].removed) {
                continue;
            }
            rows[to] = oldRows[from];
            seen[to] = oldSeen[from];
            for (int c = 0; c < names.length; c++) {
                shadow[c][to] = oldShadow[c][from];
                buffers[c].putDouble(to * Double.BYTES, oldBuffers[c].getDouble(from * Double.BYTES));
            }
            to++;
        }
        count = to;
    }

    private void allocate(int capacity) {
        rows = new Entity[capacity];
        seen = new Object[capacity];
        shadow = new double[names.length][capacity];
        buffers = new ByteBuffer[names.length];
        for (int c = 0; c < names.length; c++) {
            buffers[c] = ByteBuffer.allocate(Math.multiplyExact(capacity, Double.BYTES)).order(ByteOrder.nativeOrder());
        }
        generation++;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the columns of '" + kind + "' were closed");
        }
    }

    /** A number as {@link PropertyValues#freeze} stores it: whole ones as longs, so it equals what setProp stores. */
    private static Object frozen(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Object) (long) value : (Object) value;
    }
}
