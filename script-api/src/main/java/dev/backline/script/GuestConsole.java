package dev.backline.script;

import dev.backline.log.LogContext;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import org.graalvm.polyglot.HostAccess.Export;
import org.graalvm.polyglot.Value;

/**
 * Where the {@code console} of a sandbox context writes (see {@code console.js}): one log line per call,
 * under the context's name. GraalJS's own console is switched off because it copies whatever it is given
 * into the host's output stream, which the watchdog cannot interrupt; this one receives lines the script
 * side has already cut to {@link #MAX_LINE} characters.
 */
public final class GuestConsole {
    private static final Logger LOG = System.getLogger("backline.script.console");
    /** A console or {@code game.log} line keeps its first this many characters, then {@code …}. */
    static final int MAX_LINE = 2000;

    private final String name;

    GuestConsole(String name) {
        this.name = name;
    }

    /**
     * Logs one line at {@code level} ({@code debug}, {@code info}, {@code warn} or {@code error}).
     *
     * @return false, logging nothing, when the stack is too nearly exhausted to run the logger safely; the
     *         script side then throws the RangeError of a stack overflow
     */
    @Export
    public boolean write(Value level, Value text) {
        if (!HostBoundary.stackHasRoom()) {
            return false;
        }
        String line = text != null && text.isString() ? text.asString() : "";
        if (line.length() > MAX_LINE + 1) {
            line = line.substring(0, MAX_LINE) + "…";
        }
        String l = level != null && level.isString() ? level.asString() : "info";
        Level logLevel = switch (l) {
            case "debug" -> Level.DEBUG;
            case "warn" -> Level.WARNING;
            case "error" -> Level.ERROR;
            default -> Level.INFO;
        };
        LogContext context = LogContext.current();
        String outer = context.enterPack(name);
        try {
            LOG.log(logLevel, line);
        } finally {
            context.leavePack(outer);
        }
        return true;
    }
}
