package dev.backline.persist.postgres;

import org.apache.ibatis.annotations.Select;

/** Reads which schema version a database holds. */
public interface SchemaMapper {
    /** Whether the version table exists at all (false on an empty database). */
    @Select("SELECT to_regclass('backline_schema') IS NOT NULL")
    boolean hasVersionTable();

    /** The version, or null if the table is empty. */
    @Select("SELECT version FROM backline_schema WHERE id = 1")
    Integer version();
}
