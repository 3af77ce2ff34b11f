package dev.backline.log;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.temporal.ChronoUnit;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per line, for log shippers: {@code time}, {@code level}, {@code logger}, {@code thread},
 * {@code msg}, then {@code tick}, {@code player} and {@code pack} where the logging thread's
 * {@link LogContext} has them, and {@code error} ({@code type}, {@code message}, {@code stack}) for a record
 * with a throwable. Whatever a message holds (a player's command, say) stays inside its string: a line
 * break in it cannot forge a second record.
 */
public final class JsonLogFormatter extends Formatter {
    // Records are formatted on the logging thread, often a connection's virtual thread: Jackson's default keeps
    // buffers per thread, which every idle connection that ever logged would hold; a shared pool does not.
    private static final JsonFactory JSON = JsonFactory.builder().recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build();

    @Override
    public String format(LogRecord record) {
        StringWriter out = new StringWriter(160);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("time", record.getInstant().truncatedTo(ChronoUnit.MILLIS).toString());
            json.writeStringField("level", LogLevels.name(record.getLevel()));
            json.writeStringField("logger", record.getLoggerName());
            json.writeStringField("thread", Thread.currentThread().getName());
            json.writeStringField("msg", formatMessage(record));
            LogContext context = LogContext.current();
            if (context.tick() != LogContext.NO_TICK) {
                json.writeNumberField("tick", context.tick());
            }
            if (context.player() != null) {
                json.writeStringField("player", context.player());
            }
            if (context.pack() != null) {
                json.writeStringField("pack", context.pack());
            }
            Throwable thrown = record.getThrown();
            if (thrown != null) {
                json.writeObjectFieldStart("error");
                json.writeStringField("type", thrown.getClass().getName());
                json.writeStringField("message", String.valueOf(thrown.getMessage()));
                json.writeStringField("stack", stackTrace(thrown));
                json.writeEndObject();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append(System.lineSeparator()).toString();
    }

    private static String stackTrace(Throwable thrown) {
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
