package dev.backline.content;

import dev.backline.world.EntityId;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks that need every room at once: duplicate ids, exits to rooms that do not exist, and exits
 * without a way back.
 */
final class WorldLinks {
    private final Path dir;
    private final List<Problem> problems;
    private final Set<String> listedZones;
    private final Set<String> readZones;

    /**
     * @param dir         the world directory, against which other files are named in messages
     * @param listedZones zones named in world.yaml
     * @param readZones   zones whose rooms.yaml could be read; references into the others are not reported,
     *                    since that file's own problem is the cause
     */
    WorldLinks(Path dir, List<Problem> problems, Set<String> listedZones, Set<String> readZones) {
        this.dir = dir;
        this.problems = problems;
        this.listedZones = listedZones;
        this.readZones = readZones;
    }

    /** Rooms by id; a repeated id is reported and the first room kept. */
    Map<EntityId, ParsedRoom> index(List<ParsedRoom> rooms) {
        Map<EntityId, ParsedRoom> byId = new LinkedHashMap<>();
        for (ParsedRoom room : rooms) {
            ParsedRoom first = byId.putIfAbsent(room.id(), room);
            if (first != null) {
                problems.add(Problem.at(room.where(), "duplicate room id '" + room.id() + "' (first defined at "
                        + place(first.where(), room.where()) + ")"));
            }
        }
        return byId;
    }

    /** Whether {@code id} names a room, reporting at {@code where} if it does not (and could have). */
    boolean requireRoom(Map<EntityId, ParsedRoom> rooms, EntityId id, SourceLocation where, String what) {
        if (rooms.containsKey(id)) {
            return true;
        }
        String zone = id.namespace();
        if (!listedZones.contains(zone)) {
            problems.add(Problem.at(where, what + " unknown room '" + id + "' (there is no zone '" + zone
                    + "' in world.yaml)"));
        } else if (readZones.contains(zone)) {
            problems.add(Problem.at(where, what + " unknown room '" + id + "'"));
        }
        return false;
    }

    void checkExits(Map<EntityId, ParsedRoom> rooms) {
        for (ParsedRoom room : rooms.values()) {
            for (ParsedRoom.Exit exit : room.exits()) {
                String what = "exit '" + exit.direction().word() + "' leads to";
                if (requireRoom(rooms, exit.target(), exit.where(), what) && !exit.oneWay()) {
                    checkReturn(room, exit, rooms.get(exit.target()));
                }
            }
        }
    }

    private void checkReturn(ParsedRoom from, ParsedRoom.Exit exit, ParsedRoom to) {
        Direction back = exit.direction().opposite();
        ParsedRoom.Exit returning = to.exits().stream().filter(e -> e.direction() == back).findFirst().orElse(null);
        if (returning != null && returning.target().equals(from.id())) {
            return;
        }
        String start = "exit '" + exit.direction().word() + "' to '" + to.id() + "' has no way back: ";
        String fix = " (or mark this exit {to: " + reference(exit.target(), from.zone()) + ", oneWay: true})";
        if (returning == null) {
            problems.add(Problem.at(exit.where(), start + "'" + to.id() + "' has no '" + back.word() + "' exit; add '"
                    + back.word() + ": " + reference(from.id(), to.zone()) + "' at " + place(to.where(), exit.where()) + fix));
        } else {
            problems.add(Problem.at(exit.where(), start + "its '" + back.word() + "' exit leads to '"
                    + returning.target() + "' (" + place(returning.where(), exit.where()) + ")" + fix));
        }
    }

    /**
     * Names {@code other} for a message reported at {@code here}: "line 5" within the same file, else the
     * file relative to the world directory, so the text reads the same wherever the tool runs.
     */
    private String place(SourceLocation other, SourceLocation here) {
        if (other.file().equals(here.file())) {
            return "line " + other.line();
        }
        return other.relativeTo(dir).toString();
    }

    /** How a room is referred to from a zone: by local name within its own zone, by full id elsewhere. */
    private static String reference(EntityId room, String fromZone) {
        return room.namespace().equals(fromZone) ? room.localName() : room.value();
    }
}
