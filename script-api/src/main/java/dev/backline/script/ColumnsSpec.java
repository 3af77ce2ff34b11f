package dev.backline.script;

import dev.backline.world.EntityColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.graalvm.polyglot.Value;

/**
 * What {@code pack.columns(name, {kind, props})} declares: the numeric properties of every entity of a kind, with
 * the value each reads while an entity does not have it, that {@code game.columns(name)} hands out as typed arrays.
 */
record ColumnsSpec(String name, String kind, List<String> props, double[] defaults) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    /** The other members of what {@code game.columns} returns, which a column cannot be called. */
    static final Set<String> RESERVED = Set.of("count", "id", "row");

    ColumnsSpec {
        props = List.copyOf(props);
        defaults = defaults.clone();
    }

    /** @throws IllegalArgumentException naming the field that is wrong */
    static ColumnsSpec of(Value name, Value spec) {
        String call = "pack.columns";
        String n = Args.string(name, call, "name");
        if (!NAME.matcher(n).matches()) {
            throw Args.error(call, "name", "a word of letters, digits, '_' and '-' (at most 64)", name);
        }
        String where = call + " '" + n + "'";
        if (spec == null || !spec.hasMembers() || spec.canExecute() || spec.hasArrayElements()) {
            throw Args.error(call, "spec", "an object like {kind: 'npc', props: {energy: 100, mood: 50}}", spec);
        }
        String kind = Args.string(spec.getMember("kind"), where, "kind");
        if (kind.isEmpty()) {
            throw Args.error(where, "kind", "an entity kind such as 'npc'", spec.getMember("kind"));
        }
        Value props = spec.getMember("props");
        if (props == null || !props.hasMembers() || props.canExecute() || props.hasArrayElements()) {
            throw Args.error(where, "props", "an object of property names and their defaults, like {energy: 100}", props);
        }
        List<String> names = new ArrayList<>(props.getMemberKeys());
        if (names.isEmpty() || names.size() > EntityColumns.MAX_COLUMNS) {
            throw new IllegalArgumentException(where + ": 'props' must name 1 to " + EntityColumns.MAX_COLUMNS
                    + " properties, not " + names.size());
        }
        double[] defaults = new double[names.size()];
        for (int i = 0; i < names.size(); i++) {
            String prop = names.get(i);
            if (RESERVED.contains(prop)) {
                throw new IllegalArgumentException(where + ": a column cannot be called '" + prop + "' ("
                        + String.join(", ", RESERVED.stream().sorted().toList()) + " are the table's own members)");
            }
            Value d = props.getMember(prop);
            if (d == null || !d.isNumber() || !Double.isFinite(d.asDouble())) {
                throw Args.error(where, "props." + prop, "a finite number: the value an entity without it reads", d);
            }
            defaults[i] = d.asDouble();
        }
        try {
            EntityColumns.validate(kind, names, defaults);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
        return new ColumnsSpec(n, kind, names, defaults);
    }
}
