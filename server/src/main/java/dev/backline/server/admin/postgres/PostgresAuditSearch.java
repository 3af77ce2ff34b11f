package dev.backline.server.admin.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backline.persist.AuditEntry;
import dev.backline.persist.StoreUnavailableException;
import dev.backline.persist.postgres.AuditRow;
import dev.backline.persist.postgres.Database;
import dev.backline.server.admin.AuditQuery;
import dev.backline.server.admin.AuditSearch;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** {@link AuditSearch} over the {@code audit_log} table. */
public final class PostgresAuditSearch implements AuditSearch {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SqlSessionFactory sessions;

    private PostgresAuditSearch(SqlSessionFactory sessions) {
        this.sessions = sessions;
    }

    public static PostgresAuditSearch create(Database database) {
        Configuration configuration = database.sessions().getConfiguration();
        synchronized (configuration) {
            if (!configuration.hasMapper(AuditSearchMapper.class)) {
                configuration.addMapper(AuditSearchMapper.class);
            }
        }
        return new PostgresAuditSearch(database.sessions());
    }

    @Override
    public List<AuditEntry> find(AuditQuery q) {
        List<AuditRow> rows;
        try (SqlSession session = sessions.openSession()) {
            rows = session.getMapper(AuditSearchMapper.class).find(q.actor(), q.actionPrefix(),
                    q.since() == null ? null : q.since().atOffset(ZoneOffset.UTC), q.limit());
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("reading the audit log failed: the database is unavailable", e);
        }
        return rows.stream().map(PostgresAuditSearch::entry).toList();
    }

    private static AuditEntry entry(AuditRow r) {
        Map<String, Object> details;
        try {
            details = JSON.readValue(r.details(), new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            details = Map.of("unreadable", r.details());
        }
        return new AuditEntry(r.at().toInstant(), r.actor(), r.action(), r.subject(), details);
    }
}
