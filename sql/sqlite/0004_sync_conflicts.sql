-- 0004: the outbox fills itself (see sql/postgres/0004 for the server's side).
--
-- When this file mirrors a Neon database (sync_state 'journal' = 'on'), every write to a list or a
-- todo records its changed fields in the outbox, by trigger, in the same transaction as the write:
-- whatever makes the change (the window, the command line, an import), it is never made without
-- waiting to be sent, nor waiting without being made. Copies of the server's rows (a pull, the
-- mirror of an online write) are written with 'journal_paused' set inside their own transaction,
-- so they are not sent back.
--
-- synced_version is the version of the row as the server last had it (NULL for a row only this
-- file has): a change carries it, so the server can tell whether the same field changed there
-- since. Positions travel as text with 17 significant digits, which reads back to the same double.

ALTER TABLE lists ADD COLUMN synced_version INTEGER;
ALTER TABLE todos ADD COLUMN synced_version INTEGER;
UPDATE lists SET synced_version = version WHERE change_no IS NOT NULL;
UPDATE todos SET synced_version = version WHERE change_no IS NOT NULL;

CREATE TRIGGER lists_journal_insert AFTER INSERT ON lists
WHEN EXISTS (SELECT 1 FROM sync_state WHERE key = 'journal' AND value = 'on')
 AND NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'journal_paused')
BEGIN
    INSERT INTO outbox (entity, entity_id, fields, base_version, changed_at)
    SELECT 'list', NEW.id, json_group_object(k, v), NULL, NEW.updated_at
      FROM (SELECT 'name' AS k, NEW.name AS v
        UNION ALL SELECT 'position', printf('%.17g', NEW.position)
        UNION ALL SELECT 'colour', NEW.colour
        UNION ALL SELECT 'deleted_at', NEW.deleted_at)
    HAVING count(*) > 0;
END;

CREATE TRIGGER lists_journal_update AFTER UPDATE ON lists
WHEN EXISTS (SELECT 1 FROM sync_state WHERE key = 'journal' AND value = 'on')
 AND NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'journal_paused')
BEGIN
    INSERT INTO outbox (entity, entity_id, fields, base_version, changed_at)
    SELECT 'list', NEW.id, json_group_object(k, v), OLD.synced_version, NEW.updated_at
      FROM (SELECT 'name' AS k, NEW.name AS v WHERE NEW.name IS NOT OLD.name
        UNION ALL SELECT 'position', printf('%.17g', NEW.position) WHERE NEW.position IS NOT OLD.position
        UNION ALL SELECT 'colour', NEW.colour WHERE NEW.colour IS NOT OLD.colour
        UNION ALL SELECT 'deleted_at', NEW.deleted_at WHERE NEW.deleted_at IS NOT OLD.deleted_at)
    HAVING count(*) > 0;
END;

CREATE TRIGGER todos_journal_insert AFTER INSERT ON todos
WHEN EXISTS (SELECT 1 FROM sync_state WHERE key = 'journal' AND value = 'on')
 AND NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'journal_paused')
BEGIN
    INSERT INTO outbox (entity, entity_id, fields, base_version, changed_at)
    SELECT 'todo', NEW.id, json_group_object(k, v), NULL, NEW.updated_at
      FROM (SELECT 'title' AS k, NEW.title AS v
        UNION ALL SELECT 'notes', NEW.notes
        UNION ALL SELECT 'completed', NEW.completed
        UNION ALL SELECT 'completed_at', NEW.completed_at
        UNION ALL SELECT 'due_at', NEW.due_at
        UNION ALL SELECT 'due_all_day', NEW.due_all_day
        UNION ALL SELECT 'priority', NEW.priority
        UNION ALL SELECT 'list_id', NEW.list_id
        UNION ALL SELECT 'position', printf('%.17g', NEW.position)
        UNION ALL SELECT 'deleted_at', NEW.deleted_at)
    HAVING count(*) > 0;
END;

CREATE TRIGGER todos_journal_update AFTER UPDATE ON todos
WHEN EXISTS (SELECT 1 FROM sync_state WHERE key = 'journal' AND value = 'on')
 AND NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'journal_paused')
BEGIN
    INSERT INTO outbox (entity, entity_id, fields, base_version, changed_at)
    SELECT 'todo', NEW.id, json_group_object(k, v), OLD.synced_version, NEW.updated_at
      FROM (SELECT 'title' AS k, NEW.title AS v WHERE NEW.title IS NOT OLD.title
        UNION ALL SELECT 'notes', NEW.notes WHERE NEW.notes IS NOT OLD.notes
        UNION ALL SELECT 'completed', NEW.completed WHERE NEW.completed IS NOT OLD.completed
        UNION ALL SELECT 'completed_at', NEW.completed_at WHERE NEW.completed_at IS NOT OLD.completed_at
        UNION ALL SELECT 'due_at', NEW.due_at WHERE NEW.due_at IS NOT OLD.due_at
        UNION ALL SELECT 'due_all_day', NEW.due_all_day WHERE NEW.due_all_day IS NOT OLD.due_all_day
        UNION ALL SELECT 'priority', NEW.priority WHERE NEW.priority IS NOT OLD.priority
        UNION ALL SELECT 'list_id', NEW.list_id WHERE NEW.list_id IS NOT OLD.list_id
        UNION ALL SELECT 'position', printf('%.17g', NEW.position) WHERE NEW.position IS NOT OLD.position
        UNION ALL SELECT 'deleted_at', NEW.deleted_at WHERE NEW.deleted_at IS NOT OLD.deleted_at)
    HAVING count(*) > 0;
END;

-- The server's log of values that lost to another device's change of the same field (a copy,
-- pulled like the rows). Values and stamps are JSON text.
CREATE TABLE sync_conflicts (
    id             TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
    entity         TEXT NOT NULL CHECK (entity IN ('todo', 'list')),
    entity_id      TEXT NOT NULL CHECK (length(entity_id) = 36),
    field          TEXT NOT NULL,
    kept_value     TEXT,
    lost_value     TEXT,
    kept_stamp     TEXT,
    lost_stamp     TEXT,
    created_at     TEXT NOT NULL,
    restored_at    TEXT,
    version        INTEGER NOT NULL DEFAULT 1 CHECK (version > 0),
    change_no      INTEGER,
    synced_version INTEGER
) STRICT;
CREATE INDEX sync_conflicts_entity ON sync_conflicts (entity_id);
CREATE INDEX outbox_entity ON outbox (entity_id);
