package dev.backline.server.play;

import java.util.Locale;

/**
 * The error codes the server itself sends on {@code /play}. The engine adds its own through
 * {@code OutboundEvent.error} ({@code unknown_command}, {@code script_error}, ...). See docs/protocol.md.
 */
public enum ErrorCode {
    /** The frame is not JSON, or not a JSON object. */
    BAD_JSON,
    /** A field is missing or has the wrong type, or {@code v} is not 1. */
    BAD_FRAME,
    /** {@code type} names no frame type of this protocol version. */
    UNKNOWN_TYPE,
    /** No valid {@code auth} frame (bad or expired token, another frame first, or none in time). */
    UNAUTHORIZED,
    /** The message is larger than the configured maximum. */
    TOO_LARGE,
    /**
     * Too many of this session's commands are still waiting for the world, or the session (or its address)
     * sends commands or chat faster than its token buckets allow.
     */
    RATE_LIMITED,
    /** The world's queue is full. */
    SERVER_BUSY,
    /** The server is stopping. */
    SERVER_SHUTDOWN;

    /** The code as it appears on the wire, e.g. {@code bad_json}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
