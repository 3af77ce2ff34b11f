package dev.backline.server.account.postgres;

import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Arg;
import org.apache.ibatis.annotations.ConstructorArgs;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Select;

/** The {@code accounts} and {@code characters} tables. */
public interface AccountMapper {
    @Insert("INSERT INTO accounts (id, name, name_key, password_hash, created_at)"
            + " VALUES (CAST(#{id} AS uuid), #{name}, #{nameKey}, #{passwordHash}, #{createdAt})")
    void insertAccount(AccountRow row);

    @Insert("INSERT INTO characters (entity_id, account_id, name, created_at)"
            + " VALUES (#{entityId}, CAST(#{accountId} AS uuid), #{name}, #{createdAt})")
    void insertCharacter(CharacterRow row);

    @Select("SELECT id::text AS id, name, name_key, password_hash, created_at FROM accounts WHERE name_key = #{nameKey}")
    @ConstructorArgs({
            @Arg(column = "id", javaType = String.class),
            @Arg(column = "name", javaType = String.class),
            @Arg(column = "name_key", javaType = String.class),
            @Arg(column = "password_hash", javaType = String.class),
            @Arg(column = "created_at", javaType = OffsetDateTime.class)})
    AccountRow findByNameKey(String nameKey);

    @Select("SELECT entity_id FROM characters WHERE account_id = CAST(#{accountId} AS uuid) ORDER BY created_at, entity_id")
    List<String> characterIds(String accountId);
}
