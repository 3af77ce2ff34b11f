package dev.backline.server.play;

import dev.backline.session.OutboundEvent;
import dev.backline.session.PlayerChannel;
import io.helidon.common.buffers.BufferData;
import io.helidon.websocket.WsCloseCodes;
import io.helidon.websocket.WsSession;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One session's way out: a bounded queue drained by a virtual thread, which encodes and sends. That thread
 * is the only one that writes to the socket (Helidon 4.3's session does not serialize writers). It runs only
 * while there is something to send and is started again by the next event, so an idle session holds no thread
 * and no stack; the queue grows with what is queued, not with its capacity. {@link #offer} never blocks, so
 * the world thread can call it.
 */
final class Outbox implements PlayerChannel {
    private static final Logger LOG = System.getLogger("backline.play");
    static final String SLOW_CONSUMER = "slow_consumer";

    private record CloseRequest(String code, String reason) {
    }

    /** What the owner learns from the outbox. */
    interface Owner {
        /** A close was requested (the first time only); the socket should be gone soon. */
        void closing();

        /** Writing to the socket failed: the connection is broken. */
        void transportFailed(RuntimeException e);
    }

    private final ConcurrentLinkedQueue<OutboundEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final int capacity;
    private final AtomicReference<CloseRequest> closing = new AtomicReference<>();
    private final AtomicReference<byte[]> pendingPong = new AtomicReference<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final WsSession session;
    private final FrameCodec codec;
    private final Owner owner;
    private final String label;
    private final AtomicReference<Thread> drainer = new AtomicReference<>();
    private volatile boolean stopped;

    private Outbox(WsSession session, FrameCodec codec, int capacity, Owner owner, String label) {
        this.capacity = capacity;
        this.session = session;
        this.codec = codec;
        this.owner = owner;
        this.label = label;
    }

    static Outbox start(WsSession session, FrameCodec codec, int capacity, Owner owner, String label) {
        return new Outbox(session, codec, capacity, owner, label);
    }

    /**
     * Queues an event. Returns false only when the outbox is full; once the outbox is closing, events are
     * dropped and reported as accepted, since the connection is ending anyway.
     */
    @Override
    public boolean offer(OutboundEvent event) {
        if (closing.get() != null || stopped) {
            return true;
        }
        if (queued.incrementAndGet() > capacity) {
            queued.decrementAndGet();
            return false;
        }
        queue.add(event);
        wake();
        return true;
    }

    /**
     * Sends an error frame with {@code code} and {@code reason}, then closes the socket. Events queued
     * before are sent first, unless the reason is that the player cannot keep up. Idempotent.
     */
    @Override
    public void close(String code, String reason) {
        if (closing.compareAndSet(null, new CloseRequest(code, reason))) {
            wake();
            owner.closing();
        }
    }

    /**
     * Answers a WebSocket ping with a pong, from the drainer so writes never interleave. Only the latest
     * unanswered ping is answered, as RFC 6455 allows.
     */
    void pong(byte[] payload) {
        if (closing.get() == null && !stopped) {
            pendingPong.set(payload);
            wake();
        }
    }

    boolean isClosing() {
        return closing.get() != null;
    }

    /** The socket is gone: stop without writing anything more. */
    void stop() {
        stopped = true;
        wake();
    }

    /** Interrupts the drainer, which may be stuck writing to a peer that stopped reading. */
    void cut() {
        stopped = true;
        Thread running = drainer.get();
        if (running != null) {
            running.interrupt();
        }
    }

    /** Starts the drainer unless it runs; one that is about to finish looks again after it has said so. */
    private void wake() {
        if (draining.compareAndSet(false, true)) {
            // Started by the world thread for most events; copying its inheritable thread-locals into every
            // drainer was 2 % of the world thread's time under load, and the drainer reads none of them.
            Thread thread = Thread.ofVirtual().name("play-outbox-" + label).inheritInheritableThreadLocals(false)
                    .unstarted(this::drain);
            drainer.set(thread);
            thread.start();
        }
    }

    private void drain() {
        try {
            while (true) {
                drainOnce();
                draining.set(false);
                // An offer between the last poll and the line above saw a drainer running and did not start one.
                if (!hasWork() || !draining.compareAndSet(false, true)) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            draining.set(false);
            if (!stopped) {
                stopped = true;
                owner.transportFailed(e);
            }
        } finally {
            // A finished thread kept here would stay on the heap for as long as the session is idle.
            drainer.compareAndSet(Thread.currentThread(), null);
            if (stopped) {
                queue.clear();
                queued.set(0);
            }
        }
    }

    private boolean hasWork() {
        return !stopped && (!queue.isEmpty() || pendingPong.get() != null || closing.get() != null);
    }

    /** Sends what there is to send; returns when nothing is left, or the outbox stopped or closed. */
    private void drainOnce() {
        while (!stopped && !Thread.currentThread().isInterrupted()) {
            CloseRequest request = closing.get();
            if (request != null) {
                finish(request);
                // Nothing more goes out after the close, and a drainer started later must not close again.
                stopped = true;
                return;
            }
            byte[] pong = pendingPong.getAndSet(null);
            if (pong != null) {
                session.pong(BufferData.create(pong));
                continue;
            }
            OutboundEvent event = poll();
            if (event == null) {
                return;
            }
            send(event);
        }
    }

    private OutboundEvent poll() {
        OutboundEvent event = queue.poll();
        if (event != null) {
            queued.decrementAndGet();
        }
        return event;
    }

    private void finish(CloseRequest request) {
        if (!request.code().equals(SLOW_CONSUMER)) {
            OutboundEvent event;
            while (!stopped && (event = poll()) != null) {
                send(event);
            }
        }
        if (stopped) {
            return;
        }
        send(OutboundEvent.error(request.code(), request.reason(), null));
        session.close(closeStatus(request.code()), request.code());
    }

    private void send(OutboundEvent event) {
        String frame;
        try {
            frame = codec.encode(event);
        } catch (IllegalStateException e) {
            LOG.log(Level.ERROR, "session " + label + ": dropped an event: " + e.getMessage(), e);
            return;
        }
        session.send(frame, true);
    }

    private static int closeStatus(String code) {
        return switch (code) {
            case "server_busy" -> WsCloseCodes.TRY_AGAIN_LATER;
            case "server_shutdown" -> WsCloseCodes.GOING_AWAY;
            case "session_replaced" -> WsCloseCodes.NORMAL_CLOSE;
            default -> WsCloseCodes.VIOLATED_POLICY;
        };
    }
}
