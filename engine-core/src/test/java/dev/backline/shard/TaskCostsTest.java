package dev.backline.shard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskCostsTest {
    private static final long COLD = 50_000_000;
    private final TaskCosts costs = new TaskCosts(COLD);
    private final WorldTask who = WorldTask.command("  Who  ", s -> { });
    private final WorldTask look = WorldTask.command("look at the amp", s -> { });
    private final WorldTask plain = s -> { };

    @Test
    void aKindIsPredictedFromItsOwnRunsAndTheRestFromAnyTask() {
        costs.ran(who, 40_000_000);
        costs.ran(look, 1_000_000);

        assertThat(costs.predict(look)).isEqualTo(1_000_000);
        assertThat(costs.predict(WorldTask.command("WHO", s -> { }))).as("the verb, in any case").isEqualTo(40_000_000);
        assertThat(costs.predict(plain)).as("the slowest lately").isEqualTo(40_000_000 - 40_000_000 / 32);
        assertThat(costs.predict(WorldTask.command("dance", s -> { }))).isEqualTo(costs.predict(plain));
    }

    @Test
    void anEstimateRisesAtOnceAndFallsByAThirtySecondPerRunOfItsKind() {
        costs.ran(look, 32_000_000);
        costs.ran(look, 1_000_000);
        assertThat(costs.predict(look)).isEqualTo(31_000_000);
        for (int i = 0; i < 200; i++) {
            costs.ran(look, 1_000_000);
        }
        assertThat(costs.predict(look)).isEqualTo(1_000_000);
        costs.ran(who, 90_000_000);
        assertThat(costs.predict(look)).as("another kind's slow run").isEqualTo(1_000_000);
    }

    @Test
    void newCodeMakesEveryKindColdUntilItRunsAgain() {
        costs.ran(look, 1_000_000);
        costs.ran(who, 2_000_000);
        costs.codeChanged();

        assertThat(costs.predict(look)).isEqualTo(COLD);
        assertThat(costs.predict(plain)).isEqualTo(COLD);
        costs.ran(look, 3_000_000);
        assertThat(costs.predict(look)).isEqualTo(3_000_000);
        assertThat(costs.predict(who)).isEqualTo(COLD);
    }

    @Test
    void kindsBeyondTheLimitShareTheGeneralEstimate() {
        for (int i = 0; i < TaskCosts.MAX_KINDS + 10; i++) {
            costs.ran(WorldTask.command("verb" + i, s -> { }), 1_000_000);
        }
        costs.ran(plain, 9_000_000);
        assertThat(costs.predict(WorldTask.command("verb" + (TaskCosts.MAX_KINDS + 5), s -> { }))).isEqualTo(9_000_000);
        assertThat(costs.predict(WorldTask.command("verb3", s -> { }))).isEqualTo(1_000_000);
    }
}
