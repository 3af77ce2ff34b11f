package dev.backline.script;

import java.util.Objects;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;

/**
 * A script error as modders and operators see it: pack, file, line, column, the hook it happened in, and
 * the message, printed as {@code pack/file:line:column in hook: message}.
 */
public record ScriptFault(String pack, String file, int line, int column, String hook, Kind kind, String message,
                          String guestStack) {
    public enum Kind { ERROR, SYNTAX, TIMEOUT, RESOURCE, LOAD }

    public ScriptFault {
        Objects.requireNonNull(pack, "pack");
        Objects.requireNonNull(hook, "hook");
        Objects.requireNonNull(kind, "kind");
        message = message == null ? "" : message;
        guestStack = guestStack == null ? "" : guestStack;
    }

    /** Where the error is, as {@code pack/file:line:column}, or just the pack when unknown. */
    public String location() {
        if (file == null) {
            return pack;
        }
        return pack + "/" + file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "");
    }

    @Override
    public String toString() {
        return location() + " in " + hook + ": " + message;
    }

    static ScriptFault of(String pack, String hook, PolyglotException e, java.nio.file.Path guestRoot) {
        SourceSection where = e.getSourceLocation() != null ? e.getSourceLocation() : firstScriptFrame(e);
        String file = null;
        int line = 0;
        int column = 0;
        if (where != null && where.getSource() != null) {
            file = relativeName(where.getSource().getPath(), where.getSource().getName(), guestRoot);
            line = where.hasLines() ? where.getStartLine() : 0;
            column = where.hasColumns() ? where.getStartColumn() : 0;
        }
        Kind kind = e.isSyntaxError() ? Kind.SYNTAX
                : e.isInterrupted() || e.isCancelled() ? Kind.TIMEOUT
                : e.isResourceExhausted() ? Kind.RESOURCE
                : Kind.ERROR;
        StringBuilder stack = new StringBuilder();
        for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
            if (frame.isGuestFrame() && frame.getSourceLocation() != null) {
                SourceSection s = frame.getSourceLocation();
                stack.append("  at ").append(frame.getRootName() == null || frame.getRootName().isEmpty() ? "<module>" : frame.getRootName())
                        .append(" (").append(relativeName(s.getSource().getPath(), s.getSource().getName(), guestRoot))
                        .append(':').append(s.hasLines() ? s.getStartLine() : 0).append(")\n");
            }
        }
        return new ScriptFault(pack, file, line, column, hook == null ? "?" : hook, kind, e.getMessage(), stack.toString());
    }

    /**
     * Where a thrown value without a location of its own was made: an error rethrown from elsewhere (an
     * unhandled promise rejection, say) or one the host threw. The first frame of the script's own code (read
     * from a file); the engine's prelude and console, which have no file, are only passed through.
     */
    private static SourceSection firstScriptFrame(PolyglotException e) {
        SourceSection first = null;
        for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
            SourceSection s = frame.isGuestFrame() ? frame.getSourceLocation() : null;
            if (s != null && s.getSource() != null) {
                if (s.getSource().getPath() != null) {
                    return s;
                }
                first = first == null ? s : first;
            }
        }
        return first;
    }

    ScriptFault as(Kind newKind, String newMessage) {
        return new ScriptFault(pack, file, line, column, hook, newKind, newMessage, guestStack);
    }

    /** {@code path} relative to the pack, from the directory the pack's scripts see it as. */
    private static String relativeName(String path, String name, java.nio.file.Path guestRoot) {
        if (path != null && guestRoot != null) {
            java.nio.file.Path p = java.nio.file.Path.of(path);
            if (p.startsWith(guestRoot)) {
                return guestRoot.relativize(p).toString();
            }
        }
        return name;
    }
}
