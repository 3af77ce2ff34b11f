package dev.backline.server.play;

import dev.backline.persist.StoreUnavailableException;
import dev.backline.server.account.Account;
import dev.backline.server.account.CharacterRef;
import dev.backline.session.OutboundEvent;
import dev.backline.shard.Shard;
import dev.backline.shard.WorldTask;
import dev.backline.world.EntityId;
import io.helidon.common.buffers.BufferData;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One {@code /play} connection: waits for {@code auth}, then turns frames into world tasks. Helidon calls
 * the listener methods on the connection's own thread, one at a time; the world thread, the outbox and
 * the timers reach this session only through the lock-guarded state changes below.
 */
final class PlaySession implements WsListener, Outbox.Owner {

    private enum State { AWAITING_AUTH, PLAYING, ENDED }

    private final PlayEndpoint endpoint;
    private final PlayConfig config;
    private final String label;
    private final FrameAssembler assembler;
    private final AtomicInteger pendingCommands = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final SessionLog log;
    private volatile State state = State.AWAITING_AUTH;
    private volatile EntityId player;
    private volatile Thread connection;
    private volatile Outbox outbox;
    private volatile Future<?> authTimer;
    private volatile CommandLimiter.Session limits;
    private volatile String address;

    PlaySession(PlayEndpoint endpoint, String label) {
        this.endpoint = endpoint;
        this.config = endpoint.config();
        this.label = label;
        this.log = new SessionLog(label, () -> this.player);
        this.assembler = new FrameAssembler(config.maxFrameBytes());
    }

    @Override
    public void onOpen(WsSession session) {
        connection = Thread.currentThread();
        address = session.socketContext().remotePeer().host();
        outbox = Outbox.start(session, endpoint.codec(), config.outboxCapacity(), this, label);
        endpoint.opened(this);
        authTimer = endpoint.schedule(this::authTimedOut, config.authTimeout());
    }

    /**
     * Ends the session if its connection's thread has ended. Helidon does not tell the listener when a socket
     * dies without a close frame, but the connection's thread ends then, so checking it catches every way a
     * connection can end. The endpoint checks every session a few times a second: a thread per session waiting
     * for that would cost each idle connection a thread and its stack.
     */
    void checkConnection() {
        if (state != State.ENDED && !connection.isAlive()) {
            end("connection ended", false);
        }
    }

    @Override
    public void onMessage(WsSession session, String text, boolean last) {
        if (state == State.ENDED || outbox.isClosing()) {
            return;
        }
        try {
            handle(text, last);
        } catch (RuntimeException e) {
            // A bug of ours must cost the client one answer, not the connection or the server.
            log.log(Level.ERROR, "handling a frame failed: " + e, e);
            reply(OutboundEvent.error("internal_error", "the server could not handle that frame; it has been logged", null));
        }
    }

    private void handle(String text, boolean last) {
        ClientFrame frame;
        try {
            String message = assembler.add(text, last);
            if (message == null) {
                return;
            }
            frame = endpoint.codec().decode(message);
        } catch (FrameException e) {
            reject(e);
            return;
        }
        if (state == State.AWAITING_AUTH) {
            if (frame instanceof ClientFrame.Auth auth) {
                authenticate(auth);
            } else {
                reject(new FrameException(ErrorCode.UNAUTHORIZED, "the first frame must be auth", frame.id()));
            }
            return;
        }
        switch (frame) {
            case ClientFrame.Auth auth -> reject(new FrameException(ErrorCode.BAD_FRAME,
                    "this session is already authenticated", auth.id()));
            case ClientFrame.Ping ping -> reply(new OutboundEvent("pong", null, null, ping.id()));
            case ClientFrame.Command command -> command(command);
        }
    }

    @Override
    public void onMessage(WsSession session, BufferData buffer, boolean last) {
        if (last && state != State.ENDED && !outbox.isClosing()) {
            reject(new FrameException(ErrorCode.BAD_FRAME, "binary frames are not supported; send JSON text", null));
        }
    }

    @Override
    public void onPing(WsSession session, BufferData buffer) {
        outbox.pong(buffer.readBytes());
    }

    @Override
    public void onClose(WsSession session, int status, String reason) {
        // 1000 is a client that meant to leave; anything else (1001 going away, no status) may come back.
        end("closed by the client (" + status + ")", status == 1000);
    }

    @Override
    public void onError(WsSession session, Throwable t) {
        boolean network = t instanceof java.io.IOException || t instanceof java.io.UncheckedIOException;
        log.log(network ? Level.DEBUG : Level.WARNING, "socket error: " + t, network ? null : t);
        end("socket error", false);
    }

    @Override
    public void closing() {
        endpoint.schedule(this::cut, config.closeGrace());
    }

    @Override
    public void transportFailed(RuntimeException e) {
        log.log(Level.DEBUG, "write failed: " + e);
        end("write failed", false);
        connection.interrupt();
    }

    /** The server is stopping: tell the client and close. */
    void shutdown() {
        outbox.close(ErrorCode.SERVER_SHUTDOWN.wire(), "the server is shutting down");
    }

