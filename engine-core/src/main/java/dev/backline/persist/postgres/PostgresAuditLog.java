package dev.backline.persist.postgres;

import dev.backline.persist.AuditEntry;
import dev.backline.persist.AuditLog;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** The audit log in the {@code audit_log} table, which a trigger keeps append-only. */
public final class PostgresAuditLog implements AuditLog {
    private final SqlSessionFactory sessions;

    PostgresAuditLog(SqlSessionFactory sessions) {
        this.sessions = sessions;
    }

    /** The row for an entry, to insert with {@link AuditMapper} inside another transaction. */
    public static AuditRow row(AuditEntry entry) {
        return new AuditRow(entry.at().atOffset(ZoneOffset.UTC), entry.actor(), entry.action(), entry.subject(),
                JsonText.write(entry.details()));
    }

    @Override
    public void append(AuditEntry entry) {
        try (SqlSession session = sessions.openSession(true)) {
            session.getMapper(AuditMapper.class).insert(row(entry));
        } catch (RuntimeException e) {
            throw StoreFailures.classify("appending to the audit log", e);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<AuditEntry> recent(int limit) {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(AuditMapper.class).recent(limit).stream()
                    .map(r -> new AuditEntry(r.at().toInstant(), r.actor(), r.action(), r.subject(),
                            (Map<String, Object>) JsonText.read(r.details())))
                    .toList();
        } catch (RuntimeException e) {
            throw StoreFailures.classify("reading the audit log", e);
        }
    }
}
