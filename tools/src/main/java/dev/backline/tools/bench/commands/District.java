package dev.backline.tools.bench.commands;

import dev.backline.content.RoomData;
import dev.backline.world.EntityId;
import dev.backline.world.EntitySpec;
import dev.backline.world.World;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A grid of plain rooms the benchmark adds to the game's world, so that a crowd can stand as it would in a real
 * game of thousands of rooms instead of filling the reference city's sixteen: what a {@code look} or a
 * {@code say} costs grows with the players in the room. Room 0 leads up to the world's start room.
 */
final class District {
    static final String ZONE = "bench-district";

    private District() {
    }

    static EntityId room(int i) {
        return EntityId.of(ZONE + ":r" + i);
    }

    /** Adds {@code rooms} rooms, in rows of about the square root of their number, each linked to its neighbours. */
    static void build(World world, int rooms, EntityId gate) {
        int side = (int) Math.ceil(Math.sqrt(rooms));
        for (int i = 0; i < rooms; i++) {
            int row = i / side;
            int col = i % side;
            Map<String, Object> exits = new LinkedHashMap<>();
            if (row > 0) {
                exits.put("north", room(i - side).value());
            }
            if (i + side < rooms) {
                exits.put("south", room(i + side).value());
            }
            if (col > 0) {
                exits.put("west", room(i - 1).value());
            }
            if (col + 1 < side && i + 1 < rooms) {
                exits.put("east", room(i + 1).value());
            }
            if (i == 0) {
                exits.put("up", gate.value());
            }
            world.create(EntitySpec.of(room(i), RoomData.KIND)
                    .withProperty("name", "Block " + (row + 1) + "-" + (col + 1))
                    .withProperty("description", "A street of the benchmark's district, like every other.")
                    .withProperty("zone", ZONE)
                    .withProperty("exits", exits));
        }
    }
}
