package dev.backline.content;

import dev.backline.world.EntityId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The items rooms place: checks that each names a declared template, and gives each item its id,
 * {@code <room>/<template name>} and {@code <room>/<template name>.<n>} for the n-th of the same template
 * in that room.
 */
final class Placements {
    private final List<Problem> problems;
    private final Set<String> listedCatalogues;
    private final Set<String> readCatalogues;
    private final Set<EntityId> declaredTemplates;

    /**
     * @param listedCatalogues catalogues named in world.yaml
     * @param readCatalogues   catalogues whose file could be read; references into the others are not
     *                         reported, since that file's own problem is the cause
     */
    Placements(List<Problem> problems, Set<String> listedCatalogues, Set<String> readCatalogues,
               Set<EntityId> declaredTemplates) {
        this.problems = problems;
        this.listedCatalogues = listedCatalogues;
        this.readCatalogues = readCatalogues;
        this.declaredTemplates = declaredTemplates;
    }

    void check(List<ParsedRoom> rooms) {
        for (ParsedRoom room : rooms) {
            for (ParsedRoom.Placed placed : room.items()) {
                EntityId template = placed.template();
                String catalogue = template.namespace();
                if (declaredTemplates.contains(template)) {
                    continue;
                }
                if (!listedCatalogues.contains(catalogue)) {
                    problems.add(Problem.at(placed.where(), "unknown item template '" + template + "' (there is no "
                            + "catalogue '" + catalogue + "' in the 'items' list of world.yaml)"));
                } else if (readCatalogues.contains(catalogue)) {
                    problems.add(Problem.at(placed.where(), "unknown item template '" + template + "' (items/"
                            + catalogue + ".yaml does not declare '" + template.localName() + "')"));
                }
            }
        }
    }

    /** The items of every room, with their ids. */
    static List<ItemPlacement> of(List<ParsedRoom> rooms) {
        List<ItemPlacement> items = new ArrayList<>();
        for (ParsedRoom room : rooms) {
            Map<EntityId, Integer> seen = new HashMap<>();
            for (ParsedRoom.Placed placed : room.items()) {
                for (int i = 0; i < placed.count(); i++) {
                    int n = seen.merge(placed.template(), 1, Integer::sum);
                    String name = room.id().value() + "/" + placed.template().localName() + (n > 1 ? "." + n : "");
                    items.add(new ItemPlacement(EntityId.of(name), placed.template(), room.id(), placed.properties(),
                            placed.where()));
                }
            }
        }
        return items;
    }
}