    private void authenticate(ClientFrame.Auth auth) {
        Optional<Account> account = endpoint.accounts().authenticate(auth.token());
        if (account.isEmpty()) {
            outbox.close(ErrorCode.UNAUTHORIZED.wire(), "the token is unknown or has expired; log in again");
            return;
        }
        Optional<CharacterRef> character = chosen(account.get(), auth.character());
        if (character.isEmpty()) {
            outbox.close(ErrorCode.UNAUTHORIZED.wire(), "your account has no character '" + auth.character()
                    + "'; GET /api/characters lists them");
            return;
        }
        EntityId id = EntityId.of(character.get().entityId());
        String name = character.get().name();
        Outbox channel = outbox;
        lock.lock();
        try {
            if (state != State.AWAITING_AUTH || channel.isClosing()) {
                return;
            }
            authTimer.cancel(false);
            String role = account.get().role().wire();
            if (!endpoint.shard().submit(s -> {
                connect(s, id, name, channel);
                s.sessions().setRole(id, role);
                endpoint.resume(s, id);
            })) {
                channel.close(ErrorCode.SERVER_BUSY.wire(), "the world is too busy to let you in; try again shortly");
                return;
            }
            // Under the lock, so a concurrent end() sees PLAYING and queues the disconnect after this connect.
            player = id;
            state = State.PLAYING;
        } finally {
            lock.unlock();
        }
        log.log(Level.INFO, "connected as " + name + " from " + address);
    }

    /** The character asked for by name or id, or the account's first one; empty if the account has no such one. */
    private Optional<CharacterRef> chosen(Account account, String asked) {
        if (asked == null) {
            return Optional.of(CharacterRef.of(account.name()));
        }
        List<CharacterRef> owned;
        try {
            owned = endpoint.accounts().characters(account);
        } catch (StoreUnavailableException e) {
            // Known players may play while the database is briefly away: their first character needs no look-up.
            owned = List.of(CharacterRef.of(account.name()));
        }
        return owned.stream().filter(c -> c.name().equalsIgnoreCase(asked) || c.entityId().equals(asked)).findFirst();
    }

    private static void connect(Shard shard, EntityId id, String name, Outbox channel) {
        try {
            shard.presence().connect(id, name, channel);
        } catch (RuntimeException e) {
            channel.close("internal_error", "could not enter the world; it has been logged");
            throw e;
        }
    }

    private void command(ClientFrame.Command command) {
        if (limits == null) {
            // Made at the first command, not at the connection: an idle connection holds no buckets.
            limits = endpoint.limiter().session(address);
        }
        String refusal = limits.refusal(command.text());
        if (refusal != null) {
            log.command(command.text(), command.id(), "rate_limited");
            reply(OutboundEvent.error(ErrorCode.RATE_LIMITED.wire(), refusal, command.id()));
            return;
        }
        if (pendingCommands.get() >= config.maxPendingCommands()) {
            log.command(command.text(), command.id(), "rate_limited");
            endpoint.limiter().countRejection();
            reply(OutboundEvent.error(ErrorCode.RATE_LIMITED.wire(), "more than " + config.maxPendingCommands()
                    + " of your commands are waiting; slow down", command.id()));
            return;
        }
        EntityId id = player;
        pendingCommands.incrementAndGet();
        boolean accepted = endpoint.shard().submit(WorldTask.command(command.text(), s -> {
            pendingCommands.decrementAndGet();
            s.commandDispatch().run(id, command.id(), command.text());
        }));
        if (accepted) {
            log.command(command.text(), command.id(), "queued");
            endpoint.commandQueued();
        } else {
            log.command(command.text(), command.id(), "server_busy");
            pendingCommands.decrementAndGet();
            reply(OutboundEvent.error(ErrorCode.SERVER_BUSY.wire(), "the world is too busy; try again shortly",
                    command.id()));
        }
    }

    private void reject(FrameException e) {
        if (state == State.AWAITING_AUTH) {
            outbox.close(e.code().wire(), e.getMessage());
        } else {
            reply(OutboundEvent.error(e.code().wire(), e.getMessage(), e.requestId()));
        }
    }

    private void reply(OutboundEvent event) {
        if (!outbox.offer(event)) {
            outbox.close(Outbox.SLOW_CONSUMER, "your connection could not keep up with the game's events");
        }
    }

    private void authTimedOut() {
        lock.lock();
        try {
            if (state == State.AWAITING_AUTH) {
                outbox.close(ErrorCode.UNAUTHORIZED.wire(), "no auth frame within " + config.authTimeout().toMillis() + " ms");
            }
        } finally {
            lock.unlock();
        }
    }

    /** The close handshake did not finish in time: cut the connection. */
    private void cut() {
        if (state != State.ENDED) {
            log.log(Level.DEBUG, "close did not finish in " + config.closeGrace() + "; cutting");
            outbox.cut();
            connection.interrupt();
        }
    }

    private void end(String why, boolean deliberate) {
        boolean wasPlaying;
        lock.lock();
        try {
            if (state == State.ENDED) {
                return;
            }
            wasPlaying = state == State.PLAYING;
            state = State.ENDED;
        } finally {
            lock.unlock();
        }
        authTimer.cancel(false);
        outbox.stop();
        if (wasPlaying) {
            // A connection the server closed (replaced, slow, kicked, shutting down) gets no grace period.
            endpoint.departed(player, outbox, deliberate || outbox.isClosing());
            log.log(Level.INFO, "disconnected: " + why);
        } else {
            log.log(Level.DEBUG, "ended before auth: " + why);
        }
        endpoint.ended(this);
    }
}
