package dev.backline.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TextLogFormatterTest {
    private final LogContext context = LogContext.current();

    @AfterEach
    void clearContext() {
        context.tick(LogContext.NO_TICK);
        context.leavePlayer(null);
        context.leavePack(null);
    }

    @Test
    void appendsTheContextInBrackets() {
        context.tick(40);
        context.enterPlayer("p:ann");
        context.enterPack("probe");

        String line = new TextLogFormatter().format(JsonLogFormatterTest.record(Level.SEVERE, "it broke"));

        assertThat(line).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} ERROR backline\\.tick: it broke "
                + "\\[tick=40 player=p:ann pack=probe]\\R");
    }

    @Test
    void noBracketsWithoutContext() {
        String line = new TextLogFormatter().format(JsonLogFormatterTest.record(Level.INFO, "up"));

        assertThat(line).endsWith("INFO  backline.tick: up" + System.lineSeparator());
    }

    @Test
    void theStackFollowsTheLine() {
        LogRecord record = JsonLogFormatterTest.record(Level.WARNING, "failed");
        record.setThrown(new IllegalArgumentException("bad"));

        String text = new TextLogFormatter().format(record);

        assertThat(text.lines().findFirst()).hasValueSatisfying(first -> assertThat(first).endsWith("WARN  backline.tick: failed"));
        assertThat(text).contains("java.lang.IllegalArgumentException: bad").contains("at dev.backline.log.TextLogFormatterTest");
    }

    @Test
    void contextIsPerThreadAndRestoredOnLeaving() throws Exception {
        String outer = context.enterPlayer("p:ann");
        String inner = context.enterPlayer("p:bob");
        assertThat(inner).isEqualTo("p:ann");
        context.leavePlayer(inner);
        assertThat(context.player()).isEqualTo("p:ann");
        context.leavePlayer(outer);
        assertThat(context.player()).isNull();

        context.enterPlayer("p:ann");
        String[] seen = new String[1];
        Thread other = Thread.ofVirtual().start(() -> seen[0] = LogContext.current().player());
        other.join();
        assertThat(seen[0]).isNull();
    }
}
