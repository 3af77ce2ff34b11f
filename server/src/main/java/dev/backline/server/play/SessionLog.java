package dev.backline.server.play;

import dev.backline.log.LogContext;
import dev.backline.server.config.LogSettings;
import dev.backline.world.EntityId;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.function.Supplier;

/**
 * A session's log lines, with its player in the {@link LogContext} (connection threads run no command
 * dispatch, which would set it): connects, disconnects, errors on {@code backline.play}, and one line per
 * command on {@code backline.command}.
 */
final class SessionLog {
    private static final Logger LOG = System.getLogger("backline.play");
    private static final Logger COMMANDS = System.getLogger(LogSettings.COMMAND_LOGGER);
    static final int LOGGED_COMMAND_CHARS = 200;

    private final String prefix;
    private final Supplier<EntityId> player;

    SessionLog(String label, Supplier<EntityId> player) {
        this.prefix = "session " + label + ": ";
        this.player = player;
    }

    void log(Level level, String message) {
        log(level, message, null);
    }

    void log(Level level, String message, Throwable thrown) {
        if (!LOG.isLoggable(level)) {
            return;
        }
        withPlayer(() -> {
            if (thrown == null) {
                LOG.log(level, prefix + message);
            } else {
                LOG.log(level, prefix + message, thrown);
            }
        });
    }

    /**
     * What the player typed and what became of it ({@code queued}, {@code rate_limited}, {@code server_busy}),
     * quoted with control characters escaped (so it cannot forge a line of a text log) and cut at
     * {@value #LOGGED_COMMAND_CHARS} characters. Commands carry no secrets: the token travels only in
     * {@code auth}, which is never logged.
     */
    void command(String text, String requestId, String outcome) {
        if (COMMANDS.isLoggable(Level.INFO)) {
            String line = "command " + quoted(text) + (requestId == null ? "" : " id=" + quoted(requestId)) + " " + outcome;
            withPlayer(() -> COMMANDS.log(Level.INFO, line));
        }
    }

    private void withPlayer(Runnable logging) {
        LogContext context = LogContext.current();
        EntityId who = player.get();
        String outer = context.enterPlayer(who == null ? null : who.toString());
        try {
            logging.run();
        } finally {
            context.leavePlayer(outer);
        }
    }

    static String quoted(String text) {
        int end = Math.min(text.length(), LOGGED_COMMAND_CHARS);
        StringBuilder out = new StringBuilder(end + 24).append('"');
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
        if (text.length() > end) {
            out.append("…(").append(text.length()).append(" chars)");
        }
        return out.toString();
    }
}
