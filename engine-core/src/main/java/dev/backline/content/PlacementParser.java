package dev.backline.content;

import dev.backline.world.EntityId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a room's {@code items} list: each entry a template id ({@code instruments:busted-acoustic}) or a
 * mapping {@code {template: consumables:energy-bar, count: 3, properties: {condition: 40}}}. Whether the
 * templates exist is checked once every file is read ({@link WorldLinks}).
 */
final class PlacementParser {
    static final int MAX_COUNT = 100;
    private static final List<String> KEYS = List.of("template", "count", "properties");

    private final YamlFile file;
    private final JsonValues json;

    PlacementParser(YamlFile file, JsonValues json) {
        this.file = file;
        this.json = json;
    }

    List<ParsedRoom.Placed> parseAll(Node node) {
        List<ParsedRoom.Placed> placed = new ArrayList<>();
        if (!(node instanceof SequenceNode list)) {
            file.report(node, "'items' must be a list of item template ids, like [instruments:busted-acoustic], not "
                    + YamlFile.describe(node));
            return placed;
        }
        for (Node entry : list.getValue()) {
            parse(entry).ifPresent(placed::add);
        }
        return placed;
    }

    private Optional<ParsedRoom.Placed> parse(Node entry) {
        if (entry instanceof ScalarNode) {
            return template(entry).map(t -> new ParsedRoom.Placed(t, 1, Map.of(), file.at(entry)));
        }
        Optional<YamlMap> read = YamlMap.of(file, entry, "an item entry", KEYS);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        YamlMap map = read.get();
        Optional<EntityId> template = map.required("template").flatMap(this::template);
        int count = map.value("count").map(this::count).orElse(1);
        Map<String, Object> properties = map.value("properties")
                .map(p -> json.properties(p, Set.of(), "item")).orElse(Map.of());
        return template.map(t -> new ParsedRoom.Placed(t, count, properties, file.at(entry)));
    }

    private Optional<EntityId> template(Node node) {
        Optional<String> text = YamlMap.text(file, node, "an item template id");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (!text.get().contains(":") || !EntityId.isValid(text.get())) {
            file.report(node, "item template id '" + text.get() + "' must be a full id like 'instruments:busted-acoustic' "
                    + "(catalogue:name)");
            return Optional.empty();
        }
        return Optional.of(EntityId.of(text.get()));
    }

    private int count(Node node) {
        if (node instanceof ScalarNode scalar && Tag.INT.equals(scalar.getTag())) {
            try {
                int n = Integer.parseInt(scalar.getValue());
                if (n >= 1 && n <= MAX_COUNT) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        file.report(node, "'count' must be a whole number from 1 to " + MAX_COUNT + ", not " + YamlFile.describe(node)
                + (node instanceof ScalarNode s ? " '" + s.getValue() + "'" : ""));
        return 1;
    }
}
