--liquibase formatted sql

--changeset backline:003-account-roles
--comment: What an account may do beyond playing: player, gm or admin (live-ops). Everyone starts a player.
ALTER TABLE accounts ADD COLUMN role text NOT NULL DEFAULT 'player' CHECK (role IN ('player', 'gm', 'admin'));
--rollback ALTER TABLE accounts DROP COLUMN role;

--changeset backline:003-audit-queries
--comment: GET /admin/audit filters by actor and time.
CREATE INDEX audit_log_actor_at ON audit_log (actor, at);
CREATE INDEX audit_log_at ON audit_log (at);
--rollback DROP INDEX audit_log_at; DROP INDEX audit_log_actor_at;

--changeset backline:003-version
UPDATE backline_schema SET version = 3;
--rollback UPDATE backline_schema SET version = 2;
