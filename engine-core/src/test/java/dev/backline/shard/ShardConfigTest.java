package dev.backline.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ShardConfigTest {

    @Test
    void defaultsRunAtTenHertzWithAGameMinutePerSecond() {
        ShardConfig config = ShardConfig.defaults();
        assertThat(config.tickPeriod()).isEqualTo(Duration.ofMillis(100));
        assertThat(config.clockRatio()).isEqualTo(60.0);
        assertThat(config.hasTaskBudget()).isFalse();
        assertThat(config.withTaskBudgetPercent(70).taskBudget()).isEqualTo(Duration.ofMillis(70));
    }

    @Test
    void rejectsBadValuesNamingThem() {
        ShardConfig d = ShardConfig.defaults();
        assertThatThrownBy(() -> d.withTickRate(0)).hasMessageContaining("tick rate");
        assertThatThrownBy(() -> d.withTickRate(1001)).hasMessageContaining("tick rate");
        assertThatThrownBy(() -> d.withClockRatio(0)).hasMessageContaining("clock ratio");
        assertThatThrownBy(() -> d.withClockRatio(Double.NaN)).hasMessageContaining("clock ratio");
        assertThatThrownBy(() -> d.withClockRatio(2_000_000)).hasMessageContaining("clock ratio");
        assertThatThrownBy(() -> d.withQueueCapacity(0)).hasMessageContaining("queue capacity");
        assertThatThrownBy(() -> new ShardConfig(10, 1, null, 1, 1, 1, 1, 50))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("gameStart");
        assertThatThrownBy(() -> new ShardConfig(10, 1, Instant.EPOCH, 1, 1, 0, 1, 50))
                .hasMessageContaining("tasks per tick");
        assertThatThrownBy(() -> d.withTaskBudgetPercent(0)).hasMessageContaining("task budget");
        assertThatThrownBy(() -> d.withTaskBudgetPercent(101)).hasMessageContaining("task budget");
    }
}
