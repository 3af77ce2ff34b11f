package dev.backline.script.testing;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The outcome of one script test: its pack and test file, its full name ({@code describe › test}),
 * whether it passed, and for a failure the message and where it happened: {@code failedAt} is the test
 * file or a file of the pack it called; {@code line} and {@code column} are 0 when unknown.
 */
public record ScriptTestResult(String pack, Path file, String name, Status status, String message, Path failedAt,
                               int line, int column, long millis) {
    public enum Status { PASSED, FAILED, SKIPPED }

    public ScriptTestResult {
        Objects.requireNonNull(pack, "pack");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
        failedAt = failedAt == null ? file : failedAt;
        if (line < 0 || column < 0 || millis < 0) {
            throw new IllegalArgumentException("line, column and millis must not be negative");
        }
    }

    static ScriptTestResult passed(String pack, Path file, String name, long millis) {
        return new ScriptTestResult(pack, file, name, Status.PASSED, "", file, 0, 0, millis);
    }

    static ScriptTestResult skipped(String pack, Path file, String name) {
        return new ScriptTestResult(pack, file, name, Status.SKIPPED, "", file, 0, 0, 0);
    }

    static ScriptTestResult failed(String pack, Path file, String name, TestFailure failure, long millis) {
        return new ScriptTestResult(pack, file, name, Status.FAILED, failure.message(), failure.file(), failure.line(),
                failure.column(), millis);
    }

    public boolean isFailed() {
        return status == Status.FAILED;
    }

    /**
     * Where it failed, as {@code file:line:column} (or {@code file} when the line is unknown), the file
     * relative to {@code base} where it lies inside it.
     */
    public String location(Path base) {
        Path absolute = failedAt.toAbsolutePath().normalize();
        Path b = base.toAbsolutePath().normalize();
        String shown = absolute.startsWith(b) && !absolute.equals(b) ? b.relativize(absolute).toString() : failedAt.toString();
        return shown + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "");
    }
}
