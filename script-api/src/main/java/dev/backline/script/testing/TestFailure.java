package dev.backline.script.testing;

import java.nio.file.Path;
import java.util.Objects;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;

/**
 * Why a test failed and where: the place in the test file that failed (for an assertion, the line of the
 * {@code expect}), else the nearest place in the pack's own code, else the file alone (line 0).
 */
record TestFailure(String message, Path file, int line, int column) {
    private static final String ASSERTION = "AssertionError: ";

    TestFailure {
        Objects.requireNonNull(file, "file");
        message = message == null || message.isBlank() ? "failed without a message" : message;
    }

    static TestFailure at(Path file, String message) {
        return new TestFailure(message, file, 0, 0);
    }

    /** A failure at {@code where} (e.g. the test function) when it is in {@code file}, else at the file alone. */
    static TestFailure at(Path file, SourceSection where, String message) {
        Path path = pathOf(where);
        return path == null ? at(file, message)
                : new TestFailure(message, path, where.hasLines() ? where.getStartLine() : 0, where.hasColumns() ? where.getStartColumn() : 0);
    }

    /**
     * The failure for an exception out of test code.
     *
     * @param stoppedAfter the budget, when the test was stopped for running past it; else null
     * @param fallback where to point when no frame of the pack's files is known (the test function), or null
     */
    static TestFailure of(PolyglotException e, Path testFile, Path packRoot, java.time.Duration stoppedAfter,
                          SourceSection fallback) {
        String message;
        if (stoppedAfter != null || e.isInterrupted() || e.isCancelled()) {
            message = "the test ran past its budget" + (stoppedAfter == null ? "" : " of " + stoppedAfter.toMillis() + " ms")
                    + " and was stopped (an endless loop?)";
        } else {
            message = e.getMessage();
            if (message != null && message.startsWith(ASSERTION)) {
                message = message.substring(ASSERTION.length());
            }
        }
        SourceSection where = locate(e, testFile, packRoot);
        return at(testFile, where != null ? where : fallback, message);
    }

    private static SourceSection locate(PolyglotException e, Path testFile, Path packRoot) {
        SourceSection inPack = null;
        for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
            SourceSection s = frame.isGuestFrame() ? frame.getSourceLocation() : null;
            Path path = pathOf(s);
            if (path == null) {
                continue;
            }
            if (path.equals(testFile)) {
                return s;
            }
            if (inPack == null && path.startsWith(packRoot)) {
                inPack = s;
            }
        }
        SourceSection thrown = e.getSourceLocation();
        Path path = pathOf(thrown);
        if (inPack == null && path != null && path.startsWith(packRoot)) {
            return thrown;
        }
        return inPack;
    }

    private static Path pathOf(SourceSection s) {
        return s == null || s.getSource() == null || s.getSource().getPath() == null ? null : Path.of(s.getSource().getPath());
    }
}
