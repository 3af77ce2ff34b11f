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
    void startsNoTaskPastTheDeadlineButThoseItMustRun() {
        TaskQueue queue = new TaskQueue(10);
        long[] now = {0};
        for (int i = 1; i <= 5; i++) {
            int n = i;
            queue.offer(shard -> {
                ran.add(n);
                now[0] += 30;
            });
        }
        // Task 1 runs 0-30, task 2 30-60, task 3 starts at 60 < 70 and ends at 90; task 4 would start past 70.
        assertThat(queue.drain(10, 0, task -> now[0] < 70, t -> t.run(null))).isEqualTo(3);
        assertThat(ran).containsExactly(1, 2, 3);

        assertThat(queue.drain(10, 0, task -> false, t -> t.run(null))).isZero();
        // The tasks that must run do, whatever the condition says.
        assertThat(queue.drain(10, 1, task -> false, t -> t.run(null))).isEqualTo(1);
        assertThat(ran).containsExactly(1, 2, 3, 4);
        assertThat(queue.depth()).isEqualTo(1);
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
