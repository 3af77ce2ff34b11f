package dev.backline.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PackStatesTest {
    private final PackStates states = new PackStates();
    private final PackStateKey day = PackStateKey.of("city", "day");

    @Test
    void keepsFrozenValuesPerPackAndTracksChanges() {
        states.put(day, 3);
        states.put(PackStateKey.of("city", "board"), Map.of("top", List.of("alice")));
        states.put(PackStateKey.of("other", "day"), "x");

        assertThat(states.get(day)).contains(3L);
        assertThat(states.all("city")).containsOnlyKeys("day", "board");
        assertThat(states.size()).isEqualTo(3);
        assertThat(states.drainDirty()).hasSize(3);
        assertThat(states.drainDirty()).isEmpty();
    }

    @Test
    void nullRemovesAndCountsAsAChangeOnlyIfThereWasAValue() {
        states.put(day, 1);
        states.drainDirty();
        states.put(day, null);
        assertThat(states.get(day)).isEmpty();
        assertThat(states.drainDirty()).containsExactly(day);
        states.put(day, null);
        assertThat(states.drainDirty()).isEmpty();
    }

    @Test
    void restoredValuesAreNotChanges() {
        states.restore(day, 7);
        assertThat(states.get(day)).contains(7L);
        assertThat(states.drainDirty()).isEmpty();
    }

    @Test
    void refusesValuesJsonCannotHoldAndBadNames() {
        assertThatThrownBy(() -> states.put(day, new Object())).hasMessageContaining("only null, booleans");
        assertThatThrownBy(() -> PackStateKey.of("City", "k")).hasMessageContaining("pack name 'City'");
        assertThatThrownBy(() -> PackStateKey.of("city", "")).hasMessageContaining("1 to 128 characters");
        assertThatThrownBy(() -> PackStateKey.of("city", "a\0b")).hasMessageContaining("NUL");
    }

    @Test
    void replaceMakesAMapThePacksWholeStateAndCountsOnlyRealChanges() {
        states.put(PackStateKey.of("city", "keep"), 1);
        states.put(PackStateKey.of("city", "drop"), 2);
        states.put(PackStateKey.of("city", "change"), 3);
        states.put(PackStateKey.of("other", "x"), 4);
        states.drainDirty();

        states.replace("city", Map.of("keep", 1, "change", 30, "new", List.of("n")));

        assertThat(states.all("city")).containsOnly(Map.entry("keep", 1L), Map.entry("change", 30L),
                Map.entry("new", List.of("n")));
        assertThat(states.all("other")).containsOnlyKeys("x");
        assertThat(states.drainDirty()).containsExactlyInAnyOrder(PackStateKey.of("city", "drop"),
                PackStateKey.of("city", "change"), PackStateKey.of("city", "new"));
    }

    @Test
    void replaceWithABadValueChangesNothing() {
        states.put(day, 1);
        assertThatThrownBy(() -> states.replace("city", Map.of("day", 2, "bad", new Object())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(states.get(day)).contains(1L);
    }
}
