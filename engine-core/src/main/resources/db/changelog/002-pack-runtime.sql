--liquibase formatted sql

--changeset backline:002-pack-versions
--comment: Which version of each pack shaped its state, so a pack updated between two runs is migrated at start-up.
CREATE TABLE pack_versions (
    pack       text PRIMARY KEY,
    version    text NOT NULL,
    saved_tick bigint NOT NULL
);
--rollback DROP TABLE pack_versions;

--changeset backline:002-pack-timers
--comment: Pending named timers of packs (game.after), rescheduled at their due game time after a restart.
CREATE TABLE pack_timers (
    id         bigint PRIMARY KEY,
    pack       text NOT NULL,
    name       text NOT NULL,
    due_millis bigint NOT NULL,
    data       jsonb NOT NULL DEFAULT 'null',
    saved_tick bigint NOT NULL
);
--rollback DROP TABLE pack_timers;

--changeset backline:002-timers-through
--comment: The game time up to which the shard's timers had fired; NULL (rows of release 1) means game_millis.
ALTER TABLE shard_states ADD COLUMN timers_through bigint;
--rollback ALTER TABLE shard_states DROP COLUMN timers_through;

--changeset backline:002-version
UPDATE backline_schema SET version = 2;
--rollback UPDATE backline_schema SET version = 1;
