package dev.backline.content;

import dev.backline.world.PropertyValues;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns a YAML subtree into the JSON-compatible values entity properties hold (null, booleans, numbers,
 * strings, lists, string-keyed maps), reporting with its line every value that JSON cannot hold: dates,
 * binary, custom tags, infinities, numbers beyond 64 bits, nesting deeper than the world allows.
 * Invalid values are reported and replaced by null, so one pass finds them all.
 */
final class JsonValues {
    /** The same bound as the world's own property check. */
    private static final int MAX_DEPTH = 32;
    private static final int MAX_KEY_LENGTH = 64;

    private final YamlFile file;
    private final Scalars scalars = new Scalars();

    JsonValues(YamlFile file) {
        this.file = file;
    }

    /** A room's free {@code properties} mapping. */
    Map<String, Object> properties(Node node) {
        return properties(node, RoomData.RESERVED_PROPERTIES, "room");
    }

    /**
     * A free {@code properties} mapping whose keys may not be any of {@code reserved}, which the fields of
     * {@code owner} ("room", "item template") set.
     */
    Map<String, Object> properties(Node node, java.util.Set<String> reserved, String owner) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (!(node instanceof MappingNode mapping)) {
            file.report(node, "'properties' must be a mapping of names to values, not " + YamlFile.describe(node));
            return result;
        }
        int reportedBefore = file.reported();
        YamlMap.entries(file, mapping, "property name").forEach((key, tuple) -> {
            if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
                file.report(tuple.getKeyNode(), "property name '" + key + "' must have 1 to " + MAX_KEY_LENGTH + " characters");
            } else if (reserved.contains(key)) {
                file.report(tuple.getKeyNode(), "property '" + key + "' is reserved: the " + owner + "'s own field sets it");
            }
            result.put(key, value(tuple.getValueNode(), "properties." + key, 1));
        });
        if (file.reported() == reportedBefore) {
            try {
                PropertyValues.freeze(result);
            } catch (IllegalArgumentException e) {
                // A limit this reader does not check itself, such as the length of a string.
                file.report(node, "properties are not JSON-compatible: " + e.getMessage());
            }
        }
        return result;
    }

    private Object value(Node node, String path, int depth) {
        if (depth > MAX_DEPTH) {
            String shown = path.length() > 60 ? path.substring(0, 60) + "..." : path;
            file.report(node, shown + " is nested deeper than " + MAX_DEPTH + " levels (or refers to itself)");
            return null;
        }
        if (node instanceof ScalarNode scalar) {
            return scalar(scalar, path);
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> list = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                list.add(value(item, path + "[" + list.size() + "]", depth + 1));
            }
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        YamlMap.entries(file, (MappingNode) node, "key").forEach((key, tuple) ->
                map.put(key, value(tuple.getValueNode(), path + "." + key, depth + 1)));
        return map;
    }

    private Object scalar(ScalarNode node, String path) {
        Tag tag = node.getTag();
        if (Tag.STR.equals(tag)) {
            return node.getValue();
        }
        if (Tag.NULL.equals(tag)) {
            return null;
        }
        if (Tag.BOOL.equals(tag) || Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
            Object value;
            try {
                value = scalars.construct(node);
            } catch (YAMLException | NumberFormatException e) {
                file.report(node, path + " is not a valid " + (Tag.BOOL.equals(tag) ? "boolean" : "number")
                        + ": '" + node.getValue() + "'");
                return null;
            }
            if (value instanceof BigInteger) {
                file.report(node, path + " is " + node.getValue() + ", too large for a 64-bit number; put it in quotes");
                return null;
            }
            if (value instanceof Double d && !Double.isFinite(d)) {
                file.report(node, path + " is " + node.getValue() + ", which JSON cannot hold");
                return null;
            }
            return value;
        }
        if (Tag.TIMESTAMP.equals(tag)) {
            file.report(node, path + " is a date, which JSON cannot hold; put it in quotes");
            return null;
        }
        file.report(node, path + " is tagged " + tag + ", which JSON cannot hold; use strings, numbers, "
                + "true/false, null, lists and mappings");
        return null;
    }

    /** SnakeYAML's own reading of booleans and numbers (hex, octal, '1_000', '.5', ...). */
    private static final class Scalars extends SafeConstructor {
        Scalars() {
            super(new LoaderOptions());
        }

        Object construct(ScalarNode node) {
            return constructObject(node);
        }
    }
}
