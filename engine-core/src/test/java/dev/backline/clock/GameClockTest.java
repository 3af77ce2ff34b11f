package dev.backline.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GameClockTest {
    private static final Instant START = Instant.parse("2026-01-01T08:00:00Z");

    @Test
    void startsAtTheGivenInstant() {
        GameClock clock = GameClock.startingAt(START, 60);
        assertThat(clock.now()).isEqualTo(START);
        assertThat(clock.nowMillis()).isEqualTo(START.toEpochMilli());
        assertThat(clock.ratio()).isEqualTo(60.0);
    }

    @Test
    void tenTicksAtTenHertzWithRatioSixtyAreOneGameMinute() {
        GameClock clock = GameClock.startingAt(START, 60);
        for (int i = 0; i < 10; i++) {
            clock.advanceReal(Duration.ofMillis(100));
        }
        assertThat(clock.now()).isEqualTo(START.plusSeconds(60));
    }

    @Test
    void accumulatesFractionsOfAMillisecondAcrossTicks() {
        GameClock clock = GameClock.startingAt(START, 0.25);
        clock.advanceReal(Duration.ofMillis(1));
        clock.advanceReal(Duration.ofMillis(1));
        clock.advanceReal(Duration.ofMillis(1));
        assertThat(clock.nowMillis() - START.toEpochMilli()).as("0.75 ms so far").isZero();
        clock.advanceReal(Duration.ofMillis(1));
        assertThat(clock.nowMillis() - START.toEpochMilli()).isEqualTo(1);
    }

    @ParameterizedTest(name = "ratio {0}, {1} ns per tick, {2} ticks -> {3} ms")
    @CsvSource({
            "60,      100000000, 36000, 216000000",
            "0.1,       1000000, 10000,      1000",
            "0.3,       1000000,    10,         3",
            "0.3,       1000000, 100000,    30000",
            "1.7,      16666667,    60,      1700",
            "1,          333333,  3000,       999",
            "1,              10, 100000,        1",
    })
    void gameTimeIsExactOverManyTicks(double ratio, long nanosPerTick, int ticks, long expectedMillis) {
        GameClock clock = GameClock.startingAt(START, ratio);
        for (int i = 0; i < ticks; i++) {
            clock.advanceReal(Duration.ofNanos(nanosPerTick));
        }
        assertThat(clock.nowMillis() - START.toEpochMilli()).isEqualTo(expectedMillis);
    }

    @Test
    void advanceGameSkipsAheadWithoutTheRatio() {
        GameClock clock = GameClock.startingAt(START, 60);
        clock.advanceGame(Duration.ofDays(3));
        assertThat(clock.now()).isEqualTo(START.plus(Duration.ofDays(3)));
        clock.advanceReal(Duration.ofSeconds(1));
        assertThat(clock.now()).isEqualTo(START.plus(Duration.ofDays(3)).plusSeconds(60));
        clock.advanceGame(Duration.ZERO);
        assertThat(clock.now()).isEqualTo(START.plus(Duration.ofDays(3)).plusSeconds(60));
    }

    @Test
    void advanceGameKeepsTheFractionOfRealTime() {
        GameClock clock = GameClock.startingAt(START, 0.5);
        clock.advanceReal(Duration.ofMillis(1));
        clock.advanceGame(Duration.ofMillis(10));
        clock.advanceReal(Duration.ofMillis(1));
        assertThat(clock.nowMillis() - START.toEpochMilli()).isEqualTo(11);
    }

    @Test
    void gameTimeCannotGoBackwards() {
        GameClock clock = GameClock.startingAt(START, 1);
        assertThatThrownBy(() -> clock.advanceGame(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backwards");
        assertThatThrownBy(() -> clock.advanceReal(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backwards");
        assertThat(clock.now()).isEqualTo(START);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY, 1_000_001})
    void rejectsRatiosOutOfRange(double ratio) {
        assertThatThrownBy(() -> GameClock.startingAt(START, ratio))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ratio");
    }
}
