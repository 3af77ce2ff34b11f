package dev.backline.timer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PackTimersTest {
    private final PackTimers timers = new PackTimers();

    @Test
    void addingAndRemovingMarksIdsChangedAndCountsPerPack() {
        PackTimer a = timers.add("city", "close", 300, Map.of("shop", "bar"));
        PackTimer b = timers.add("city", "open", 100, null);
        PackTimer c = timers.add("jobs", "pay", 200, List.of(1, 2));

        assertThat(List.of(a.id(), b.id(), c.id())).containsExactly(1L, 2L, 3L);
        assertThat(timers.of("city")).as("soonest first").containsExactly(b, a);
        assertThat(timers.count("city")).isEqualTo(2);
        assertThat(timers.drainDirty()).containsExactly(1L, 2L, 3L);

        assertThat(timers.remove(a.id())).contains(a);
        assertThat(timers.remove(a.id())).isEmpty();
        assertThat(timers.count("city")).isEqualTo(1);
        assertThat(timers.drainDirty()).containsExactly(1L);
        assertThat(timers.drainDirty()).isEmpty();
    }

    @Test
    void dataIsFrozenAndMustBePlain() {
        PackTimer t = timers.add("city", "x", 1, Map.of("n", 3));
        assertThat(t.data()).isEqualTo(Map.of("n", 3L));
        assertThatThrownBy(() -> timers.add("city", "x", 1, Map.of("n", Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("value.n is NaN");
        assertThatThrownBy(() -> timers.add("Bad Pack", "x", 1, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pack name 'Bad Pack'");
    }

    @Test
    void restoredTimersAreNotChangesAndNewIdsFollowThem() {
        timers.restore(new PackTimer(40, "city", "close", 5, null));

        assertThat(timers.drainDirty()).isEmpty();
        assertThat(timers.add("city", "open", 6, null).id()).isEqualTo(41);
        assertThatThrownBy(() -> timers.restore(new PackTimer(40, "city", "again", 5, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already pending");
    }
}
