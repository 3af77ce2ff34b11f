package dev.backline.content;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping with a fixed set of keys (a room, world.yaml, ...). Reading it reports unknown keys,
 * duplicate keys and keys that are not strings; the typed getters report missing, blank and mistyped values.
 */
final class YamlMap {
    private final YamlFile file;
    private final MappingNode node;
    private final String what;
    private final Map<String, NodeTuple> entries;

    private YamlMap(YamlFile file, MappingNode node, String what, Map<String, NodeTuple> entries) {
        this.file = file;
        this.node = node;
        this.what = what;
        this.entries = entries;
    }

    /**
     * Reads {@code node} as a mapping that may hold only the {@code allowed} keys.
     *
     * @param what names the mapping in messages, e.g. "room" or "world.yaml"
     * @return empty if {@code node} is not a mapping (reported)
     */
    static Optional<YamlMap> of(YamlFile file, Node node, String what, List<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            file.report(node, what + " must be a mapping of keys to values, not " + YamlFile.describe(node));
            return Optional.empty();
        }
        Map<String, NodeTuple> known = new LinkedHashMap<>();
        entries(file, mapping, "key").forEach((key, tuple) -> {
            if (allowed.contains(key)) {
                known.put(key, tuple);
            } else {
                file.report(tuple.getKeyNode(), "unknown key '" + key + "' in " + what
                        + "; allowed keys: " + String.join(", ", allowed));
            }
        });
        return Optional.of(new YamlMap(file, mapping, what, known));
    }

    /**
     * The entries of any mapping by string key, in file order. Keys that are not strings and repeated keys
     * are reported and left out.
     *
     * @param keyWord what a key is called in messages: "key", "direction", "property"
     */
    static Map<String, NodeTuple> entries(YamlFile file, MappingNode mapping, String keyWord) {
        Map<String, NodeTuple> result = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalar) || !Tag.STR.equals(scalar.getTag())) {
                String hint = Tag.MERGE.equals(keyNode.getTag()) ? " (merge keys '<<' are not supported)"
                        : YamlFile.quoteHint(keyNode);
                file.report(keyNode, keyWord + " must be a string, not " + YamlFile.describe(keyNode) + hint);
                continue;
            }
            String key = scalar.getValue();
            NodeTuple first = result.get(key);
            if (first != null) {
                file.report(keyNode, "duplicate " + keyWord + " '" + key + "' (first at line "
                        + file.at(first.getKeyNode()).line() + ")");
                continue;
            }
            result.put(key, tuple);
        }
        return result;
    }

    MappingNode node() {
        return node;
    }

    Optional<Node> value(String key) {
        return Optional.ofNullable(entries.get(key)).map(NodeTuple::getValueNode);
    }

    /** The value of a required key; reports it at the mapping's first line when missing. */
    Optional<Node> required(String key) {
        Optional<Node> value = value(key);
        if (value.isEmpty()) {
            file.report(node, what + " is missing '" + key + "'");
        }
        return value;
    }

    /** A required, non-blank string. */
    Optional<String> requiredText(String key) {
        return required(key).flatMap(v -> text(file, v, "'" + key + "'"));
    }

    /** A string value that must not be blank; reports and returns empty otherwise. */
    static Optional<String> text(YamlFile file, Node value, String field) {
        if (value instanceof ScalarNode scalar && Tag.STR.equals(scalar.getTag())) {
            if (scalar.getValue().isBlank()) {
                file.report(value, field + " must not be blank");
                return Optional.empty();
            }
            return Optional.of(scalar.getValue());
        }
        if (YamlFile.isNull(value)) {
            file.report(value, field + " must not be blank");
            return Optional.empty();
        }
        file.report(value, field + " must be a string, not " + YamlFile.describe(value) + YamlFile.quoteHint(value));
        return Optional.empty();
    }
}
