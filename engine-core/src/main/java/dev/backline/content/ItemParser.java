package dev.backline.content;

import dev.backline.world.EntityId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the item templates of one catalogue file, {@code items/<catalogue>.yaml}: a list of templates with
 * {@code id}, {@code name}, {@code description}, optional {@code tags} and {@code properties}. A template's id
 * is {@code <catalogue>:<id>}.
 */
final class ItemParser {
    private static final List<String> KEYS = List.of("id", "name", "description", "tags", "properties");

    private final YamlFile file;
    private final String catalogue;
    private final JsonValues json;
    private final Set<EntityId> declared;

    /**
     * @param declared collects the id of every template the file declares, even one with other problems,
     *                 so references to it are not reported as unknown as well
     */
    ItemParser(YamlFile file, String catalogue, Set<EntityId> declared) {
        this.file = file;
        this.catalogue = catalogue;
        this.json = new JsonValues(file);
        this.declared = declared;
    }

    /** The templates of the file's root node; templates with a problem are reported and left out. */
    List<ItemTemplateData> parseAll(Node root) {
        List<ItemTemplateData> templates = new ArrayList<>();
        if (!(root instanceof SequenceNode list)) {
            file.report(root, "an item catalogue must be a list of item templates (each starting with '- id: ...'), not "
                    + YamlFile.describe(root));
            return templates;
        }
        if (list.getValue().isEmpty()) {
            file.report(root, "the catalogue lists no item templates");
        }
        for (Node item : list.getValue()) {
            parse(item).ifPresent(templates::add);
        }
        return templates;
    }

    private Optional<ItemTemplateData> parse(Node node) {
        Optional<YamlMap> read = YamlMap.of(file, node, "an item template", KEYS);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        int before = file.reported();
        YamlMap item = read.get();
        Optional<EntityId> id = item.required("id").flatMap(this::id);
        if (id.isPresent() && !declared.add(id.get())) {
            file.report(node, "duplicate item template id '" + id.get() + "'");
            return Optional.empty();
        }
        Optional<String> name = item.requiredText("name");
        Optional<String> description = item.requiredText("description");
        Set<String> tags = item.value("tags").map(t -> RoomParser.tags(file, t)).orElse(Set.of());
        Map<String, Object> properties = item.value("properties")
                .map(p -> json.properties(p, ItemTemplateData.RESERVED_PROPERTIES, "item template")).orElse(Map.of());
        if (file.reported() > before || id.isEmpty() || name.isEmpty() || description.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ItemTemplateData(id.get(), name.get(), description.get(), tags, properties, file.at(node)));
    }

    private Optional<EntityId> id(Node node) {
        Optional<String> text = YamlMap.text(file, node, "'id'");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String raw = text.get();
        String full = raw.contains(":") ? raw : catalogue + ":" + raw;
        if (!EntityId.isValid(full)) {
            file.report(node, "malformed item template id '" + raw + "': use lower-case letters, digits, '-', '_' and '.', "
                    + "like 'battered-telecaster'");
            return Optional.empty();
        }
        EntityId id = EntityId.of(full);
        if (!id.namespace().equals(catalogue)) {
            file.report(node, "item template id '" + raw + "' names catalogue '" + id.namespace() + "' but it is in '"
                    + catalogue + "'; write '" + id.localName() + "'");
            return Optional.empty();
        }
        return Optional.of(id);
    }
}
