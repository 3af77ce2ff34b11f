package dev.backline.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorldTest {
    private static final EntityId BAR = EntityId.of("city:bar");
    private static final EntityId STREET = EntityId.of("city:street");
    private static final EntityId ALICE = EntityId.of("player:alice");
    private static final EntityId BAG = EntityId.of("item:bag");
    private static final EntityId PICK = EntityId.of("item:pick");

    private final World world = new World();
    private final List<String> moves = new ArrayList<>();

    @BeforeEach
    void setUp() {
        world.create(EntitySpec.of(BAR, "room"));
        world.create(EntitySpec.of(STREET, "room"));
        world.create(EntitySpec.of(ALICE, "player").withContainer(BAR));
        world.create(EntitySpec.of(BAG, "item").withContainer(ALICE));
        world.create(EntitySpec.of(PICK, "item").withContainer(BAG));
        world.drainDirty();
        world.addListener((entity, from, to) -> moves.add(entity.id() + ":" + from + "->" + to));
    }

    @Test
    void createsEntitiesWithTheirSpec() {
        Entity lamp = world.create(EntitySpec.of(EntityId.of("item:lamp"), "item")
                .withTemplate(EntityId.of("tpl:lamp")).withContainer(BAR)
                .withTags(Set.of("light")).withProperty("lit", true));

        assertThat(lamp.kind()).isEqualTo("item");
        assertThat(lamp.template()).contains(EntityId.of("tpl:lamp"));
        assertThat(lamp.container()).contains(BAR);
        assertThat(lamp.hasTag("light")).isTrue();
        assertThat(lamp.property("lit")).isEqualTo(true);
        assertThat(world.get(BAR).contents()).containsExactly(ALICE, lamp.id());
        assertThat(world.size()).isEqualTo(6);
    }

    @Test
    void anEntitysRevisionCountsChangesOfItsOwnStateOnly() {
        Entity alice = world.get(ALICE);
        Entity bar = world.get(BAR);
        long start = alice.revision();
        long barStart = bar.revision();

        world.setProperty(ALICE, "mood", "calm");
        long afterProperty = alice.revision();
        world.tag(ALICE, "tired", true);
        long afterTag = alice.revision();
        world.tag(ALICE, "tired", true);
        long afterSameTag = alice.revision();
        world.move(ALICE, STREET);
        long afterMove = alice.revision();
        world.move(BAG, STREET);

        assertThat(List.of(start, afterProperty, afterTag, afterMove)).isSorted().doesNotHaveDuplicates();
        assertThat(afterSameTag).as("a tag it already has").isEqualTo(afterTag);
        assertThat(alice.revision()).as("what it held leaving it").isEqualTo(afterMove);
        assertThat(bar.revision()).as("someone leaving a room").isEqualTo(barStart);
    }

    @Test
    void rejectsDuplicateIdsAndMissingContainers() {
        assertThatThrownBy(() -> world.create(EntitySpec.of(BAR, "room")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'city:bar' already exists");
        assertThatThrownBy(() -> world.create(EntitySpec.of(EntityId.of("item:x"), "item")
                .withContainer(EntityId.of("city:nowhere"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'city:nowhere'");
        assertThat(world.exists(EntityId.of("item:x"))).as("a failed create leaves nothing behind").isFalse();
    }

    @Test
    void findsAndGets() {
        assertThat(world.find(ALICE)).map(Entity::kind).contains("player");
        assertThat(world.find(EntityId.of("player:bob"))).isEmpty();
        assertThat(world.get(BAG).container()).contains(ALICE);
        assertThatThrownBy(() -> world.get(EntityId.of("player:bob")))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining("player:bob");
    }

    @Test
    void listsContentsOptionallyByKind() {
        world.create(EntitySpec.of(EntityId.of("npc:barkeep"), "npc").withContainer(BAR));
        assertThat(world.contents(BAR, null)).extracting(Entity::id).containsExactly(ALICE, EntityId.of("npc:barkeep"));
        assertThat(world.contents(BAR, "npc")).extracting(Entity::id).containsExactly(EntityId.of("npc:barkeep"));
        assertThat(world.contents(STREET, null)).isEmpty();
    }

    @Test
    void moveUpdatesBothContainersAndTellsListeners() {
        world.move(ALICE, STREET);

        assertThat(world.get(ALICE).container()).contains(STREET);
        assertThat(world.get(BAR).contents()).doesNotContain(ALICE);
        assertThat(world.get(STREET).contents()).containsExactly(ALICE);
        assertThat(world.get(ALICE).contents()).as("what she carries moves with her").containsExactly(BAG);
        assertThat(moves).containsExactly("player:alice:city:bar->city:street");
        assertThat(world.drainDirty()).containsExactly(ALICE);
    }

    @Test
    void moveOutOfEveryContainerAndBack() {
        world.move(ALICE, null);
        assertThat(world.get(ALICE).container()).isEmpty();
        assertThat(world.get(BAR).contents()).isEmpty();

        world.move(ALICE, BAR);
        assertThat(world.get(BAR).contents()).containsExactly(ALICE);
        assertThat(moves).containsExactly("player:alice:city:bar->null", "player:alice:null->city:bar");
    }

    @Test
    void moveToWhereItAlreadyIsDoesNothing() {
        world.move(ALICE, BAR);
        assertThat(moves).isEmpty();
        assertThat(world.drainDirty()).isEmpty();
    }

    @Test
    void cannotMoveIntoItselfOrItsOwnContents() {
        assertThatThrownBy(() -> world.move(BAG, BAG))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inside itself");
        assertThatThrownBy(() -> world.move(ALICE, PICK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inside itself");

        assertThat(world.get(ALICE).container()).contains(BAR);
        assertThat(world.get(PICK).contents()).isEmpty();
        assertThat(moves).isEmpty();
    }

    @Test
    void moveToAMissingTargetChangesNothing() {
        assertThatThrownBy(() -> world.move(ALICE, EntityId.of("city:nowhere")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("city:nowhere");
        assertThatThrownBy(() -> world.move(EntityId.of("player:bob"), BAR))
                .isInstanceOf(NoSuchElementException.class);
        assertThat(world.get(ALICE).container()).contains(BAR);
    }

    @Test
    void removalDropsContentsIntoTheOuterContainer() {
        world.remove(BAG);

        assertThat(world.exists(BAG)).isFalse();
        assertThat(world.get(PICK).container()).contains(ALICE);
        assertThat(world.get(ALICE).contents()).containsExactly(PICK);
        assertThat(moves).containsExactly("item:pick:item:bag->player:alice");
        assertThat(world.drainDirty()).containsExactlyInAnyOrder(BAG, PICK);
    }

    @Test
    void removingSomethingOutsideEveryContainerLeavesItsContentsLoose() {
        world.remove(BAR);
        assertThat(world.exists(BAR)).isFalse();
        assertThat(world.get(ALICE).container()).isEmpty();
        assertThat(world.all()).extracting(Entity::id).containsExactlyInAnyOrder(STREET, ALICE, BAG, PICK);
    }

    @Test
    void setsAndRemovesPropertiesAsFrozenValues() {
        world.setProperty(ALICE, "skills", Map.of("guitar", 3));
        assertThat(world.get(ALICE).property("skills")).isEqualTo(Map.of("guitar", 3L));
        assertThatThrownBy(() -> world.get(ALICE).properties().put("x", 1))
                .isInstanceOf(UnsupportedOperationException.class);

        world.setProperty(ALICE, "skills", null);
        assertThat(world.get(ALICE).properties()).doesNotContainKey("skills");

        assertThatThrownBy(() -> world.setProperty(ALICE, "", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> world.setProperty(ALICE, "x", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tagsAreMarkedDirtyOnlyWhenTheyChange() {
        world.tag(ALICE, "tired", true);
        assertThat(world.drainDirty()).containsExactly(ALICE);
        world.tag(ALICE, "tired", true);
        assertThat(world.drainDirty()).isEmpty();
        assertThat(world.get(ALICE).tags()).containsExactly("tired");
        world.tag(ALICE, "tired", false);
        assertThat(world.drainDirty()).containsExactly(ALICE);
        assertThat(world.get(ALICE).hasTag("tired")).isFalse();
    }

    @Test
    void dirtyTracksCreatesChangesAndRemovalsUntilDrained() {
        EntityId lamp = EntityId.of("item:lamp");
        world.create(EntitySpec.of(lamp, "item"));
        world.setProperty(BAR, "light", 1);
        world.remove(lamp);

        Set<EntityId> dirty = world.drainDirty();
        assertThat(dirty).containsExactlyInAnyOrder(lamp, BAR);
        assertThat(world.exists(lamp)).isFalse();
        assertThat(world.drainDirty()).isEmpty();
        assertThatThrownBy(() -> dirty.add(ALICE)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void newInstanceIdsAreFreshAndSkipTakenOnes() {
        world.create(EntitySpec.of(EntityId.of("item:1"), "item"));
        EntityId first = world.newInstanceId("item");
        EntityId second = world.newInstanceId("item");
        assertThat(first).isEqualTo(EntityId.of("item:2"));
        assertThat(second).isNotEqualTo(first);
        assertThat(world.exists(first)).isFalse();
    }

    @Test
    void snapshotIsAnImmutableCopy() {
        world.setProperty(ALICE, "name", "Alice");
        world.tag(ALICE, "musician", true);
        EntitySnapshot snap = world.get(ALICE).snapshot();
        world.setProperty(ALICE, "name", "Changed");

        assertThat(snap.id()).isEqualTo(ALICE);
        assertThat(snap.container()).isEqualTo(BAR);
        assertThat(snap.properties()).containsEntry("name", "Alice");
        assertThat(snap.tags()).containsExactly("musician");
        assertThatThrownBy(() -> snap.properties().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void entityViewsAreReadOnly() {
        Entity alice = world.get(ALICE);
        assertThatThrownBy(() -> alice.contents().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> alice.tags().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> world.all().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
