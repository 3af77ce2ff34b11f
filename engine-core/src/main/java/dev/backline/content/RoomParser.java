package dev.backline.content;

import dev.backline.world.EntityId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Reads the rooms of one zone's {@code rooms.yaml}, reporting every problem it can see within the file. */
final class RoomParser {
    private static final List<String> ROOM_KEYS = List.of("id", "name", "description", "exits", "tags", "properties", "items");
    private static final List<String> EXIT_KEYS = List.of("to", "oneWay");
    private static final Pattern TAG = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

    private final YamlFile file;
    private final String zone;
    private final JsonValues json;

    RoomParser(YamlFile file, String zone) {
        this.file = file;
        this.zone = zone;
        this.json = new JsonValues(file);
    }

    /** The rooms of the file's root node; rooms without a usable id are reported and left out. */
    List<ParsedRoom> parseAll(Node root) {
        List<ParsedRoom> rooms = new ArrayList<>();
        if (!(root instanceof SequenceNode list)) {
            file.report(root, "rooms.yaml must be a list of rooms (each starting with '- id: ...'), not "
                    + YamlFile.describe(root));
            return rooms;
        }
        if (list.getValue().isEmpty()) {
            file.report(root, "rooms.yaml lists no rooms");
        }
        for (Node item : list.getValue()) {
            parse(item).ifPresent(rooms::add);
        }
        return rooms;
    }

    /**
     * Resolves a room reference: a local name becomes {@code <zone>:<name>}; a full {@code zone:name} id is
     * taken as it is. Empty if malformed.
     */
    static Optional<EntityId> resolve(String ref, String zone) {
        String full = ref.contains(":") ? ref : zone + ":" + ref;
        return EntityId.isValid(full) ? Optional.of(EntityId.of(full)) : Optional.empty();
    }

    private Optional<ParsedRoom> parse(Node node) {
        Optional<YamlMap> read = YamlMap.of(file, node, "a room", ROOM_KEYS);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        YamlMap room = read.get();
        Optional<EntityId> id = room.required("id").flatMap(this::roomId);
        String name = room.requiredText("name").orElse(null);
        String description = room.requiredText("description").orElse(null);
        List<ParsedRoom.Exit> exits = room.value("exits").map(this::exits).orElseGet(() -> {
            file.report(node, "a room is missing 'exits' (write 'exits: {}' for a room with no way out)");
            return List.of();
        });
        Set<String> tags = room.value("tags").map(t -> tags(file, t)).orElse(Set.of());
        Map<String, Object> properties = room.value("properties").map(json::properties).orElse(Map.of());
        List<ParsedRoom.Placed> items = room.value("items").map(i -> new PlacementParser(file, json).parseAll(i)).orElse(List.of());
        return id.map(i -> new ParsedRoom(i, zone, name, description, exits, tags, properties, items, file.at(node)));
    }

    private Optional<EntityId> roomId(Node node) {
        Optional<String> text = YamlMap.text(file, node, "'id'");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String raw = text.get();
        Optional<EntityId> id = resolve(raw, zone);
        if (id.isEmpty()) {
            file.report(node, "malformed room id '" + raw + "': use lower-case letters, digits, '-', '_' and '.', "
                    + "like 'main-street' (or '" + zone + ":main-street')");
        } else if (!id.get().namespace().equals(zone)) {
            file.report(node, "room id '" + raw + "' names zone '" + id.get().namespace() + "' but the room is in zone '"
                    + zone + "'; write '" + id.get().localName() + "'");
            // Carry on under the id the author most likely meant, so references to it do not pile up.
            return Optional.of(EntityId.of(zone + ":" + id.get().localName()));
        }
        return id;
    }

    private List<ParsedRoom.Exit> exits(Node node) {
        List<ParsedRoom.Exit> exits = new ArrayList<>();
        if (!(node instanceof MappingNode mapping)) {
            if (!YamlFile.isNull(node)) {
                file.report(node, "'exits' must be a mapping of direction to room id, not " + YamlFile.describe(node));
            }
            return exits;
        }
        YamlMap.entries(file, mapping, "direction").forEach((word, tuple) -> {
            Optional<Direction> direction = Direction.of(word);
            if (direction.isEmpty()) {
                file.report(tuple.getKeyNode(), unknownDirection(word));
                return;
            }
            exit(direction.get(), tuple.getValueNode()).ifPresent(exits::add);
        });
        return exits;
    }

    private static String unknownDirection(String word) {
        String lower = word.toLowerCase(Locale.ROOT).strip();
        if (Direction.of(lower).isPresent()) {
            return "unknown direction '" + word + "'; directions are lower case: '" + lower + "'";
        }
        return "unknown direction '" + word + "'; allowed: " + String.join(", ", Direction.words());
    }

    private Optional<ParsedRoom.Exit> exit(Direction direction, Node value) {
        String field = "exit '" + direction.word() + "'";
        Node target = value;
        boolean oneWay = false;
        if (value instanceof MappingNode) {
            Optional<YamlMap> read = YamlMap.of(file, value, field, EXIT_KEYS);
            Optional<Node> to = read.flatMap(m -> m.required("to"));
            if (to.isEmpty()) {
                return Optional.empty();
            }
            target = to.get();
            oneWay = read.get().value("oneWay").map(this::flag).orElse(false);
        } else if (!(value instanceof ScalarNode) || YamlFile.isNull(value)) {
            file.report(value, field + " must be a room id or a mapping like {to: room-id, oneWay: true}, not "
                    + YamlFile.describe(value));
            return Optional.empty();
        }
        Optional<String> ref = YamlMap.text(file, target, field);
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        Optional<EntityId> to = resolve(ref.get(), zone);
        if (to.isEmpty()) {
            file.report(target, field + " leads to malformed room id '" + ref.get()
                    + "': use a room of this zone like 'main-street' or a full id like 'downtown:main-street'");
            return Optional.empty();
        }
        return Optional.of(new ParsedRoom.Exit(direction, to.get(), oneWay, file.at(target)));
    }

    private boolean flag(Node node) {
        if (node instanceof ScalarNode scalar && Tag.BOOL.equals(scalar.getTag())) {
            return Boolean.parseBoolean(scalar.getValue().toLowerCase(Locale.ROOT))
                    || List.of("yes", "on").contains(scalar.getValue().toLowerCase(Locale.ROOT));
        }
        file.report(node, "'oneWay' must be true or false, not " + YamlFile.describe(node));
        return false;
    }

    /** A {@code tags} list of lower-case words; shared by every kind of declaration that has tags. */
    static Set<String> tags(YamlFile file, Node node) {
        Set<String> tags = new LinkedHashSet<>();
        if (!(node instanceof SequenceNode list)) {
            file.report(node, "'tags' must be a list of lower-case words, not " + YamlFile.describe(node));
            return tags;
        }
        for (Node item : list.getValue()) {
            if (!(item instanceof ScalarNode scalar) || !Tag.STR.equals(scalar.getTag())
                    || !TAG.matcher(scalar.getValue()).matches()) {
                String shown = item instanceof ScalarNode s ? "'" + s.getValue() + "'" : YamlFile.describe(item);
                file.report(item, "tag " + shown + " must be a lower-case word (letters, digits, '-', '_'; "
                        + "at most 64 characters)");
            } else if (!tags.add(scalar.getValue())) {
                file.report(item, "duplicate tag '" + scalar.getValue() + "'");
            }
        }
        return tags;
    }
}
