package dev.backline.content;

import dev.backline.world.EntityId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads and validates a world data directory:
 * <pre>
 * world.yaml                 name, start (full room id), zones (list of zone directory names),
 *                            items? (list of item catalogue names)
 * zones/&lt;zone&gt;/zone.yaml     name, description
 * zones/&lt;zone&gt;/rooms.yaml    a list of rooms: id, name, description, exits, tags?, properties?, items?
 * items/&lt;catalogue&gt;.yaml    a list of item templates: id, name, description, tags?, properties?
 * </pre>
 * Every problem is collected, each with its file and line, rather than stopping at the first.
 *
 * <pre>{@code
 * List<Problem> problems = WorldDataLoader.validate(Path.of("world-data"));
 * WorldData data = WorldDataLoader.load(Path.of("world-data"));   // throws WorldDataException
 * }</pre>
 */
public final class WorldDataLoader {
    private static final List<String> WORLD_KEYS = List.of("name", "start", "zones", "items");
    private static final List<String> ZONE_KEYS = List.of("name", "description");
    private static final Pattern ZONE_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private final Path dir;
    private final List<Problem> problems = new ArrayList<>();
    private final List<ZoneData> zones = new ArrayList<>();
    private final List<ParsedRoom> rooms = new ArrayList<>();
    private final Set<String> listedZones = new LinkedHashSet<>();
    private final Set<String> readZones = new LinkedHashSet<>();
    private final List<ItemTemplateData> templates = new ArrayList<>();
    private final Set<EntityId> declaredTemplates = new LinkedHashSet<>();
    private final Set<String> listedCatalogues = new LinkedHashSet<>();
    private final Set<String> readCatalogues = new LinkedHashSet<>();
    private String name;
    private EntityId start;
    private SourceLocation startWhere;

    private WorldDataLoader(Path dir) {
        this.dir = dir;
    }

    /**
     * Loads the world in {@code dir}.
     *
     * @throws WorldDataException listing every problem, if there is any
     */
    public static WorldData load(Path dir) {
        WorldDataLoader loader = new WorldDataLoader(dir);
        loader.read();
        Optional<WorldData> data = loader.build();
        if (data.isEmpty()) {
            throw new WorldDataException("world data in " + dir, loader.sortedProblems());
        }
        return data.get();
    }

    /** Every problem with the world in {@code dir}, in file and line order; empty if it is valid. */
    public static List<Problem> validate(Path dir) {
        WorldDataLoader loader = new WorldDataLoader(dir);
        loader.read();
        loader.build();
        return loader.sortedProblems();
    }

