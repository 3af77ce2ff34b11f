package dev.backline.timer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TimersTest {
    private final List<RuntimeException> failures = new ArrayList<>();
    private final Timers timers = new Timers(failures::add);
    private final List<String> fired = new ArrayList<>();

    private Runnable record(String name) {
        return () -> fired.add(name);
    }

    @Test
    void firesByDueTimeThenBySchedulingOrder() {
        timers.after(0, Duration.ofMillis(30), record("c"));
        timers.after(0, Duration.ofMillis(10), record("a1"));
        timers.after(5, Duration.ofMillis(5), record("a2"));
        timers.after(0, Duration.ofMillis(20), record("b"));

        timers.fireDue(9);
        assertThat(fired).isEmpty();
        timers.fireDue(10);
        assertThat(fired).containsExactly("a1", "a2");
        timers.fireDue(100);
        assertThat(fired).containsExactly("a1", "a2", "b", "c");
        assertThat(timers.pending()).isZero();
    }

    @Test
    void oneShotFiresOnce() {
        timers.after(0, Duration.ofMillis(10), record("once"));
        timers.fireDue(10);
        timers.fireDue(20);
        timers.fireDue(1_000);
        assertThat(fired).containsExactly("once");
    }

    @Test
    void zeroDelayFiresAtTheNextFiring() {
        timers.after(50, Duration.ZERO, record("now"));
        timers.fireDue(50);
        assertThat(fired).containsExactly("now");
    }

    @Test
    void everyRepeatsAtItsInterval() {
        AtomicInteger count = new AtomicInteger();
        timers.every(0, Duration.ofMillis(100), count::incrementAndGet);

        timers.fireDue(99);
        assertThat(count).hasValue(0);
        timers.fireDue(100);
        assertThat(count).hasValue(1);
        timers.fireDue(350);
        assertThat(count).as("due at 200 and 300").hasValue(3);
        timers.fireDue(400);
        assertThat(count).hasValue(4);
        assertThat(timers.pending()).isEqualTo(1);
    }

    @Test
    void cancelStopsOneShotAndRepeatingTimers() {
        TimerHandle once = timers.after(0, Duration.ofMillis(10), record("once"));
        TimerHandle repeat = timers.every(0, Duration.ofMillis(10), record("repeat"));
        timers.fireDue(10);
        assertThat(fired).containsExactly("once", "repeat");

        assertThat(timers.cancel(repeat)).isTrue();
        assertThat(timers.cancel(repeat)).as("already cancelled").isFalse();
        assertThat(timers.cancel(once)).as("already fired").isFalse();
        timers.fireDue(1_000);
        assertThat(fired).containsExactly("once", "repeat");
        assertThat(timers.pending()).isZero();
    }

    @Test
    void aRepeatingTimerCanCancelItself() {
        AtomicReference<TimerHandle> self = new AtomicReference<>();
        AtomicInteger count = new AtomicInteger();
        self.set(timers.every(0, Duration.ofMillis(10), () -> {
            if (count.incrementAndGet() == 2) {
                timers.cancel(self.get());
            }
        }));
        timers.fireDue(1_000);
        assertThat(count).hasValue(2);
        assertThat(timers.pending()).isZero();
    }

    @Test
    void aTimerCanCancelAnotherDueInTheSameFiring() {
        AtomicReference<TimerHandle> later = new AtomicReference<>();
        timers.after(0, Duration.ofMillis(10), () -> timers.cancel(later.get()));
        later.set(timers.after(0, Duration.ofMillis(20), record("later")));
        timers.fireDue(100);
        assertThat(fired).isEmpty();
    }

    @Test
    void aThrowingTaskIsReportedAndTheOthersStillFire() {
        RuntimeException boom = new IllegalStateException("boom");
        timers.after(0, Duration.ofMillis(10), record("before"));
        timers.after(0, Duration.ofMillis(10), () -> {
            throw boom;
        });
        timers.every(0, Duration.ofMillis(10), record("repeat"));
        timers.after(0, Duration.ofMillis(10), record("after"));

        timers.fireDue(10);
        assertThat(fired).containsExactly("before", "repeat", "after");
        assertThat(failures).containsExactly(boom);
        timers.fireDue(20);
        assertThat(fired).containsExactly("before", "repeat", "after", "repeat");
    }

    @Test
    void aThrowingRepeatingTimerKeepsRepeating() {
        AtomicInteger count = new AtomicInteger();
        timers.every(0, Duration.ofMillis(10), () -> {
            count.incrementAndGet();
            throw new IllegalStateException("always");
        });
        timers.fireDue(30);
        assertThat(count).hasValue(3);
        assertThat(failures).hasSize(3);
    }

    @Test
    void aRepeatingTimerIsBoundedPerFiringWhenTimeJumpsFarAhead() {
        AtomicInteger count = new AtomicInteger();
        timers.every(0, Duration.ofMillis(1), count::incrementAndGet);

        timers.fireDue(10_000_000);
        assertThat(count).hasValue(Timers.MAX_CATCH_UP_PER_TICK);

        timers.fireDue(10_000_000);
        assertThat(count).as("the backlog was dropped, not carried over").hasValue(Timers.MAX_CATCH_UP_PER_TICK);
        timers.fireDue(10_000_001);
        assertThat(count).hasValue(Timers.MAX_CATCH_UP_PER_TICK + 1);
    }

    @Test
    void timersScheduledWhileFiringWaitForTheNextFiring() {
        AtomicInteger count = new AtomicInteger();
        Runnable[] again = new Runnable[1];
        again[0] = () -> {
            count.incrementAndGet();
            timers.after(100, Duration.ZERO, again[0]);
        };
        timers.after(100, Duration.ZERO, again[0]);

        timers.fireDue(100);
        assertThat(count).as("a task rescheduling itself with no delay must not loop forever").hasValue(1);
        timers.fireDue(100);
        assertThat(count).hasValue(2);
        assertThat(timers.pending()).isEqualTo(1);
    }

    @Test
    void aTimerScheduledAndCancelledWhileFiringNeverFires() {
        timers.after(0, Duration.ofMillis(10), () -> {
            TimerHandle soon = timers.after(10, Duration.ZERO, record("cancelled"));
            assertThat(timers.cancel(soon)).isTrue();
        });
        timers.fireDue(10);
        timers.fireDue(20);
        assertThat(fired).isEmpty();
        assertThat(timers.pending()).isZero();
    }

    @Test
    void rejectsBadDelaysAndIntervals() {
        assertThatThrownBy(() -> timers.after(0, Duration.ofMillis(-1), record("x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> timers.every(0, Duration.ZERO, record("x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 ms");
        assertThatThrownBy(() -> timers.every(0, Duration.ofNanos(999_999), record("x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(timers.pending()).isZero();
    }

    @Test
    void anAlignedScheduleFiresOnWholeMultiplesOfItsInterval() {
        long day = Duration.ofDays(1).toMillis();
        timers.resumeFiredThrough(10 * day + 5);
        timers.everyAligned(10 * day + 5, Duration.ofDays(1), record("daily"));

        timers.fireDue(11 * day - 1);
        assertThat(fired).isEmpty();
        timers.fireDue(11 * day);
        timers.fireDue(12 * day + 3);
        assertThat(fired).containsExactly("daily", "daily");
        assertThat(timers.firedThrough()).isEqualTo(12 * day + 3);
    }

    @Test
    void anAlignedScheduleMadeAgainNeitherRepeatsNorSkipsAMoment() {
        long day = Duration.ofDays(1).toMillis();
        // Fired through exactly midnight: that midnight's job ran; the next one is due tomorrow.
        Timers afterMidnight = new Timers(failures::add);
        afterMidnight.resumeFiredThrough(5 * day);
        afterMidnight.everyAligned(5 * day, Duration.ofDays(1), record("after"));
        afterMidnight.fireDue(6 * day - 1);
        assertThat(fired).isEmpty();

        // Fired through just before midnight, the clock already past it (a reload in the middle of a tick, or
        // a state taken then): midnight's job has not run and runs at the next firing.
        Timers beforeMidnight = new Timers(failures::add);
        beforeMidnight.resumeFiredThrough(5 * day - 100);
        beforeMidnight.everyAligned(5 * day + 50, Duration.ofDays(1), record("before"));
        beforeMidnight.fireDue(5 * day + 50);
        assertThat(fired).containsExactly("before");
    }

    @Test
    void withNothingFiredYetAnAlignedScheduleStartsAfterNow() {
        timers.everyAligned(1_050, Duration.ofMillis(100), record("x"));
        timers.fireDue(1_099);
        assertThat(fired).isEmpty();
        timers.fireDue(1_100);
        assertThat(fired).containsExactly("x");
    }

    @Test
    void atFiresAtAnAbsoluteTimeEvenOneThatHasPassed() {
        timers.at(500, record("late"));
        timers.at(2_000, record("later"));
        timers.fireDue(1_000);
        assertThat(fired).containsExactly("late");
    }
}
