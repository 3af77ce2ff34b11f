package dev.backline.tools.bench.npcs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backline.world.EntityId;
import org.junit.jupiter.api.Test;

/** The tick-capacity benchmark measures what it says: the pack's needs model changes the NPCs, as its Java twin does. */
class NpcBenchmarkTest {
    @Test
    void thePackAndItsJavaTwinComputeTheSameNeeds() {
        assertThat(NpcBenchmark.disagreement(300, 60)).isNull();
    }

    @Test
    void everyTickThePackChangesTheNpcsPropertiesAndThePersistenceHandOverTakesThem() {
        try (NpcWorld w = new NpcWorld(NpcWorld.Mode.SCRIPT, 50)) {
            Object energy = w.shard().world().get(EntityId.of("npc:0000003")).property("energy");
            w.handOver();
            w.tick();
            assertThat(w.shard().world().get(EntityId.of("npc:0000003")).property("energy")).isNotEqualTo(energy);
            assertThat(w.handOver()).as("every NPC's needs moved").isEqualTo(50);
        }
    }
}
