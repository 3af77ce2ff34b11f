package dev.backline.persist.postgres;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** The world's tables; the SQL is in {@code WorldMapper.xml} beside this interface. */
public interface WorldMapper {
    List<EntityRow> selectEntities();

    int deleteEntities(@Param("ids") List<String> ids);

    /** Writes one entity, its properties as JSON text; meant for a batch session. */
    void upsertEntity(@Param("id") String id, @Param("kind") String kind, @Param("template") String template,
                      @Param("container") String container, @Param("tags") List<String> tags,
                      @Param("properties") String properties, @Param("tick") long tick);

    List<PackStateRow> selectPackStates();

    void upsertPackState(PackStateRow row);

    int deletePackStates(@Param("packs") List<String> packs, @Param("keys") List<String> keys);

    List<PackVersionRow> selectPackVersions();

    void upsertPackVersion(PackVersionRow row);

    List<PackTimerRow> selectPackTimers();

    void upsertPackTimer(PackTimerRow row);

    int deletePackTimers(@Param("ids") List<Long> ids);

    ShardStateRow selectShardState(@Param("shard") String shard);

    void upsertShardState(ShardStateRow row);
}
