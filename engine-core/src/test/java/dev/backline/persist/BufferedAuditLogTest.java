package dev.backline.persist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backline.testing.Await;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BufferedAuditLogTest {
    /** An audit log in memory that refuses appends while it is down. */
    private static final class FlakyLog implements AuditLog {
        final List<AuditEntry> stored = new ArrayList<>();
        volatile boolean down;
        volatile int refused;

        @Override
        public synchronized void append(AuditEntry entry) {
            if (down) {
                refused++;
                throw new StoreUnavailableException("down");
            }
            stored.add(entry);
        }

        @Override
        public synchronized List<AuditEntry> recent(int limit) {
            return List.copyOf(stored.reversed().subList(0, Math.min(limit, stored.size())));
        }
    }

    private static AuditEntry entry(String subject) {
        return AuditEntry.of("admin:ops", "pack.reload", subject, Map.of("ok", true));
    }

    @Test
    void entriesMadeWhileTheStoreIsAwayAreStoredInOrderOnceItIsBack() {
        FlakyLog store = new FlakyLog();
        store.down = true;
        try (BufferedAuditLog audit = BufferedAuditLog.start(store)) {
            audit.append(entry("a"));
            audit.append(entry("b"));
            Await.until("a refused attempt", () -> store.refused > 1);
            assertThat(audit.pending()).as("one in flight, one queued").isEqualTo(1);

            store.down = false;
            Await.until("both stored", () -> audit.written() == 2);
            assertThat(audit.recent(10)).extracting(AuditEntry::subject).containsExactly("b", "a");
        }
    }

    @Test
    void closingWritesWhatIsQueued() {
        FlakyLog store = new FlakyLog();
        BufferedAuditLog audit = BufferedAuditLog.start(store);
        for (int i = 0; i < 50; i++) {
            audit.append(entry("p" + i));
        }
        audit.close();

        assertThat(store.stored).hasSize(50);
        audit.append(entry("late"));
        assertThat(audit.dropped()).as("nothing is taken after close").isEqualTo(1);
    }
}
