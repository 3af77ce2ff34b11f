package dev.backline.server;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds the world thread inside a command until the test opens the gate, so tests can fill the world's
 * queue deterministically. The {@code wait} command of {@link TestShard} passes through it.
 */
public final class WorldGate {
    private volatile CountDownLatch entered = new CountDownLatch(1);
    private volatile CountDownLatch open = new CountDownLatch(1);

    /** Called on the world thread: signals arrival, then waits (at most a minute) for {@link #open()}. */
    void pass() {
        CountDownLatch myOpen = open;
        entered.countDown();
        try {
            if (!myOpen.await(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the test never opened the world gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the world thread is held at the gate. */
    public void awaitHeld() throws InterruptedException {
        if (!entered.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the world thread did not reach the gate");
        }
    }

    /** Lets the world thread go on; the gate is then ready for the next hold. */
    public void open() {
        CountDownLatch wasOpen = open;
        entered = new CountDownLatch(1);
        open = new CountDownLatch(1);
        wasOpen.countDown();
    }
}
