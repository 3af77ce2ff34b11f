package dev.backline.script;

import java.time.Duration;

/** Schedules a pack's named timers; the handler is looked up by name when the timer fires. */
interface TimerScheduler {
    long schedule(Duration delay, String timerName, Object data);

    boolean cancel(long handle);
}
