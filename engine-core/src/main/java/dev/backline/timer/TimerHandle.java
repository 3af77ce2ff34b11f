package dev.backline.timer;

/** Identifies a scheduled timer so it can be cancelled. */
public record TimerHandle(long id) {
}
