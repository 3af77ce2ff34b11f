package dev.backline.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntitySpecTest {
    private static final EntityId BAR = EntityId.of("city:bar");

    @Test
    void ofHasNoTemplateContainerTagsOrProperties() {
        EntitySpec spec = EntitySpec.of(BAR, "room");
        assertThat(spec.template()).isNull();
        assertThat(spec.container()).isNull();
        assertThat(spec.tags()).isEmpty();
        assertThat(spec.properties()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Room", "1room", "a room", "room!", "k23456789012345678901234567890123"})
    void rejectsBadKinds(String kind) {
        assertThatThrownBy(() -> EntitySpec.of(BAR, kind))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kind '" + kind + "'");
    }

    @Test
    void requiresIdAndKind() {
        assertThatThrownBy(() -> EntitySpec.of(null, "room")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> EntitySpec.of(BAR, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void freezesPropertiesAndDropsNulls() {
        EntitySpec spec = EntitySpec.of(BAR, "room")
                .withProperty("name", "The Bar")
                .withProperty("capacity", 40)
                .withProperty("gone", null);
        assertThat(spec.properties()).containsExactly(Map.entry("name", "The Bar"), Map.entry("capacity", 40L));
    }

    @Test
    void rejectsPropertyValuesThatAreNotJson() {
        assertThatThrownBy(() -> EntitySpec.of(BAR, "room").withProperty("light", Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
    }

    @Test
    void itsPropertiesAndTagsCannotBeChangedAfterwards() {
        Map<String, Object> props = new HashMap<>(Map.of("name", "The Bar"));
        Set<String> tags = new HashSet<>(Set.of("indoors"));
        EntitySpec spec = EntitySpec.of(BAR, "room").withProperties(props).withTags(tags);
        props.put("name", "changed");
        tags.add("changed");

        assertThat(spec.properties()).containsEntry("name", "The Bar");
        assertThat(spec.tags()).containsExactly("indoors");
        assertThatThrownBy(() -> spec.properties().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> spec.tags().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsPropertyNamesTheWorldWouldReject() {
        Map<String, Object> nullKey = new HashMap<>();
        nullKey.put(null, 1);
        assertThatThrownBy(() -> EntitySpec.of(BAR, "room").withProperties(nullKey))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("city:bar");
        assertThatThrownBy(() -> EntitySpec.of(BAR, "room").withProperty("", 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntitySpec.of(BAR, "room").withProperty("k".repeat(65), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsTagsTheWorldWouldReject() {
        assertThatThrownBy(() -> EntitySpec.of(BAR, "room").withTags(Set.of("")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("city:bar");
        assertThatThrownBy(() -> EntitySpec.of(BAR, "room").withTags(Set.of("t".repeat(65))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withCopiesChangeOneThing() {
        EntityId template = EntityId.of("city:room-template");
        EntitySpec base = EntitySpec.of(BAR, "room").withProperty("a", 1);
        EntitySpec changed = base.withTemplate(template).withContainer(EntityId.of("city:zone"))
                .withTags(Set.of("indoors")).withProperties(Map.of("b", List.of("x")));

        assertThat(base.template()).isNull();
        assertThat(changed.template()).isEqualTo(template);
        assertThat(changed.container()).isEqualTo(EntityId.of("city:zone"));
        assertThat(changed.tags()).containsExactly("indoors");
        assertThat(changed.properties()).containsOnlyKeys("a", "b");
        assertThat(changed.id()).isEqualTo(BAR);
        assertThat(changed.kind()).isEqualTo("room");
    }
}