    private List<Problem> sortedProblems() {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparing((Problem p) -> p.where().file().toString())
                .thenComparingInt(p -> p.where().line()));
        return List.copyOf(sorted);
    }

    private void read() {
        Path worldFile = dir.resolve("world.yaml");
        if (!Files.isRegularFile(worldFile)) {
            String why = Files.isDirectory(dir) ? "missing file: a world data directory needs a world.yaml"
                    : "missing file: there is no directory " + dir;
            problems.add(Problem.at(SourceLocation.of(worldFile, 1), why));
            return;
        }
        YamlFile file = new YamlFile(worldFile, problems);
        file.parse().flatMap(root -> YamlMap.of(file, root, "world.yaml", WORLD_KEYS)).ifPresent(world -> {
            name = world.requiredText("name").orElse(null);
            world.required("start").ifPresent(node -> readStart(file, node));
            world.required("zones").ifPresent(node -> readZoneList(file, node));
            world.value("items").ifPresent(node -> readCatalogueList(file, node));
        });
        WorldLinks links = new WorldLinks(dir, problems, listedZones, readZones);
        Map<EntityId, ParsedRoom> byId = links.index(rooms);
        links.checkExits(byId);
        if (start != null) {
            links.requireRoom(byId, start, startWhere, "'start' is");
        }
        new Placements(problems, listedCatalogues, readCatalogues, declaredTemplates).check(rooms);
    }

    private void readCatalogueList(YamlFile file, Node node) {
        if (!(node instanceof SequenceNode list)) {
            file.report(node, "'items' must be a list of item catalogue names, like [instruments, gear], not "
                    + YamlFile.describe(node));
            return;
        }
        Map<String, Node> seen = new HashMap<>();
        for (Node entry : list.getValue()) {
            Optional<String> name = YamlMap.text(file, entry, "a catalogue name");
            if (name.isEmpty()) {
                continue;
            }
            String catalogue = name.get();
            if (!ZONE_NAME.matcher(catalogue).matches()) {
                file.report(entry, "malformed catalogue name '" + catalogue + "': use lower-case letters, digits, '-' and '_'");
            } else if (seen.containsKey(catalogue)) {
                file.report(entry, "catalogue '" + catalogue + "' is listed twice (first at line " + file.at(seen.get(catalogue)).line() + ")");
            } else if (listedZones.contains(catalogue)) {
                file.report(entry, "catalogue '" + catalogue + "' has the name of a zone; their ids would clash: rename one");
            } else {
                seen.put(catalogue, entry);
                listedCatalogues.add(catalogue);
                readCatalogue(file, entry, catalogue);
            }
        }
    }

    private void readCatalogue(YamlFile worldFile, Node entry, String catalogue) {
        Path path = dir.resolve("items").resolve(catalogue + ".yaml");
        if (!Files.isRegularFile(path)) {
            worldFile.report(entry, "unknown item catalogue '" + catalogue + "': there is no file items/" + catalogue + ".yaml");
            return;
        }
        YamlFile file = new YamlFile(path, problems);
        file.parse().ifPresent(root -> {
            if (root instanceof SequenceNode) {
                readCatalogues.add(catalogue);
            }
            templates.addAll(new ItemParser(file, catalogue, declaredTemplates).parseAll(root));
        });
    }

    private void readStart(YamlFile file, Node node) {
        YamlMap.text(file, node, "'start'").ifPresent(text -> {
            if (!text.contains(":") || !EntityId.isValid(text)) {
                file.report(node, "'start' must be a full room id like 'downtown:main-street', not '" + text + "'");
                return;
            }
            start = EntityId.of(text);
            startWhere = file.at(node);
        });
    }

    private void readZoneList(YamlFile file, Node node) {
        if (!(node instanceof SequenceNode list) || list.getValue().isEmpty()) {
            file.report(node, "'zones' must be a list of zone directory names, like [downtown, harbour], not "
                    + (node instanceof SequenceNode ? "an empty list" : YamlFile.describe(node)));
            return;
        }
        Map<String, Node> seen = new HashMap<>();
        for (Node entry : list.getValue()) {
            Optional<String> zone = YamlMap.text(file, entry, "a zone name");
            if (zone.isEmpty()) {
                continue;
            }
            String id = zone.get();
            if (!ZONE_NAME.matcher(id).matches()) {
                file.report(entry, "malformed zone name '" + id + "': use lower-case letters, digits, '-' and '_'");
            } else if (seen.containsKey(id)) {
                file.report(entry, "zone '" + id + "' is listed twice (first at line " + file.at(seen.get(id)).line() + ")");
            } else {
                seen.put(id, entry);
                listedZones.add(id);
                readZone(file, entry, id);
            }
        }
    }

    private void readZone(YamlFile worldFile, Node entry, String zone) {
        Path zoneDir = dir.resolve("zones").resolve(zone);
        if (!Files.isDirectory(zoneDir)) {
            worldFile.report(entry, "unknown zone '" + zone + "': there is no directory zones/" + zone);
            return;
        }
        Path zoneFile = zoneDir.resolve("zone.yaml");
        Path roomsFile = zoneDir.resolve("rooms.yaml");
        for (Path required : List.of(zoneFile, roomsFile)) {
            if (!Files.isRegularFile(required)) {
                worldFile.report(entry, "zone '" + zone + "' is missing the file zones/" + zone + "/" + required.getFileName());
            }
        }
        if (Files.isRegularFile(zoneFile)) {
            YamlFile file = new YamlFile(zoneFile, problems);
            file.parse().flatMap(root -> YamlMap.of(file, root, "zone.yaml", ZONE_KEYS)).ifPresent(map -> {
                Optional<String> zoneName = map.requiredText("name");
                Optional<String> description = map.requiredText("description");
                if (zoneName.isPresent() && description.isPresent()) {
                    zones.add(new ZoneData(zone, zoneName.get(), description.get()));
                }
            });
        }
        if (Files.isRegularFile(roomsFile)) {
            YamlFile file = new YamlFile(roomsFile, problems);
            file.parse().ifPresent(root -> {
                if (root instanceof SequenceNode) {
                    readZones.add(zone);
                }
                rooms.addAll(new RoomParser(file, zone).parseAll(root));
            });
        }
    }

    /** The world, if nothing is wrong with it. */
    private Optional<WorldData> build() {
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        List<RoomData> built = new ArrayList<>();
        for (ParsedRoom room : rooms) {
            try {
                built.add(room.toRoomData());
            } catch (IllegalArgumentException | NullPointerException e) {
                // Only reachable if a check above is missing; still a message with a place, not a crash.
                problems.add(Problem.at(room.where(), "invalid room: " + e.getMessage()));
            }
        }
        List<ItemPlacement> items = List.of();
        try {
            items = Placements.of(rooms);
        } catch (IllegalArgumentException e) {
            problems.add(Problem.at(SourceLocation.of(dir.resolve("world.yaml"), 1), "invalid item placement: " + e.getMessage()));
        }
        return problems.isEmpty() ? Optional.of(new WorldData(name, start, zones, built, templates, items)) : Optional.empty();
    }
}
