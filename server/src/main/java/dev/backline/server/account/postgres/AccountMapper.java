package dev.backline.server.account.postgres;

import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Arg;
import org.apache.ibatis.annotations.ConstructorArgs;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The {@code accounts} and {@code characters} tables. */
public interface AccountMapper {
    @Insert("INSERT INTO accounts (id, name, name_key, password_hash, created_at, role)"
            + " VALUES (CAST(#{id} AS uuid), #{name}, #{nameKey}, #{passwordHash}, #{createdAt}, #{role})")
    void insertAccount(AccountRow row);

    @Insert("INSERT INTO characters (entity_id, account_id, name, created_at)"
            + " VALUES (#{entityId}, CAST(#{accountId} AS uuid), #{name}, #{createdAt})")
    void insertCharacter(CharacterRow row);

    @Select("SELECT id::text AS id, name, name_key, password_hash, created_at, role FROM accounts WHERE name_key = #{nameKey}")
    @ConstructorArgs({
            @Arg(column = "id", javaType = String.class),
            @Arg(column = "name", javaType = String.class),
            @Arg(column = "name_key", javaType = String.class),
            @Arg(column = "password_hash", javaType = String.class),
            @Arg(column = "created_at", javaType = OffsetDateTime.class),
            @Arg(column = "role", javaType = String.class)})
    AccountRow findByNameKey(String nameKey);

    @Update("UPDATE accounts SET password_hash = #{hash} WHERE id = CAST(#{id} AS uuid)")
    int updatePasswordHash(@Param("id") String id, @Param("hash") String hash);

    @Update("UPDATE accounts SET role = #{role} WHERE name_key = #{nameKey}")
    int updateRole(@Param("nameKey") String nameKey, @Param("role") String role);

    /** Locks the account row, so two concurrent character creations cannot both pass the limit. */
    @Select("SELECT count(*) FROM characters WHERE account_id ="
            + " (SELECT id FROM accounts WHERE id = CAST(#{accountId} AS uuid) FOR UPDATE)")
    int lockAndCountCharacters(String accountId);

    @Select("SELECT entity_id FROM characters WHERE account_id = CAST(#{accountId} AS uuid) ORDER BY created_at, entity_id")
    List<String> characterIds(String accountId);

    @Select("SELECT entity_id, name FROM characters WHERE account_id = CAST(#{accountId} AS uuid) ORDER BY created_at, entity_id")
    @ConstructorArgs({
            @Arg(column = "entity_id", javaType = String.class),
            @Arg(column = "name", javaType = String.class)})
    List<dev.backline.server.account.CharacterRef> characters(String accountId);
}
