package dev.backline.server.play;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backline.session.OutboundEvent;
import io.helidon.common.buffers.BufferData;
import io.helidon.common.socket.SocketContext;
import io.helidon.websocket.WsSession;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OutboxTest {
    private final RecordingSession session = new RecordingSession();
    private final RecordingOwner owner = new RecordingOwner();

    @Test
    void sendsEventsInOrder() throws InterruptedException {
        Outbox outbox = Outbox.start(session, new FrameCodec(), 8, owner, "t");

        assertThat(outbox.offer(OutboundEvent.message("one"))).isTrue();
        assertThat(outbox.offer(OutboundEvent.message("two"))).isTrue();

        assertThat(session.next()).contains("\"one\"");
        assertThat(session.next()).contains("\"two\"");
    }

    @Test
    void closeSendsWhatWasQueuedThenTheErrorThenCloses() throws InterruptedException {
        session.hold();
        Outbox outbox = Outbox.start(session, new FrameCodec(), 8, owner, "t");
        outbox.offer(OutboundEvent.message("first"));
        session.awaitHeld();
        outbox.offer(OutboundEvent.message("queued"));

        outbox.close("kicked", "an admin removed you");
        outbox.close("again", "ignored");
        outbox.offer(OutboundEvent.message("after close"));
        session.release();

        assertThat(session.next()).contains("first");
        assertThat(session.next()).contains("queued");
        assertThat(session.next()).isEqualTo(
                "{\"v\":1,\"type\":\"error\",\"code\":\"kicked\",\"message\":\"an admin removed you\"}");
        assertThat(session.next()).isEqualTo("close 1008 kicked");
        assertThat(owner.closings.get()).isEqualTo(1);
        assertThat(session.frames.poll(100, TimeUnit.MILLISECONDS)).as("nothing after the close").isNull();
    }

    @Test
    void aFullOutboxRefusesAndASlowConsumerCloseDropsTheBacklog() throws InterruptedException {
        session.hold();
        Outbox outbox = Outbox.start(session, new FrameCodec(), 2, owner, "t");
        outbox.offer(OutboundEvent.message("in flight"));
        session.awaitHeld();

        assertThat(outbox.offer(OutboundEvent.message("a"))).isTrue();
        assertThat(outbox.offer(OutboundEvent.message("b"))).isTrue();
        assertThat(outbox.offer(OutboundEvent.message("c"))).as("full").isFalse();
        outbox.close(Outbox.SLOW_CONSUMER, "too slow");
        session.release();

        assertThat(session.next()).contains("in flight");
        assertThat(session.next()).contains("slow_consumer");
        assertThat(session.next()).isEqualTo("close 1008 slow_consumer");
    }

    @Test
    void answersPingsWithPongs() throws InterruptedException {
        Outbox outbox = Outbox.start(session, new FrameCodec(), 8, owner, "t");

        outbox.pong(new byte[] {1, 2});

        assertThat(session.next()).isEqualTo("pong 2");
    }

    @Test
    void aFailedWriteIsReportedOnce() throws InterruptedException {
        session.failWrites();
        Outbox outbox = Outbox.start(session, new FrameCodec(), 8, owner, "t");

        outbox.offer(OutboundEvent.message("lost"));
        outbox.offer(OutboundEvent.message("also lost"));

        assertThat(owner.failures.poll(5, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class);
        assertThat(owner.failures.poll(100, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void afterStopNothingIsWritten() throws InterruptedException {
        Outbox outbox = Outbox.start(session, new FrameCodec(), 8, owner, "t");
        outbox.stop();

        assertThat(outbox.offer(OutboundEvent.message("dropped"))).isTrue();
        outbox.close("late", "late");

        assertThat(session.frames.poll(100, TimeUnit.MILLISECONDS)).isNull();
    }

    private static final class RecordingOwner implements Outbox.Owner {
        final AtomicInteger closings = new AtomicInteger();
        final BlockingQueue<RuntimeException> failures = new LinkedBlockingQueue<>();

        @Override
        public void closing() {
            closings.incrementAndGet();
        }

        @Override
        public void transportFailed(RuntimeException e) {
            failures.add(e);
        }
    }

    /** Records frames; can hold the first write (a peer that stops reading) or fail every write. */
    private static final class RecordingSession implements WsSession {
        final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        private final List<String> log = new CopyOnWriteArrayList<>();
        private volatile CountDownLatch held;
        private final CountDownLatch holding = new CountDownLatch(1);
        private volatile boolean fail;

        void hold() {
            held = new CountDownLatch(1);
        }

        void awaitHeld() throws InterruptedException {
            assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
        }

        void release() {
            held.countDown();
        }

        void failWrites() {
            fail = true;
        }

        String next() throws InterruptedException {
            String frame = frames.poll(5, TimeUnit.SECONDS);
            assertThat(frame).as("a frame within 5 s; so far " + log).isNotNull();
            return frame;
        }

        private void write(String frame) {
            if (fail) {
                throw new IllegalStateException("socket closed");
            }
            CountDownLatch latch = held;
            if (latch != null) {
                holding.countDown();
                try {
                    latch.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                held = null;
            }
            log.add(frame);
            frames.add(frame);
        }

        @Override
        public WsSession send(String text, boolean last) {
            write(text);
            return this;
        }

        @Override
        public WsSession send(BufferData bufferData, boolean last) {
            throw new UnsupportedOperationException();
        }

        @Override
        public WsSession ping(BufferData bufferData) {
            return this;
        }

        @Override
        public WsSession pong(BufferData bufferData) {
            write("pong " + bufferData.available());
            return this;
        }

        @Override
        public WsSession close(int code, String reason) {
            write("close " + code + " " + reason);
            return this;
        }

        @Override
        public WsSession terminate() {
            return this;
        }

        @Override
        public SocketContext socketContext() {
            return null;
        }
    }
}
