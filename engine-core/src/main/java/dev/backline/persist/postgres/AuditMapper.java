package dev.backline.persist.postgres;

import java.util.List;
import org.apache.ibatis.annotations.Arg;
import org.apache.ibatis.annotations.ConstructorArgs;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Select;

/**
 * The append-only {@code audit_log}. Public so that other features can add an entry in the same transaction
 * as the change it records ({@code session.getMapper(AuditMapper.class)}).
 */
public interface AuditMapper {
    @Insert("INSERT INTO audit_log (at, actor, action, subject, details)"
            + " VALUES (#{at}, #{actor}, #{action}, #{subject,jdbcType=VARCHAR}, CAST(#{details} AS jsonb))")
    void insert(AuditRow row);

    @Select("SELECT at, actor, action, subject, details::text AS details FROM audit_log ORDER BY id DESC LIMIT #{limit}")
    @ConstructorArgs({
            @Arg(column = "at", javaType = java.time.OffsetDateTime.class),
            @Arg(column = "actor", javaType = String.class),
            @Arg(column = "action", javaType = String.class),
            @Arg(column = "subject", javaType = String.class),
            @Arg(column = "details", javaType = String.class)})
    List<AuditRow> recent(int limit);
}
