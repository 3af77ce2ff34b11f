package dev.backline.server.admin.postgres;

import dev.backline.persist.postgres.AuditRow;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Arg;
import org.apache.ibatis.annotations.ConstructorArgs;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Filtered reads of {@code audit_log} (indexed by actor and time, see changelog 003). */
public interface AuditSearchMapper {
    @Select("<script>SELECT at, actor, action, subject, details::text AS details FROM audit_log"
            + "<where>"
            + "<if test='actor != null'>actor = #{actor}</if>"
            + "<if test='action != null'> AND starts_with(action, #{action})</if>"
            + "<if test='since != null'> AND at &gt;= #{since}</if>"
            + "</where> ORDER BY id DESC LIMIT #{limit}</script>")
    @ConstructorArgs({
            @Arg(column = "at", javaType = OffsetDateTime.class),
            @Arg(column = "actor", javaType = String.class),
            @Arg(column = "action", javaType = String.class),
            @Arg(column = "subject", javaType = String.class),
            @Arg(column = "details", javaType = String.class)})
    List<AuditRow> find(@Param("actor") String actor, @Param("action") String action,
                        @Param("since") OffsetDateTime since, @Param("limit") int limit);
}
