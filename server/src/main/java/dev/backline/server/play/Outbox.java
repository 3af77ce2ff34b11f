package dev.backline.server.play;

import dev.backline.session.OutboundEvent;
import dev.backline.session.PlayerChannel;
import io.helidon.common.buffers.BufferData;
import io.helidon.websocket.WsCloseCodes;
import io.helidon.websocket.WsSession;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * One session's way out: a bounded queue drained by its own virtual thread, which encodes and sends.
 * That thread is the only one that writes to the socket (Helidon 4.3's session does not serialize
 * writers). {@link #offer} never blocks, so the world thread can call it.
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

    private final ArrayBlockingQueue<OutboundEvent> queue;
    private final AtomicReference<CloseRequest> closing = new AtomicReference<>();
    private final AtomicReference<byte[]> pendingPong = new AtomicReference<>();
    private final WsSession session;
    private final FrameCodec codec;
    private final Owner owner;
    private final String label;
    private final Thread drainer;
    private volatile boolean stopped;

    private Outbox(WsSession session, FrameCodec codec, int capacity, Owner owner, String label) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.session = session;
        this.codec = codec;
        this.owner = owner;
        this.label = label;
        this.drainer = Thread.ofVirtual().name("play-outbox-" + label).unstarted(this::drain);
    }

    static Outbox start(WsSession session, FrameCodec codec, int capacity, Owner owner, String label) {
        Outbox outbox = new Outbox(session, codec, capacity, owner, label);
        outbox.drainer.start();
        return outbox;
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
        if (!queue.offer(event)) {
            return false;
        }
        LockSupport.unpark(drainer);
        return true;
    }

    /**
     * Sends an error frame with {@code code} and {@code reason}, then closes the socket. Events queued
     * before are sent first, unless the reason is that the player cannot keep up. Idempotent.
     */
    @Override
    public void close(String code, String reason) {
        if (closing.compareAndSet(null, new CloseRequest(code, reason))) {
            LockSupport.unpark(drainer);
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
            LockSupport.unpark(drainer);
        }
    }

    boolean isClosing() {
        return closing.get() != null;
    }

    /** The socket is gone: stop without writing anything more. */
    void stop() {
        stopped = true;
        LockSupport.unpark(drainer);
    }

    /** Interrupts the drainer, which may be stuck writing to a peer that stopped reading. */
    void cut() {
        stopped = true;
        drainer.interrupt();
    }

    private void drain() {
        try {
            while (!stopped && !Thread.currentThread().isInterrupted()) {
                CloseRequest request = closing.get();
                if (request != null) {
                    finish(request);
                    return;
                }
                byte[] pong = pendingPong.getAndSet(null);
                if (pong != null) {
                    session.pong(BufferData.create(pong));
                    continue;
                }
                OutboundEvent event = queue.poll();
                if (event == null) {
                    LockSupport.park(this);
                } else {
                    send(event);
                }
            }
        } catch (RuntimeException e) {
            if (!stopped) {
                stopped = true;
                owner.transportFailed(e);
            }
        } finally {
            queue.clear();
        }
    }

    private void finish(CloseRequest request) {
        if (!request.code().equals(SLOW_CONSUMER)) {
            OutboundEvent event;
            while (!stopped && (event = queue.poll()) != null) {
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
