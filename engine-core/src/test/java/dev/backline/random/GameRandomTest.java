package dev.backline.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class GameRandomTest {

    @Test
    void theSameSeedDrawsTheSameSequence() {
        GameRandom a = GameRandom.seeded(42);
        GameRandom b = GameRandom.seeded(42);
        long[] first = LongStream.generate(a::nextLong).limit(100).toArray();
        long[] second = LongStream.generate(b::nextLong).limit(100).toArray();
        assertThat(first).isEqualTo(second);
        assertThat(LongStream.of(first).distinct().count()).isEqualTo(100);
    }

    @Test
    void differentSeedsDrawDifferentSequences() {
        assertThat(GameRandom.seeded(1).nextLong()).isNotEqualTo(GameRandom.seeded(2).nextLong());
    }

    @Test
    void matchesTheSplitMix64ReferenceValues() {
        // First outputs of SplitMix64 seeded with 0, as published with the algorithm.
        GameRandom rng = GameRandom.seeded(0);
        assertThat(rng.nextLong()).isEqualTo(0xe220a8397b1dcdafL);
        assertThat(rng.nextLong()).isEqualTo(0x6e789e6aa1b965f4L);
        assertThat(rng.nextLong()).isEqualTo(0x06c45d188009454fL);
    }

    @Test
    void theStateRestoresTheSequence() {
        GameRandom rng = GameRandom.seeded(7);
        rng.nextLong();
        GameRandom restored = GameRandom.seeded(rng.state());
        assertThat(restored.nextLong()).isEqualTo(rng.nextLong());
    }

    @Test
    void nextIntStaysWithinItsBoundAndCoversIt() {
        GameRandom rng = GameRandom.seeded(3);
        int[] draws = IntStream.generate(() -> rng.nextInt(6)).limit(6_000).toArray();
        assertThat(IntStream.of(draws)).allMatch(d -> d >= 0 && d < 6);
        assertThat(IntStream.of(draws).distinct().sorted().toArray()).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(GameRandom.seeded(9).nextInt(1)).isZero();
        assertThat(IntStream.generate(() -> rng.nextInt(Integer.MAX_VALUE)).limit(1_000))
                .allMatch(d -> d >= 0);
    }

    @Test
    void nextIntRejectsBoundsBelowOne() {
        GameRandom rng = GameRandom.seeded(3);
        assertThatThrownBy(() -> rng.nextInt(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> rng.nextInt(-5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nextDoubleIsInTheUnitInterval() {
        GameRandom rng = GameRandom.seeded(11);
        double[] draws = java.util.stream.DoubleStream.generate(rng::nextDouble).limit(10_000).toArray();
        assertThat(java.util.stream.DoubleStream.of(draws)).allMatch(d -> d >= 0 && d < 1);
        double mean = java.util.stream.DoubleStream.of(draws).average().orElseThrow();
        assertThat(mean).isBetween(0.45, 0.55);
    }
}
