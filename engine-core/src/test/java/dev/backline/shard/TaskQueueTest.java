package dev.backline.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskQueueTest {
    private final List<Integer> ran = new ArrayList<>();

    private WorldTask task(int n) {
        return shard -> ran.add(n);
    }

    @Test
    void refusesOffersBeyondItsCapacity() {
        TaskQueue queue = new TaskQueue(2);
        assertThat(queue.offer(task(1))).isTrue();
        assertThat(queue.offer(task(2))).isTrue();
        assertThat(queue.offer(task(3))).isFalse();
        assertThat(queue.depth()).isEqualTo(2);
        assertThat(queue.capacity()).isEqualTo(2);
    }

    @Test
    void drainsOldestFirstUpToTheLimit() {
        TaskQueue queue = new TaskQueue(10);
        for (int i = 1; i <= 5; i++) {
            queue.offer(task(i));
        }
        assertThat(queue.drain(3, t -> t.run(null))).isEqualTo(3);
        assertThat(ran).containsExactly(1, 2, 3);
        assertThat(queue.depth()).isEqualTo(2);

        assertThat(queue.drain(10, t -> t.run(null))).isEqualTo(2);
        assertThat(ran).containsExactly(1, 2, 3, 4, 5);
        assertThat(queue.drain(10, t -> t.run(null))).isZero();
    }

    @Test
    void acceptsAgainOnceDrained() {
        TaskQueue queue = new TaskQueue(1);
        queue.offer(task(1));
        assertThat(queue.offer(task(2))).isFalse();
        queue.drain(1, t -> t.run(null));
        assertThat(queue.offer(task(3))).isTrue();
    }

    @Test
    void needsACapacityOfAtLeastOne() {
        assertThatThrownBy(() -> new TaskQueue(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }
}
