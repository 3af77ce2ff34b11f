--liquibase formatted sql

--changeset backline:001-schema-version
--comment: Which schema version this database holds; start-up refuses a version newer than the code knows.
CREATE TABLE backline_schema (
    id      integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    version integer NOT NULL
);
--rollback DROP TABLE backline_schema;

--changeset backline:001-accounts
--comment: Accounts log in; characters are what they play. One account may own several characters.
CREATE TABLE accounts (
    id            uuid PRIMARY KEY,
    name          text NOT NULL,
    name_key      text NOT NULL UNIQUE,
    password_hash text NOT NULL,
    created_at    timestamptz NOT NULL
);
CREATE TABLE characters (
    entity_id  text PRIMARY KEY,
    account_id uuid NOT NULL REFERENCES accounts (id),
    name       text NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX characters_account ON characters (account_id);
--rollback DROP TABLE characters; DROP TABLE accounts;

--changeset backline:001-world
--comment: Every entity of the world, written behind by the world thread. container has no foreign key: a
--comment: batch writes a consistent cut of the world in one transaction, in no particular row order.
-- fillfactor leaves room in each page, so most flushes update rows in place (HOT) without touching indexes.
CREATE TABLE entities (
    id         text PRIMARY KEY,
    kind       text NOT NULL,
    template   text,
    container  text,
    tags       text[] NOT NULL DEFAULT '{}',
    properties jsonb NOT NULL DEFAULT '{}',
    saved_tick bigint NOT NULL
) WITH (fillfactor = 70);
CREATE INDEX entities_container ON entities (container);
CREATE INDEX entities_kind ON entities (kind);
CREATE TABLE pack_states (
    pack       text NOT NULL,
    key        text NOT NULL,
    value      jsonb NOT NULL,
    saved_tick bigint NOT NULL,
    PRIMARY KEY (pack, key)
);
CREATE TABLE shard_states (
    shard       text PRIMARY KEY,
    tick        bigint NOT NULL,
    game_millis bigint NOT NULL,
    rng_state   bigint NOT NULL,
    saved_at    timestamptz NOT NULL
);
--rollback DROP TABLE shard_states; DROP TABLE pack_states; DROP TABLE entities;

--changeset backline:001-audit splitStatements:false
--comment: Append-only: a trigger refuses updates and deletes, so the record of admin actions cannot be rewritten.
CREATE TABLE audit_log (
    id      bigserial PRIMARY KEY,
    at      timestamptz NOT NULL DEFAULT now(),
    actor   text NOT NULL,
    action  text NOT NULL,
    subject text,
    details jsonb NOT NULL DEFAULT '{}'
);
CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP;
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
--rollback DROP TABLE audit_log; DROP FUNCTION audit_log_is_append_only();

--changeset backline:001-version
INSERT INTO backline_schema (id, version) VALUES (1, 1);
--rollback DELETE FROM backline_schema;
